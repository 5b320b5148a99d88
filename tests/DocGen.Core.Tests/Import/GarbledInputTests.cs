using DocGen.Core.Editions;
using DocGen.Core.Import;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Damaged seeds: what cannot be read is reported with its line and left out; nothing is invented.</summary>
public class GarbledInputTests
{
    /// <summary>The seed with one line (1-based) replaced.</summary>
    private static string WithLine(string seed, int line, Func<string, string> change) => Seeds.WithLine(seed, line, change);

    [Fact]
    public void Garbled_cell_in_a_pipe_row_is_reported_with_its_line_and_its_row_left_out()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Wanbailin, 34, l => l.Replace("| 96 |", "| 9б |")));
        HasIssue(result, 34, "UNREADABLE_CELL", true);
        var rows = result.Report!.Tables[TableIds.Requests].Rows;
        Assert.False(rows.ContainsKey("newRequests"));
        Assert.Contains(result.Issues, i => i.IsError && i.Code == "MISSING_ROW" && i.Message.Contains("一、本年新收政府信息公开申请数量"));
        Assert.Equal(["10", "0", "0", "0", "0", "0", "10"], rows["carriedOver"].Select(c => c.Display));
        Assert.Equal(24, rows.Count);
    }

    [Fact]
    public void Garbage_in_place_of_a_cell_per_line_value_invents_nothing()
    {
        Assert.Equal("333", Seeds.Lines(Seeds.Changzhi)[146]);
        var result = ReportImporter.Import(WithLine(Seeds.Changzhi, 147, _ => "详见附件"));
        HasIssue(result, 147, "UNREADABLE_CELL", true);
        var rows = result.Report!.Tables[TableIds.Requests].Rows;
        Assert.False(rows.ContainsKey("newRequests"));
        Assert.Equal(["2", "0", "0", "0", "0", "0", "2"], rows["carriedOver"].Select(c => c.Display));
        Assert.Equal(["334", "10", "6", "3", "1", "1", "355"], rows["resultTotal"].Select(c => c.Display));
        // The rest of the report is still there.
        Assert.Equal(6, result.Report.Sections.Count);
        Assert.Equal(3, result.Report.Tables[TableIds.Reviews].Rows.Count);
    }

    [Fact]
    public void Garbage_in_a_tab_row_with_a_thousands_separator()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Jili, 51, l => l.Replace("1,220", "1,2x0")));
        HasIssue(result, 51, "UNREADABLE_CELL", true);
        var rows = result.Report!.Tables[TableIds.Proactive].Rows;
        Assert.False(rows.ContainsKey("penalties"));
        Assert.Equal(["28", "-5", "429"], rows["enforcement"].Select(c => c.Display));
    }

    [Fact]
    public void Garbled_row_label_leaves_its_cells_unplaced_and_reported()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Changzhi, 161, _ => "二、上年结转政@#￥%"));
        HasIssue(result, 161, "UNPLACED_CELLS", true);
        var rows = result.Report!.Tables[TableIds.Requests].Rows;
        Assert.False(rows.ContainsKey("carriedOver"));
        Assert.Equal(["333", "10", "6", "3", "2", "1", "355"], rows["newRequests"].Select(c => c.Display));
        Assert.Equal(["149", "1", "3", "3", "0", "0", "156"], rows["granted"].Select(c => c.Display));
    }

    [Fact]
    public void Surplus_cells_that_disagree_are_not_guessed()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Jili, 85, l => l.Replace("其他处理\t0", "其他处理\t5")));
        HasIssue(result, 85, "EXTRA_CELLS", true);
        Assert.False(result.Report!.Tables[TableIds.Requests].Rows.ContainsKey("otherHandling"));
    }

    [Fact]
    public void Missing_cell_in_a_table_row_is_reported()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Wanbailin, 19, _ => "行政规范性文件 | 4 | 2 |"));
        HasIssue(result, 19, "MISSING_CELLS", true);
        Assert.False(result.Report!.Tables[TableIds.Proactive].Rows.ContainsKey("normativeDocuments"));
    }

    [Fact]
    public void Not_applicable_and_blank_cells()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Wanbailin, 18, _ => "规章 | / | 0 | 0 |"));
        Assert.Equal(["/", "0", "0"], result.Report!.Tables[TableIds.Proactive].Rows["regulations"].Select(c => c.Display));
        var tabbed = ReportImporter.Import(WithLine(Seeds.Jili, 43, _ => "规章\t0\t\t0"));
        var cells = tabbed.Report!.Tables[TableIds.Proactive].Rows["regulations"];
        Assert.Equal(DocGen.Core.Model.CellKind.Blank, cells[1].Kind);
        HasIssue(tabbed, 43, "BLANK_CELL", false);
    }

    [Fact]
    public void Empty_text_gives_no_report()
    {
        var result = ReportImporter.Import("  \n\n");
        Assert.Null(result.Report);
        Assert.True(result.HasErrors);
    }
}

public class TableEndTests
{
    [Fact]
    public void A_long_garbled_row_label_does_not_end_the_table()
    {
        var lines = Seeds.Lines(Seeds.Changzhi);
        Assert.Equal("二、上年结转政府信息公开申请数量", lines[160]);
        lines[160] = "这一格原本是行标题但网页把它替换成了很长的一段乱码文字，读不出来。";
        var result = ReportImporter.Import(string.Join("\n", lines));
        Assert.Contains(result.Issues, i => i.Line == 161 && i.Code == "UNPLACED_CELLS" && i.IsError);
        var rows = result.Report!.Tables[TableIds.Requests].Rows;
        Assert.Equal(24, rows.Count);
        Assert.False(rows.ContainsKey("carriedOver"));
        Assert.Empty(result.Report.Sections[2].Blocks);
    }

    [Fact]
    public void Narrative_after_a_table_is_kept_as_narrative()
    {
        var lines = Seeds.Lines(Seeds.Wanbailin).ToList();
        lines.Insert(29, "注：行政事业性收费金额为区财政局统计的全区数据，单位为万元。");
        var result = ReportImporter.Import(string.Join("\n", lines));
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Equal(new DocGen.Core.Model.Paragraph("注：行政事业性收费金额为区财政局统计的全区数据，单位为万元。"), Assert.Single(result.Report!.Sections[1].Blocks));
        Assert.Equal(["803"], result.Report.Tables[TableIds.Proactive].Rows["fees"].Select(c => c.Display));
    }
}
