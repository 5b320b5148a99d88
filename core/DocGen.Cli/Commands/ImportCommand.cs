using System.CommandLine;
using System.Text;
using DocGen.Core.Import;
using DocGen.Core.Json;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen import FILE [-o OUT.json]`: a report as an office has it (text copied out of a web page, a saved
/// page, a Word document, a workbook; the reader is chosen by content, then by extension) becomes report JSON. What
/// could not be read is listed with its place; nothing is invented. Exit 0 read (warnings allowed), 1 read
/// with errors (some cells or sections missing), 2 unreadable.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "报告文件：网页文本（.txt，UTF-8）、网页（.html）、Word文档（.docx）、Excel工作簿（.xlsx）" };
        var output = new Option<string?>("--output", "-o") { Description = "写入JSON文件（默认输出到标准输出）" };
        var command = new Command("import", "把报告文本、网页、Word文档或Excel工作簿导入为报告JSON") { file, output };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string path, string? output)
    {
        var bytes = InputFile.ReadBytes(path, ReportImporter.MaxSourceBytes, out var error);
        if (bytes is null)
        {
            CliOutput.Finding(path, error!);
            return ExitCodes.Unreadable;
        }
        ImportResult result;
        try
        {
            result = ReportImporter.Import(bytes, Path.GetFileName(path));
        }
        catch (ImportException e)
        {
            CliOutput.Error(e.Code, $"{path}：{e.Message}");
            return ExitCodes.Unreadable;
        }
        foreach (var issue in result.Issues)
            Console.Error.WriteLine($"{path}:{issue.Where ?? (issue.Line > 0 ? issue.Line.ToString() : "-")}: {(issue.IsError ? "错误" : "警告")} {issue.Code}：{issue.Message}");
        if (result.Report is null)
        {
            CliOutput.Error("NOTHING_IMPORTED", $"{path}：没有读到报告内容");
            return ExitCodes.Unreadable;
        }
        var json = ReportJsonWriter.Write(result.Report);
        if (output is null) Console.Out.Write(Encoding.UTF8.GetString(json));
        else OutputFile.Write(output, json);
        return result.HasErrors ? ExitCodes.ReportErrors : ExitCodes.Ok;
    }
}
