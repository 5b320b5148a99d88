using System.CommandLine;
using System.Diagnostics;
using DocGen.Core.Rendering;
using DocGen.Core;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen render FILE.json... --out DIR`: one process renders many reports, as many at a time as there are
/// cores, and reports on them in input order; one bad file is reported and the others still render; a summary
/// ends the run.
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
        StartPhases.Mark("options");
        // Both cores: a batch renders reports side by side, a report alone has its two writers run side by side.
        int degree = Environment.ProcessorCount;
        using var renderer = new DocumentRenderer(new RenderSettings { FontDirectory = fontDir, ConcurrentWriters = files.Length < degree });
        var job = new RenderJob(renderer, formats, template, plan, workbook);
        if (formats.HasFlag(OutputFormats.Pdf)) job.PrepareFonts();

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        // Rendering is CPU work, on the pool, `degree` at a time; this thread writes the files (fsync waits on the
        // disk, not on a core) in input order, so of two inputs with one name the later wins, as one after the other.
        // At most 2 × degree rendered reports wait for it, so a slow disk does not fill memory.
        using var cores = new SemaphoreSlim(degree);
        using var unwritten = new SemaphoreSlim(2 * degree);
        var rendered = files.Select(file => new Task<RenderedReport>(() =>
        {
            try { return job.Render(file, stop.Token); }
            finally { cores.Release(); }
        })).ToArray();
        // Started in input order, so the report this thread waits for next always has its place; on a thread of its
        // own, as it blocks between starts. Cancelled, it stops starting.
        new Thread(() =>
        {
            try
            {
                foreach (var task in rendered)
                {
                    unwritten.Wait(stop.Token);
                    cores.Wait(stop.Token);
                    task.Start();
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { /* the command has failed and gone */ }
        }) { IsBackground = true, Name = "render-starter" }.Start();

        int ok = 0, failed = 0;
        bool fontsShown = false;
        for (int i = 0; i < files.Length;)
        {
            // The report due next and those after it already rendered are written as one batch, flushed to disk
            // side by side (OutputBatch): the disk's commits, not a core, set the pace of one fsync after another.
            var group = new List<(RenderedReport, string)>();
            RenderOutcome[] outcomes;
            try
            {
                do
                {
                    group.Add((rendered[i + group.Count].GetAwaiter().GetResult(), Path.Combine(outDir, Path.GetFileNameWithoutExtension(files[i + group.Count]))));
                }
                while (i + group.Count < files.Length && group.Count < 2 * degree && rendered[i + group.Count].IsCompleted);
                outcomes = job.Write(group);
                for (int k = 0; k < group.Count; k++) rendered[i + k] = null!; // its documents are written: let them go (the starter has passed it)
                unwritten.Release(group.Count);
            }
            catch
            {
                // An unforeseen fault ends the command as it would have one report after another: those after it stop.
                stop.Cancel();
                throw;
            }
            foreach (var outcome in outcomes)
            {
                foreach (var message in outcome.Messages) message();
                if (outcome.Written is null)
                {
                    failed++;
                    i++;
                    continue;
                }
                if (!fontsShown && outcome.Fonts is { } fonts)
                {
                    foreach (var (role, face) in fonts) Console.WriteLine($"字体 {role}: {face}");
                    fontsShown = true;
                }
                ok++;
                Console.WriteLine($"[{i + 1}/{files.Length}] {files[i]} → {string.Join("，", outcome.Written)}");
                i++;
            }
        }
        Console.WriteLine($"完成：{ok}个成功，{failed}个失败，用时{clock.Elapsed.TotalSeconds:0.0}秒");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Unreadable;
    }

}
