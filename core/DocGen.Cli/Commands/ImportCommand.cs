using System.CommandLine;
using System.Text;
using DocGen.Core.Import;
using DocGen.Core.Json;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen import FILE [-o OUT.json]`: a report copied out of a web page becomes report JSON. What could
/// not be read is listed with line numbers; nothing is invented. Exit 0 read (warnings allowed), 1 read
/// with errors (some cells left out), 2 unreadable.
/// </summary>
internal static class ImportCommand
{
    public const long MaxTextBytes = 10 * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "从网页复制的报告文本（UTF-8），或.xlsx工作簿" };
        var output = new Option<string?>("--output", "-o") { Description = "写入JSON文件（默认输出到标准输出）" };
        var command = new Command("import", "把从网页复制的报告全文导入为报告JSON") { file, output };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string path, string? output)
    {
        if (WorkbookCli.IsWorkbook(path)) return WorkbookCli.Import(path, output);
        var bytes = InputFile.ReadBytes(path, MaxTextBytes, out var error);
        if (bytes is null)
        {
            CliOutput.Finding(path, error!);
            return ExitCodes.Unreadable;
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            CliOutput.Error("INVALID_UTF8", $"{path}：文件不是UTF-8文本，请先转换编码（如GBK转UTF-8）");
            return ExitCodes.Unreadable;
        }
        return Finish(path, output, ReportImporter.Import(Encoding.UTF8.GetString(bytes), Path.GetFileName(path)));
    }

    /// <summary>Prints what the import noticed (with the line, or the cell of a workbook) and writes the JSON; the exit code.</summary>
    internal static int Finish(string path, string? output, ImportResult result)
    {
        foreach (var issue in result.Issues)
            Console.Error.WriteLine($"{path}:{issue.Where ?? (issue.Line > 0 ? issue.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}: {(issue.IsError ? "错误" : "警告")} {issue.Code}：{issue.Message}");
        if (result.Report is null)
        {
            CliOutput.Error("NOTHING_IMPORTED", $"{path}：没有读到报告内容");
            return ExitCodes.Unreadable;
        }
        var json = ReportJsonWriter.Write(result.Report);
        if (output is null) Console.Out.Write(Encoding.UTF8.GetString(json));
        else File.WriteAllBytes(output, json);
        return result.HasErrors ? ExitCodes.ReportErrors : ExitCodes.Ok;
    }
}
