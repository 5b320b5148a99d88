using System.CommandLine;
using System.Text;
using DocGen.Cli.Commands;

namespace DocGen.Cli;

/// <summary>`docgen`: the command line of DocGen. Every command has --help; errors go to stderr in Chinese with an English code.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var root = new RootCommand("DocGen：政府信息公开工作年度报告的校验、导入与生成（.docx / PDF）")
        {
            ImportCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            RenderCommand.Create(),
            TemplateCommand.Create(),
            ServeCommand.Create(),
            BenchCommand.Create(),
            ValidateBenchCommand.Create(),
            SumCommand.Create(),
        };
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (Exception e)
        {
            // Last resort: a clear line instead of a stack trace.
            CliOutput.Error("INTERNAL_ERROR", $"内部错误：{e.Message}");
            return ExitCodes.Unreadable;
        }
    }
}
