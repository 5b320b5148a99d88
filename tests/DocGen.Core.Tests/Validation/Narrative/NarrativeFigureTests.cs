using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using static DocGen.Core.Tests.Validation.Narrative.NarrativeKit;

namespace DocGen.Core.Tests.Validation.Narrative;

/// <summary>
/// Each kind of statement, written into a report whose tables are consistent: with the table's figure there
/// is no finding; with another figure there is one, naming the paragraph, the words and the cells. Every case
/// runs in five writings: Arabic digits with full-width punctuation, with half-width punctuation, Chinese numerals,
/// full-width digits, and split by a line break.
/// </summary>
public class NarrativeFigureTests
{
    /// <summary>A statement: the phrase it exercises, the figure the table gives, the text for a figure, the edition.</summary>
    public sealed record Case(string Phrase, Func<Report, decimal> Figure, Func<Report, string, string> Text, string Edition = EditionCatalog.Id2021)
    {
        public override string ToString() => Phrase + ": " + Text(NarrativeKit.Report(Edition), "N");
    }

    private static bool Group(string key, string prefix) => key.StartsWith(prefix, StringComparison.Ordinal);
    private static decimal Review(Report r, int column) => Cell(r, "reviews", "review", column);
    private static decimal Lawsuits(Report r, int column) => Cell(r, "reviews", "litigationDirect", column) + Cell(r, "reviews", "litigationAfterReview", column);

    public static readonly Case[] Cases =
    [
        new("newRequests", r => Cell(r, "requests", "newRequests"), (_, n) => $"全年共收到政府信息公开申请{n}件"),
        new("newRequests", r => Cell(r, "requests", "newRequests") + Cell(r, "requests", "carriedOver"), (_, n) => $"本年度受理政府信息公开申请共{n}件"),
        new("newRequests", r => Cell(r, "requests", "newRequests"), (_, n) => $"我办共收到{n}件政府信息依申请公开"),
        new("carriedOver", r => Cell(r, "requests", "carriedOver"), (_, n) => $"办理答复上年结转{n}件"),
        new("granted", r => Cell(r, "requests", "granted"), (_, n) => $"予以公开{n}件"),
        new("partlyGranted", r => Cell(r, "requests", "partlyGranted"), (_, n) => $"部分公开{n}件"),
        new("grantedAndPartly", r => Cell(r, "requests", "granted") + Cell(r, "requests", "partlyGranted"), (_, n) => $"予以公开和部分公开共{n}件"),
        new("withheld", r => Sum(r, "requests", k => Group(k, "withheld")), (_, n) => $"同意不公开{n}件"),
        new("unavailable", r => Sum(r, "requests", k => Group(k, "unavailable")), (_, n) => $"因信息不存在等原因无法提供{n}件"),
        new("notProcessed", r => Sum(r, "requests", k => Group(k, "notProcessed")), (_, n) => $"不予处理{n}件"),
        new("carriedForward", r => Cell(r, "requests", "carriedForward"), (_, n) => $"结转下年度继续办理{n}件"),
        new("reviews", r => Review(r, 4), (_, n) => $"因政府信息公开工作被申请行政复议{n}件"),
        new("reviews", r => Review(r, 4), (_, n) => $"全年共发生{n}起政府信息公开行政复议"),
        new("lawsuits", r => Lawsuits(r, 4), (_, n) => $"被提起行政诉讼{n}件"),
        new("lawsuits", r => Cell(r, "reviews", "litigationAfterReview", 4), (_, n) => $"申请行政诉讼{n}件"),
        new("upheld", r => Review(r, 0), (r, n) => $"被申请行政复议{Review(r, 4)}件，其中维持{n}件"),
        new("corrected", r => Lawsuits(r, 1), (r, n) => $"被提起行政诉讼{Lawsuits(r, 4)}件，结果纠正{n}件"),
        new("pending", r => Review(r, 3), (r, n) => $"行政复议案件{Review(r, 4)}件中，尚未审结{n}件"),
        new("documentsIssued", r => Cell(r, "proactive", "normativeDocuments", 0), (_, n) => $"本年制发规范性文件{n}件"),
        new("documentsIssued", r => Cell(r, "proactive", "regulations", 0), (_, n) => $"制定规章{n}件"),
        new("documentsIssued", r => Cell(r, "proactive", "normativeDocuments", 0), (_, n) => $"本年新制作规范性文件{n}件", EditionCatalog.Id2019),
        new("documentsRepealed", r => Cell(r, "proactive", "normativeDocuments", 1), (r, n) => $"制发规范性文件{Cell(r, "proactive", "normativeDocuments", 0)}件，废止{n}件"),
        new("documentsInForce", r => Cell(r, "proactive", "normativeDocuments", 2), (_, n) => $"现行有效规范性文件{n}件"),
        new("licensing", r => Cell(r, "proactive", "licensing", 0), (_, n) => $"全年作出行政许可决定{n}件"),
        new("penalties", r => Cell(r, "proactive", "penalties", 0), (_, n) => $"归集发布行政处罚信息{n}条"),
        new("enforcement", r => Cell(r, "proactive", "enforcement", 0), (_, n) => $"行政强制{n}件"),
        new("fees", r => r.Tables["proactive"].Rows["fees"][0].Number, (_, n) => $"行政事业性收费金额为{n}万元"),
    ];

    public static TheoryData<int, string> Writings()
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < Cases.Length; i++)
            foreach (var w in new[] { "arabic", "halfwidth", "chinese", "fullwidth", "linebreak" })
                if (w != "chinese" || Cases[i].Phrase != "fees") data.Add(i, w);
        return data;
    }

    private static string Write(string text, string writing) => writing switch
    {
        "fullwidth" => new string(text.Select(c => c is >= '0' and <= '9' or '.' ? (char)(c + 0xFEE0) : c).ToArray()),
        "halfwidth" => text.Replace('，', ','),
        "linebreak" => text[..(text.Length / 2)] + "\n" + text[(text.Length / 2)..],
        _ => text,
    };

    private static string Figure(decimal n, string writing) => writing == "chinese" ? Chinese((long)n) : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Writings))]
    public void Statement_that_agrees_with_the_table_gives_no_finding(int index, string writing)
    {
        var c = Cases[index];
        var report = Report(c.Edition);
        string text = Write(c.Text(report, Figure(c.Figure(report), writing)), writing);
        Assert.Empty(NarrativeFindings(Report(c.Edition, text + "。")));
    }

    /// <summary>White space between a figure and its unit other than a plain space (a full-width space, a tab), which the wordings take.</summary>
    [Theory]
    [InlineData("\u3000")]
    [InlineData("\t")]
    [InlineData(" \u3000 ")]
    public void Statement_with_other_white_space_before_its_unit_is_read(string space)
    {
        var report = Report();
        decimal stated = Cell(report, "requests", "newRequests") + 7;
        var f = Assert.Single(NarrativeFindings(Report(EditionCatalog.Id2021, $"全年共收到政府信息公开申请{stated}{space}件。")));
        Assert.Equal("NARRATIVE_TABLE_MISMATCH", f.Code);
        Assert.Equal(stated.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Actual);
        Assert.Empty(NarrativeFindings(Report(EditionCatalog.Id2021, $"全年共收到政府信息公开申请{Cell(report, "requests", "newRequests")}{space}件。")));
    }

    [Theory]
    [MemberData(nameof(Writings))]
    public void Statement_that_disagrees_names_the_paragraph_and_the_cells(int index, string writing)
    {
        var c = Cases[index];
        var report = Report(c.Edition);
        decimal table = c.Figure(report);
        decimal stated = table + 7;
        string text = Write(c.Text(report, Figure(stated, writing)), writing);
        var f = Assert.Single(NarrativeFindings(Report(c.Edition, "上一段。", text + "。")));
        Assert.Equal("NARRATIVE_TABLE_MISMATCH", f.Code);
        Assert.Equal(DocGen.Core.Editions.Severity.Warning, f.Severity);
        Assert.Equal("/sections/0/blocks/1", f.Pointer);
        Assert.Equal(text.Replace("\n", ""), f.Quote);
        Assert.Equal(stated.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Actual);
        Assert.StartsWith($"第一部分第2段称“{f.Quote}”，{f.Table}", f.Message);
        Assert.NotNull(f.Row);
        Assert.NotNull(f.Column);
        Assert.NotEmpty(f.Cells!);
        Assert.All(f.Cells!, p => Assert.StartsWith("/tables/", p));
        // The first reading is named with its value; it is one of the table's figures for this statement.
        Assert.Contains($"为{f.Expected}", f.Message);
    }

    [Fact]
    public void Every_phrase_of_the_list_has_a_case()
    {
        Assert.Equal(NarrativePhrases.All.Where(p => p.Claim is NarrativeClaim.Count or NarrativeClaim.Money).Select(p => p.Id).Order(),
            Cases.Select(c => c.Phrase).Distinct().Order());
    }

    [Fact]
    public void Message_names_both_places_as_in_the_issue()
    {
        var report = Text();
        long n = Cell(report, "requests", "newRequests");
        var f = Assert.Single(NarrativeFindings(Text("一段。", "二段。", $"全年共收到政府信息公开申请{n - 2}件，办理答复{n}件。")));
        Assert.Equal($"第一部分第3段称“全年共收到政府信息公开申请{n - 2}件”，表三“一、本年新收政府信息公开申请数量”总计为{n}，" +
                     $"表三“一、本年新收政府信息公开申请数量”与“二、上年结转政府信息公开申请数量”总计之和为{n + Cell(report, "requests", "carriedOver")}", f.Message);
        Assert.Equal("表三", f.Table);
        Assert.Equal("一、本年新收政府信息公开申请数量", f.Row);
        Assert.Equal("总计", f.Column);
        Assert.Equal(["/tables/requests/newRequests/6"], f.Cells);
    }

    [Fact]
    public void Group_of_rows_is_named_by_its_label()
    {
        var report = Text();
        long n = Sum(report, "requests", k => Group(k, "withheld"));
        var f = Assert.Single(NarrativeFindings(Text($"不予公开{n + 1}件。")));
        Assert.Contains($"表三“（三）不予公开”各项总计之和为{n}", f.Message);
        Assert.Equal("三、本年度办理结果（三）不予公开", f.Row);
        Assert.Equal(8, f.Cells!.Count);
    }
}
