using DocGen.Core.Editions;
using DocGen.Core.Import;

namespace DocGen.Core.Tests.Import;

/// <summary>The edition comes from the headings, the table labels and the year; a 2019+ report is never filed as legacy.</summary>
public class EditionFromStructureTests
{
    private static string[] Lines => Seeds.Lines(Seeds.Wanbailin);

    private static int Index(string start) => Array.FindIndex(Lines, l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void A_2024_report_with_one_mandated_section_and_no_tables_gets_the_2021_edition_and_errors()
    {
        var lines = Lines;
        string text = string.Join("\n", lines[..Index("二、主动公开政府信息情况")]);
        var result = ReportImporter.Import(text);
        Assert.Equal(EditionCatalog.Id2021, result.Report!.Edition);
        Assert.Equal(2024, result.Report.Year);
        Assert.Equal(["overview"], result.Report.Sections.Select(s => s.Key));
        Assert.Equal(5, result.Issues.Count(i => i.Code == "MISSING_SECTION" && i.IsError));
        Assert.Equal(new[] { "表二", "表三", "表四" }.Order(), result.Issues.Where(i => i.Code == "MISSING_TABLE" && i.IsError).Select(i => i.Message[3..5]).Order());
    }

    [Fact]
    public void A_2024_report_without_any_mandated_heading_is_not_filed_as_legacy()
    {
        var text = string.Join("\n", Lines.Take(12).Select(l => l.Replace("一、总体情况", "一、概述")));
        var result = ReportImporter.Import(text);
        Assert.Equal(EditionCatalog.Id2021, result.Report!.Edition);
        Assert.Contains(result.Issues, i => i.Code == "NO_MANDATED_STRUCTURE" && i.IsError);
        Assert.Equal(6, result.Issues.Count(i => i.Code == "MISSING_SECTION"));
        Assert.Equal(3, result.Issues.Count(i => i.Code == "MISSING_TABLE"));
    }

    [Fact]
    public void A_fragment_that_starts_mid_report_keeps_what_it_has_in_its_sections()
    {
        var lines = Lines;
        string text = string.Join("\n", lines[Index("三、收到和处理政府信息公开申请情况")..Index("五、存在的主要问题及改进情况")]);
        var result = ReportImporter.Import(text);
        var report = result.Report!;
        Assert.Equal(EditionCatalog.Id2021, report.Edition);
        Assert.Equal(["requests", "reviews"], report.Sections.Select(s => s.Key));
        var full = Seeds.Import(Seeds.Wanbailin).Report!;
        foreach (var id in new[] { TableIds.Requests, TableIds.Reviews })
            foreach (var (row, cells) in full.Tables[id].Rows)
                Assert.Equal(cells, report.Tables[id].Rows[row]);
        Assert.False(report.Tables.ContainsKey(TableIds.Proactive));
        Assert.Equal(4, result.Issues.Count(i => i.Code == "MISSING_SECTION"));
        Assert.Contains(result.Issues, i => i.Code == "MISSING_TABLE" && i.Message.Contains("表二"));
    }

    [Fact]
    public void A_report_before_2019_stays_legacy()
    {
        Assert.Equal(EditionCatalog.IdLegacy, Seeds.Import(Seeds.Gaoping).Report!.Edition);
    }
}
