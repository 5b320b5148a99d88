using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using static DocGen.Core.Tests.Validation.Narrative.NarrativeKit;

namespace DocGen.Core.Tests.Validation.Narrative;

/// <summary>Shares, "均获维持", "无行政复议", and the statements that must not be read as a table's figure.</summary>
public class NarrativeClaimTests
{
    private static readonly Report Base = Text();
    private static long Granted => Cell(Base, "requests", "granted") + Cell(Base, "requests", "partlyGranted");
    private static long Results => Cell(Base, "requests", "resultTotal");

    private static string Percent(decimal part, decimal whole, int decimals) =>
        Math.Round(part / whole * 100, decimals, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("，占{0}%", 1)]
    [InlineData("，占办结总数的{0}%", 2)]
    [InlineData("（{0}％）", 0)]
    public void Share_that_agrees_gives_no_finding(string share, int decimals)
    {
        string text = $"予以公开和部分公开共{Granted}件" + string.Format(share, Percent(Granted, Results, decimals)) + "。";
        Assert.Empty(NarrativeFindings(Text(text)));
    }

    [Fact]
    public void Share_cut_rather_than_rounded_is_accepted()
    {
        decimal exact = Granted * 100m / Results;
        string cut = (Math.Truncate(exact * 10) / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(NarrativeFindings(Text($"予以公开和部分公开共{Granted}件，占{cut}%。")));
    }

    [Fact]
    public void Share_off_by_more_than_rounding_is_recomputed_from_the_table()
    {
        string text = $"予以公开和部分公开共{Granted}件，占99.5%";
        var f = Assert.Single(NarrativeFindings(Text(text + "。")));
        Assert.Equal("NARRATIVE_SHARE_MISMATCH", f.Code);
        Assert.Equal(text, f.Quote);
        Assert.Equal("99.5%", f.Actual);
        Assert.Equal(Percent(Granted, Results, 1) + "%", f.Expected);
        Assert.Contains($"表三“（一）予以公开”与“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”总计之和为{Granted}，占表三“（七）总计”总计{Results}的", f.Message);
    }

    [Fact]
    public void Wrong_count_with_its_own_share_gives_both_findings()
    {
        // The example: the text says 40 of 64 (62.5%), the table has 38.
        long stated = Granted + 2;
        var found = NarrativeFindings(Text($"予以公开和部分公开共{stated}件，占{Percent(stated, Results, 1)}%。"));
        Assert.Equal(["NARRATIVE_SHARE_MISMATCH", "NARRATIVE_TABLE_MISMATCH"], found.Select(f => f.Code).Order());
    }

    [Fact]
    public void All_upheld_while_the_table_has_pending_cases()
    {
        // The consistent report has 行政复议 [1, 2, 0, 3, 6]: 3 pending.
        var f = Assert.Single(NarrativeFindings(Text("被申请行政复议6件，均获维持。")));
        Assert.Equal("NARRATIVE_UPHELD_BUT_PENDING", f.Code);
        Assert.Equal("被申请行政复议6件，均获维持", f.Quote);
        Assert.Equal("行政复议", f.Row);
        Assert.Equal("尚未审结", f.Column);
        Assert.Equal("3", f.Expected);
        Assert.Equal("第一部分第1段称“被申请行政复议6件，均获维持”，表四“行政复议”尚未审结为3", f.Message);
    }

    [Fact]
    public void All_upheld_while_the_table_has_corrected_cases()
    {
        var report = Text("被申请行政复议3件，全部维持。")
            .WithCell("reviews", "review", 0, CellValue.Integer(1)).WithCell("reviews", "review", 1, CellValue.Integer(2))
            .WithCell("reviews", "review", 2, CellValue.Integer(0)).WithCell("reviews", "review", 3, CellValue.Integer(0))
            .WithCell("reviews", "review", 4, CellValue.Integer(3));
        var f = Assert.Single(NarrativeFindings(report));
        Assert.Equal("NARRATIVE_UPHELD_MISMATCH", f.Code);
        Assert.Contains("表四“行政复议”结果纠正为2", f.Message);
    }

    [Fact]
    public void All_upheld_that_is_true_gives_no_finding()
    {
        var report = Text("被提起行政诉讼3件，均获维持。")
            .WithCell("reviews", "litigationDirect", 0, CellValue.Integer(1)).WithCell("reviews", "litigationAfterReview", 0, CellValue.Integer(2));
        foreach (var row in new[] { "litigationDirect", "litigationAfterReview" })
            for (int c = 1; c < 4; c++) report = report.WithCell("reviews", row, c, CellValue.Integer(0));
        report = report.WithCell("reviews", "litigationDirect", 4, CellValue.Integer(1)).WithCell("reviews", "litigationAfterReview", 4, CellValue.Integer(2));
        Assert.Empty(NarrativeFindings(report));
    }

    [Fact]
    public void None_claimed_while_the_table_has_cases()
    {
        var found = NarrativeFindings(Text("本年度无行政复议、行政诉讼情况。"));
        Assert.Equal(2, found.Length);
        Assert.All(found, f => Assert.Equal("NARRATIVE_TABLE_MISMATCH", f.Code));
        Assert.Contains(found, f => f.Message.EndsWith("表四“行政复议”总计为6", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Message.Contains("表四“未经复议直接起诉”与“复议后起诉”总计之和为18", StringComparison.Ordinal));
    }

    [Fact]
    public void None_claimed_and_none_in_the_table()
    {
        var report = Text("未发生因政府信息公开工作被申请行政复议和提起行政诉讼情况。");
        foreach (var row in new[] { "review", "litigationDirect", "litigationAfterReview" })
            for (int c = 0; c < 5; c++) report = report.WithCell("reviews", row, c, CellValue.Integer(0));
        Assert.Empty(NarrativeFindings(report));
    }

    /// <summary>Figures that are not the table's, each with a number that disagrees with every table figure.</summary>
    [Theory]
    [InlineData("其中，市级收到政府信息公开申请999件，各县区收到政府信息公开申请998件")]
    [InlineData("全年共收到政府信息公开申请999余件")]
    [InlineData("全年收到政府信息公开申请近999件")]
    [InlineData("2019年收到政府信息公开申请999件")]
    [InlineData("上年收到政府信息公开申请999件")]
    [InlineData("较上年收到政府信息公开申请增加999件")]
    [InlineData("行政复议、行政诉讼999件")]
    [InlineData("自然人申请予以公开999件")]
    [InlineData("已收到并处理市长信箱受理派单共计999件")]
    [InlineData("收到行政复议决定书999件，维持")]
    [InlineData("印发《关于做好予以公开999件的通知》")]
    [InlineData("全年未向申请人收取信息处理费")]
    [InlineData("公开行政许可事项999项")]
    [InlineData("主动公开政府信息999条，其中规范性文件999件")]
    [InlineData("维持999件")]
    [InlineData("全部公开目录清单999类")]
    public void Figures_no_table_holds_give_no_finding(string text)
    {
        Assert.Empty(NarrativeFindings(Text(text + "。")));
    }

    [Fact]
    public void Blank_cell_is_not_compared()
    {
        var report = Text("全年共收到政府信息公开申请999件。").WithCell("requests", "newRequests", 6, CellValue.Blank);
        Assert.DoesNotContain(ReportValidator_Validate(report), f => f.Code.StartsWith("NARRATIVE_", StringComparison.Ordinal));
    }

    private static IReadOnlyList<DocGen.Core.Validation.Finding> ReportValidator_Validate(Report r) => DocGen.Core.Validation.ReportValidator.Validate(r, Today);

    [Fact]
    public void Legacy_report_without_tables_says_nothing_of_figures()
    {
        var report = NarrativeKit.Report(DocGen.Core.Editions.EditionCatalog.IdLegacy, "全年共收到政府信息公开申请999件。");
        Assert.Empty(NarrativeFindings(report));
    }
}
