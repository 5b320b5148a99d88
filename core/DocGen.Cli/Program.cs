using System.CommandLine;
using System.Text;
using DocGen.Cli.Commands;
using DocGen.Core;
using DocGen.Storage;

namespace DocGen.Cli;

/// <summary>
/// `docgen`: the command line of DocGen. Every command has --help; errors go to stderr in Chinese with an English
/// code. Exit codes: 0 ok, 1 a report has errors, 2 an input cannot be read or the command was misused. No stack
/// trace is ever printed, except with --verbose.
/// </summary>
internal static class Program
{
    private const string VerboseFlag = "--verbose";

    public static int Main(string[] args)
    {
        StartPhases.Mark("main");
        Console.OutputEncoding = Encoding.UTF8;
        bool verbose = args.Contains(VerboseFlag);
        try
        {
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
                SweepCommand.Create(),
            };
            root.Options.Add(new Option<bool>(VerboseFlag) { Description = "出错时显示详细信息（含调用栈）", Recursive = true });
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) CliOutput.Error("USAGE", error.Message);
                Console.Error.WriteLine("用法见 docgen --help");
                return ExitCodes.Unreadable;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            return Fail(e.Code, e.Message, e, verbose);
        }
        catch (DocGenException e)
        {
            return Fail(e.Code, e.Message, e, verbose);
        }
        catch (StorageException e)
        {
            return Fail(e.Code, e.Message, e, verbose);
        }
        catch (Exception e)
        {
            // Last resort: one clear line instead of a stack trace.
            return Fail("INTERNAL_ERROR", $"内部错误（{e.GetType().Name}）：{e.Message}" + (verbose ? "" : $"；加{VerboseFlag}可查看详情"), e, verbose);
        }
    }

    private static int Fail(string code, string message, Exception e, bool verbose)
    {
        CliOutput.Error(code, message);
        if (verbose) Console.Error.WriteLine(e);
        return ExitCodes.Unreadable;
    }
}
