using System.Text;
using DocGen.Core.Editions;
using DocGen.Core.Import;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;
using static DocGen.Core.Tests.Import.RoundTripAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Each sample published as a portal page (<see cref="PortalPage"/>) imports back to the same report.</summary>
public class HtmlImportTests
{
    public static TheoryData<string> SampleNames() => Seeds.SampleNames();

    private static ImportResult Import(string html, string name = "report.html") =>
        ReportImporter.Import(Encoding.UTF8.GetBytes(html), name, "text/html");

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void A_published_page_reads_back_cell_for_cell_and_block_for_block(string sample)
    {
        var expected = Sample(sample);
        var result = Import(PortalPage.Write(expected));
        Assert.NotNull(result.Report);
        TitleBlock(expected, result.Report!);
        Tables(expected, result.Report!);
        Narrative(expected, result.Report!);
        Assert.False(result.HasErrors, Issues(result));
        Assert.Contains(result.Issues, i => i.Code == "SCRIPTS_IGNORED");
        Assert.Contains(result.Issues, i => i.Code == "DROPPED_PAGE_CHROME");
        string all = string.Join("\n", Flatten(result.Report!.Preface).Concat(result.Report!.Sections.SelectMany(s => Flatten(s.Blocks))));
        foreach (var chrome in new[] { "首页", "当前位置", "打印本页", "备案号", "统计代码", "console" })
            Assert.DoesNotContain(chrome, all);
    }

    /// <summary>Every fifth value cell left empty (&amp;nbsp;): each reads as blank, every other cell keeps its value.</summary>
    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Empty_cells_read_as_blank_and_nothing_else_changes(string sample)
    {
        var original = Sample(sample);
        var edition = EditionCatalog.Find(original.Edition)!;
        var expected = original;
        int n = 0, blanked = 0;
        foreach (var table in edition.Tables)
            foreach (var cell in table.AllCells())
                if (n++ % 5 == 2 && original.Tables.ContainsKey(table.Id))
                {
                    expected = expected.WithCell(table.Id, cell.RowKey, cell.Column, CellValue.Blank);
                    blanked++;
                }
        var result = Import(PortalPage.Write(expected));
        if (edition.Mandated) Assert.True(blanked > 10);
        Tables(expected, result.Report!);
        Assert.Equal(blanked, result.Issues.Count(i => i.Code == "BLANK_CELL"));
        Assert.All(result.Report!.Tables.Values.SelectMany(t => t.Rows.Values).SelectMany(r => r).Where(c => c.Kind == CellKind.Blank), c => Assert.Equal(0m, c.Number));

        // No false mismatch: every rule finding of the blanked report is one the full sample has too.
        var today = new ValidationOptions { Today = new DateOnly(2026, 11, 23) };
        var before = ReportValidator.Validate(original, today).Where(f => f.Code.EndsWith("_MISMATCH")).Select(f => f.Pointer).ToHashSet();
        var after = ReportValidator.Validate(result.Report!, today);
        Assert.All(after.Where(f => f.Code.EndsWith("_MISMATCH")), f => Assert.Contains(f.Pointer, before));
        if (blanked > 0) Assert.Contains(after, f => f.Code == "RULE_SKIPPED_BLANK" && f.Severity == DocGen.Core.Editions.Severity.Warning);
    }

    [Fact]
    public void Units_inside_cells_are_read()
    {
        var expected = Sample("2020-luoyang-jili-district.json");
        var page = PortalPage.Write(expected, (table, cell, value) =>
            value.HasNumber && table == TableIds.Requests ? value.Display + "件"
            : value.HasNumber && cell.RowKey == "procurement" && cell.Column == 1 ? value.Number + "万元"
            : value.Display);
        var result = Import(page);
        var procurement = result.Report!.Tables[TableIds.Proactive].Rows["procurement"][1];
        Assert.Equal((expected.Tables[TableIds.Proactive].Rows["procurement"][1].Number, "万元"), (procurement.Number, procurement.Unit));
        var requests = result.Report.Tables[TableIds.Requests];
        foreach (var (row, cells) in expected.Tables[TableIds.Requests].Rows)
            Assert.Equal(cells.Select(c => c.Display), requests.Rows[row].Select(c => c.Display));
        Assert.Contains(result.Issues, i => i.Code == "CELL_READ_WITH_NOTE" && i.Message.Contains("单位“件”已略去") && i.Where!.StartsWith("网页第2个表格"));
    }

    [Fact]
    public void A_page_made_only_of_scripts_is_refused_with_a_code()
    {
        var html = "<html><head><script>location.href='/x'</script></head><body><div id=\"app\"></div><script src=\"app.js\"></script></body></html>";
        var e = Assert.Throws<ImportException>(() => Import(html));
        Assert.Equal("HTML_SCRIPT_ONLY", e.Code);
        Assert.Contains("脚本", e.Message);
    }

    [Fact]
    public void A_gbk_page_is_decoded_by_its_declared_charset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var expected = Sample("2024-taiyuan-wanbailin-district.json");
        var html = PortalPage.Write(expected).Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">");
        var result = ReportImporter.Import(Encoding.GetEncoding("GBK").GetBytes(html), "page.htm");
        Tables(expected, result.Report!);
        TitleBlock(expected, result.Report!);
    }
}
