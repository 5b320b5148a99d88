using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation.Narrative;

/// <summary>Reports written for the narrative tests: consistent tables, and the text a test gives as the first part.</summary>
internal static class NarrativeKit
{
    public static readonly ValidationOptions Today = new() { Today = new DateOnly(2026, 11, 23) };

    public static Report Report(string edition = EditionCatalog.Id2021, params string[] paragraphs)
    {
        var report = ReportFactory.Consistent(edition);
        var sections = report.Sections.ToArray();
        sections[0] = sections[0] with { Blocks = paragraphs.Select(p => (Block)new Paragraph(p)).ToArray() };
        return report with { Sections = sections };
    }

    public static Report Text(params string[] paragraphs) => Report(EditionCatalog.Id2021, paragraphs);

    public static Finding[] NarrativeFindings(Report report) =>
        ReportValidator.Validate(report, Today).Where(f => f.Code.StartsWith("NARRATIVE_", StringComparison.Ordinal)).ToArray();

    /// <summary>A table total of the consistent report, for writing text that agrees (or not) with it.</summary>
    public static long Cell(Report report, string table, string row, int column = -1)
    {
        var cells = report.Tables[table].Rows[row];
        return (long)cells[column < 0 ? cells.Count - 1 : column].Number;
    }

    public static long Sum(Report report, string table, Func<string, bool> rows) =>
        report.Tables[table].Rows.Where(r => rows(r.Key)).Sum(r => (long)r.Value[^1].Number);

    /// <summary>Chinese numerals for 0–99 999, as a report writes them.</summary>
    public static string Chinese(long n)
    {
        const string digits = "零一二三四五六七八九";
        if (n == 0) return "零";
        var parts = new List<string>();
        string[] units = ["万", "千", "百", "十", ""];
        long[] values = [10000, 1000, 100, 10, 1];
        bool zero = false;
        for (int i = 0; i < values.Length; i++)
        {
            long d = n / values[i] % 10;
            if (d == 0) { zero = parts.Count > 0; continue; }
            if (zero) parts.Add("零");
            zero = false;
            parts.Add((d == 1 && i == 3 && parts.Count == 0 ? "" : digits[(int)d].ToString()) + units[i]);
        }
        return string.Concat(parts);
    }
}
