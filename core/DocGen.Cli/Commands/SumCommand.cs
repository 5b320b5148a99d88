using System.CommandLine;
using System.Text;
using DocGen.Core;
using DocGen.Core.Aggregation;
using DocGen.Core.Json;
using DocGen.Core.Validation;

namespace DocGen.Cli.Commands;

/// <summary>`docgen sum FILE.json... --agency NAME --year N`: a compiled report whose tables are the sums of the parts.</summary>
internal static class SumCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "各部门、各区县的报告JSON", Arity = ArgumentArity.OneOrMore };
        var agency = new Option<string>("--agency") { Description = "汇总报告的机关名称", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "写入JSON文件（默认输出到标准输出）" };
        var command = new Command("sum", "把多份同一年度、同一版本的报告的表格逐格相加，生成汇总报告JSON") { files, agency, year, output };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(output)));
        return command;
    }

    private static int Run(string[] files, string agency, int year, string? output)
    {
        var parts = new List<Core.Model.Report>();
        foreach (var file in files)
        {
            var report = InputFile.ReadReport(file, out var errors);
            if (report is null)
            {
                foreach (var e in errors) CliOutput.Finding(file, e);
                return ExitCodes.Unreadable;
            }
            // A part's own faults carry into the sum: say so, per part.
            foreach (var f in ReportValidator.Validate(report).Where(f => f.Severity == Core.Editions.Severity.Error))
                CliOutput.Finding(file, f);
            parts.Add(report);
        }
        try
        {
            var compiled = ReportAggregator.Compile(parts, agency, year);
            // Cells some parts left blank stay blank in the sum: say which, and who left them.
            foreach (var f in compiled.Findings) CliOutput.Finding(output ?? "sum", f);
            var json = ReportJsonWriter.Write(compiled.Report);
            if (output is null) Console.Out.Write(Encoding.UTF8.GetString(json));
            else OutputFile.Write(output, json);
            return ExitCodes.Ok;
        }
        catch (DocGenException e)
        {
            CliOutput.Error(e.Code, e.Message);
            return ExitCodes.ReportErrors;
        }
    }
}
