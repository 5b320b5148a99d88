using System.CommandLine;
using DocGen.Core.Excel;
using DocGen.Core.Word;

namespace DocGen.Cli.Commands;

/// <summary>`docgen template build [--out DIR]`: writes the .docx template of every edition and the .xlsx workbook of every edition with tables from the edition definitions.</summary>
internal static class TemplateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "输出目录（默认templates）", DefaultValueFactory = _ => "templates" };
        var build = new Command("build", "由版本定义生成各版本的.docx模板和.xlsx工作簿模板") { output };
        build.SetAction(parse =>
        {
            string dir = parse.GetValue(output)!;
            OutputFile.EnsureDirectory(dir);
            foreach (var (name, make) in TemplateBuilder.Templates().Concat(WorkbookWriter.Templates()))
            {
                string path = Path.Combine(dir, name);
                OutputFile.Write(path, make());
                Console.WriteLine(path);
            }
            return ExitCodes.Ok;
        });
        return new Command("template", "模板相关命令") { build };
    }
}
