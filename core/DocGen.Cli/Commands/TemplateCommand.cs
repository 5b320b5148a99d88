using System.CommandLine;
using DocGen.Core.Excel;
using DocGen.Core.Editions;
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
            foreach (var edition in EditionCatalog.All)
            {
                string path = Path.Combine(dir, TemplateBuilder.FileName(edition));
                OutputFile.Write(path, TemplateBuilder.Build(edition));
                Console.WriteLine(path);
            }
            foreach (var edition in EditionCatalog.All.Where(WorkbookWriter.HasWorkbook))
            {
                string path = Path.Combine(dir, WorkbookWriter.FileName(edition));
                OutputFile.Write(path, WorkbookWriter.Template(edition));
                Console.WriteLine(path);
            }
            return ExitCodes.Ok;
        });
        return new Command("template", "模板相关命令") { build };
    }
}
