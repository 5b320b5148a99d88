using DocGen.Core;
using DocGen.Core.Editions;
using DocGen.Core.Excel;
using DocGen.Core.Model;

namespace DocGen.Cli.Commands;

/// <summary>The workbook part of `docgen render --format xlsx` (`docgen import` takes a workbook through the readers).</summary>
internal static class WorkbookCli
{
    public const string Format = "xlsx";

    /// <summary>Takes "xlsx" out of a format list such as "docx,pdf,xlsx"; the rest is for the document renderer.</summary>
    public static bool TakeFormat(ref string formatList)
    {
        var parts = formatList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool wanted = parts.Any(p => p.Equals(Format, StringComparison.OrdinalIgnoreCase));
        formatList = string.Join(",", parts.Where(p => !p.Equals(Format, StringComparison.OrdinalIgnoreCase)));
        return wanted;
    }

    /// <summary>Writes STEM.xlsx; a legacy report has no mandated tables, so it gets a notice instead of a workbook.</summary>
    /// <remarks>The notice is added to <paramref name="messages"/>, which the caller prints in its order.</remarks>
    public static string? Write(Report report, string stem, ICollection<Action> messages) =>
        Write(report, stem, messages, (path, bytes) => OutputFile.Write(path, bytes));

    /// <summary>As <see cref="Write(Report, string, ICollection{Action})"/>, the workbook's bytes handed to <paramref name="write"/>.</summary>
    public static string? Write(Report report, string stem, ICollection<Action> messages, Action<string, byte[]> write)
    {
        if (EditionCatalog.Find(report.Edition) is { } edition && !WorkbookWriter.HasWorkbook(edition))
        {
            messages.Add(() => Console.Error.WriteLine($"警告 WORKBOOK_SKIPPED：{stem}：“{edition.Id}”版本没有规定的统计表格，未生成.xlsx"));
            return null;
        }
        write(stem + ".xlsx", WorkbookWriter.Render(report));
        return stem + ".xlsx";
    }
}
