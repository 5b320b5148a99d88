using System.CommandLine;
using DocGen.Core.Json;

namespace DocGen.Cli.Commands;

/// <summary>`docgen schema [-o FILE]`: the JSON Schema of report JSON, built from the edition definitions.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "写入文件（默认输出到标准输出）" };
        var command = new Command("schema", "输出报告JSON的JSON Schema") { output };
        command.SetAction(parse =>
        {
            string schema = ReportSchema.Build();
            if (parse.GetValue(output) is { } path) OutputFile.WriteText(path, schema);
            else Console.Write(schema);
            return ExitCodes.Ok;
        });
        return command;
    }
}
