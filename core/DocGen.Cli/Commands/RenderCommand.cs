using System.CommandLine;
using System.Diagnostics;
using DocGen.Core;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Pdf;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen render FILE.json... --out DIR`: one process renders many reports; one bad file is reported
/// and the others still render; a summary ends the run.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "报告JSON文件（可多个）", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "输出目录", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式，逗号分隔：docx,pdf,xlsx", DefaultValueFactory = _ => "docx,pdf" };
        var template = new Option<string?>("--template") { Description = "使用自定义的.docx模板（默认为内置模板）" };
        var fonts = new Option<string?>("--fonts") { Description = "字体目录（优先于系统字体；也可用环境变量DOCGEN_FONTS）" };
        var keep = new Option<bool>("--keep-punctuation") { Description = "保留原文的标点（默认把汉字之间的半角标点改为全角）" };
        var command = new Command("render", "生成报告的.docx、PDF（及.xlsx工作簿）") { files, output, format, template, fonts, keep };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(output)!, parse.GetValue(format)!,
            parse.GetValue(template), parse.GetValue(fonts) ?? Environment.GetEnvironmentVariable("DOCGEN_FONTS"),
            new PlanOptions { KeepPunctuationAsWritten = parse.GetValue(keep) }));
        return command;
    }

    private static int Run(string[] files, string outDir, string formatList, string? templatePath, string? fontDir, PlanOptions plan)
    {
        string documents = formatList;
        bool workbook = WorkbookCli.TakeFormat(ref documents);
        var formats = (OutputFormats)0;
        if (!(workbook && documents.Length == 0) && !OutputFormatList.TryParse(documents, out formats))
        {
            CliOutput.Error("INVALID_FORMAT", $"输出格式“{formatList}”无效，应为docx、pdf、xlsx或以逗号分隔的组合");
            return ExitCodes.Unreadable;
        }
        byte[]? template = null;
        if (templatePath is not null)
        {
            template = InputFile.ReadBytes(templatePath, 50 * 1024 * 1024, out var error);
            if (template is null)
            {
                CliOutput.Finding(templatePath, error!);
                return ExitCodes.Unreadable;
            }
            WordTemplateFile.Check(templatePath, template);
        }
        if (fontDir is not null && !Directory.Exists(fontDir))
            throw new CliException("FONTS_DIR_NOT_FOUND", $"字体目录“{fontDir}”不存在（--fonts或环境变量DOCGEN_FONTS）");
        OutputFile.EnsureDirectory(outDir);
        using var renderer = new DocumentRenderer(new RenderSettings { FontDirectory = fontDir });
        int ok = 0, failed = 0, i = 0;
        bool fontsShown = false;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            i++;
            var report = InputFile.ReadReport(file, out var errors);
            if (report is null)
            {
                foreach (var e in errors) CliOutput.Finding(file, e);
                failed++;
                continue;
            }
            foreach (var f in ReportValidator.Validate(report).Where(f => f.Severity == Core.Editions.Severity.Error))
                CliOutput.Finding(file, f with { Message = f.Message + "（仍照原样生成）" });
            try
            {
                var docs = renderer.Render(report, formats, template, plan);
                string stem = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file));
                if (docs.Docx is not null) OutputFile.Write(stem + ".docx", docs.Docx);
                if (docs.Pdf is not null) OutputFile.Write(stem + ".pdf", docs.Pdf);
                var written = Extensions(formats).Select(e => $"{stem}.{e}").ToList();
                if (workbook && WorkbookCli.Write(report, stem) is { } xlsx) written.Add(xlsx);
                if (!fontsShown && docs.PdfResult is { } pdf)
                {
                    foreach (var (role, face) in pdf.FontsByRole) Console.WriteLine($"字体 {role}: {face}");
                    fontsShown = true;
                }
                ok++;
                Console.WriteLine($"[{i}/{files.Length}] {file} → {string.Join("，", written)}");
            }
            catch (Exception e) when (e is DocGenException or FontNotFoundException or CliException)
            {
                CliOutput.Error(e switch { DocGenException d => d.Code, CliException c => c.Code, _ => "FONT_NOT_FOUND" }, $"{file}：{e.Message}");
                failed++;
            }
        }
        Console.WriteLine($"完成：{ok}个成功，{failed}个失败，用时{clock.Elapsed.TotalSeconds:0.0}秒");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Unreadable;
    }

    private static IEnumerable<string> Extensions(OutputFormats f) =>
        new[] { (OutputFormats.Docx, "docx"), (OutputFormats.Pdf, "pdf") }.Where(x => f.HasFlag(x.Item1)).Select(x => x.Item2);
}
