using DocGen.Core;
using DocGen.Core.Editions;
using DocGen.Core.Excel;
using DocGen.Core.Model;

namespace DocGen.Cli.Commands;

/// <summary>The workbook parts of `docgen import` (a .xlsx file) and `docgen render --format xlsx`.</summary>
internal static class WorkbookCli
{
    public const string Format = "xlsx";

    /// <summary>Whether `import` should read the file as a workbook: by its extension (.xls gets a clear refusal).</summary>
    public static bool IsWorkbook(string path) => Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls";

    public static int Import(string path, string? output)
    {
        var bytes = InputFile.ReadBytes(path, XlsxReader.MaxFileBytes, out var error);
        if (bytes is null)
        {
            CliOutput.Finding(path, error!);
            return ExitCodes.Unreadable;
        }
        Core.Import.ImportResult result;
        try
        {
            result = Core.Import.ReportImporter.Import(bytes, Path.GetFileName(path));
        }
        catch (Core.Import.ImportException e)
        {
            CliOutput.Error(e.Code, $"{path}：{e.Message}");
            return ExitCodes.Unreadable;
        }
        return ImportCommand.Finish(path, output, result);
    }

    /// <summary>Takes "xlsx" out of a format list such as "docx,pdf,xlsx"; the rest is for the document renderer.</summary>
    public static bool TakeFormat(ref string formatList)
    {
        var parts = formatList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool wanted = parts.Any(p => p.Equals(Format, StringComparison.OrdinalIgnoreCase));
        formatList = string.Join(",", parts.Where(p => !p.Equals(Format, StringComparison.OrdinalIgnoreCase)));
        return wanted;
    }

    /// <summary>Writes STEM.xlsx; a legacy report has no mandated tables, so it gets a notice instead of a workbook.</summary>
    public static string? Write(Report report, string stem)
    {
        if (EditionCatalog.Find(report.Edition) is { } edition && !WorkbookWriter.HasWorkbook(edition))
        {
            Console.Error.WriteLine($"警告 WORKBOOK_SKIPPED：{stem}：“{edition.Id}”版本没有规定的统计表格，未生成.xlsx");
            return null;
        }
        File.WriteAllBytes(stem + ".xlsx", WorkbookWriter.Render(report));
        return stem + ".xlsx";
    }
}
