using System.CommandLine;
using System.Text.Json.Nodes;
using DocGen.Core.Editions;
using DocGen.Core.Validation;

namespace DocGen.Cli.Commands;

/// <summary>`docgen validate FILE.json...`: 0 no errors (warnings allowed), 1 a report has errors, 2 a file cannot be read.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "报告JSON文件（可多个）", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "输出格式：text（默认）或json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var previous = new Option<string?>("--previous") { Description = "上一年度报告JSON：核对上年结转、现行有效件数等跨年度关系" };
        var command = new Command("validate", "校验报告JSON：格式、数值类型和表格勾稽关系") { files, format, previous };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(format)!, parse.GetValue(previous)));
        return command;
    }

    private static int Run(string[] files, string format, string? previousFile)
    {
        int exit = ExitCodes.Ok;
        Core.Model.Report? previous = null;
        if (previousFile is not null)
        {
            previous = InputFile.ReadReport(previousFile, out var errors);
            if (previous is null)
            {
                foreach (var e in errors) CliOutput.Finding(previousFile, e);
                return ExitCodes.Unreadable;
            }
        }
        var all = new List<(string File, Finding Finding)>();
        foreach (var file in files)
        {
            var report = InputFile.ReadReport(file, out var readErrors);
            var findings = report is null ? readErrors : ReportValidator.Validate(report, new ValidationOptions { Previous = previous });
            if (report is null) exit = ExitCodes.Unreadable;
            else if (findings.Any(f => f.Severity == Severity.Error)) exit = Math.Max(exit, ExitCodes.ReportErrors);
            all.AddRange(findings.Select(f => (file, f)));
            if (format == "text")
            {
                foreach (var f in findings) CliOutput.Finding(file, f);
                int errors = findings.Count(f => f.Severity == Severity.Error);
                Console.WriteLine(report is null
                    ? $"{file}：无法读取"
                    : $"{file}：{errors}个错误，{findings.Count - errors}个警告");
            }
        }
        if (format == "json") Console.WriteLine(ToJson(all));
        return exit;
    }

    public static string ToJson(IEnumerable<(string File, Finding Finding)> findings) =>
        FindingJson.Serialize(new JsonArray(findings.Select(x => (JsonNode?)FindingJson.ToJson(x.Finding, x.File)).ToArray()));
}
