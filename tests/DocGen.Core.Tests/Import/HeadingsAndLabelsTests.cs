using DocGen.Core.Editions;
using DocGen.Core.Import;

namespace DocGen.Core.Tests.Import;

public class HeadingsAndLabelsTests
{
    private static string Replace(string seed, params (int Line, string Text)[] changes)
    {
        var lines = Seeds.Lines(seed);
        foreach (var (line, text) in changes) lines[line - 1] = text;
        return string.Join("\n", lines);
    }

    [Fact]
    public void Accepted_wordings_and_half_width_punctuation_of_section_headings()
    {
        var result = ReportImporter.Import(Replace(Seeds.Wanbailin,
            (59, "四、因政府信息公开工作被申请行政复议,提起行政诉讼情况"),
            (64, "五、政府信息公开工作存在的主要问题及改进情况")));
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var report = result.Report!;
        Assert.Equal(["overview", "proactive", "requests", "reviews", "problems", "other"], report.Sections.Select(s => s.Key));
        Assert.Equal("五、政府信息公开工作存在的主要问题及改进情况", report.Sections[4].Heading);
        Assert.Equal(["10", "0", "1", "1", "12"], report.Tables[TableIds.Reviews].Rows["review"].Select(c => c.Display));
    }

    [Fact]
    public void Missing_section_is_an_error_and_the_rest_is_still_read()
    {
        var result = ReportImporter.Import(Replace(Seeds.Wanbailin, (67, "")));
        Assert.Contains(result.Issues, i => i.IsError && i.Code == "MISSING_SECTION" && i.Message.Contains("六、其他需要报告的事项"));
        Assert.Equal(5, result.Report!.Sections.Count);
        Assert.Equal(25, result.Report.Tables[TableIds.Requests].Rows.Count);
    }

    [Theory]
    [InlineData("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    [InlineData("1、属于国家秘密", "1.属于国家秘密")]
    [InlineData("1．属于国家秘密", "1.属于国家秘密")]
    [InlineData("3.危及\"三安全一稳定\"", "3.危及“三安全一稳定”")]
    [InlineData("1.申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")]
    [InlineData("本年收费金额(单位:万元)", "本年收费金额（单位：万元）")]
    [InlineData("商业\n企业", "商业企业")]
    public void Label_forms_are_the_same_after_normalising(string published, string mandated) =>
        Assert.Equal(TextNorm.Label(mandated), TextNorm.Label(published));

    [Fact]
    public void Year_and_edition_without_tables_or_title()
    {
        var result = ReportImporter.Import("某县人民政府2017年政府信息公开工作年度报告\n一、概述\n2017年，我县……。\n二、主动公开政府信息情况\n全年公开信息100条。");
        var report = result.Report!;
        Assert.Equal(EditionCatalog.IdLegacy, report.Edition);
        Assert.Equal(2017, report.Year);
        Assert.Equal("某县人民政府", report.Agency);
        Assert.Equal(["一、概述", "二、主动公开政府信息情况"], report.Sections.Select(s => s.Heading));
    }
}

public class ColumnOrderTests
{
    [Fact]
    public void Table_two_columns_published_in_another_order_are_read_by_their_headers()
    {
        var lines = Seeds.Lines(Seeds.Wanbailin);
        Assert.Equal("信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", lines[16]);
        lines[16] = "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数 |";
        lines[18] = "行政规范性文件 | 11 | 4 | 2 |";
        var result = ReportImporter.Import(string.Join("\n", lines));
        Assert.Contains(result.Issues, i => i.Line == 17 && i.Code == "COLUMNS_REORDERED" && !i.IsError);
        Assert.Equal(["4", "2", "11"], result.Report!.Tables[TableIds.Proactive].Rows["normativeDocuments"].Select(c => c.Display));
        Assert.Equal(["64142"], result.Report.Tables[TableIds.Proactive].Rows["licensing"].Select(c => c.Display));
    }
}

public class SpaceSeparatedTests
{
    [Fact]
    public void Tables_flattened_with_spaces_read_the_same_cells()
    {
        var lines = Seeds.Lines(Seeds.Wanbailin);
        for (int i = 15; i < 63; i++) lines[i] = lines[i].Replace(" |", " ").Replace("|", " ").Trim();
        lines[58] = "四. 政府信息公开行政复议、行政诉讼情况"; // and an enumerator written "四."
        var spaced = ReportImporter.Import(string.Join("\n", lines)).Report!;
        var original = Seeds.Import(Seeds.Wanbailin).Report!;
        foreach (var (id, table) in original.Tables)
        {
            Assert.Equal(table.Rows.Keys.Order(), spaced.Tables[id].Rows.Keys.Order());
            foreach (var (row, cells) in table.Rows) Assert.Equal(cells, spaced.Tables[id].Rows[row]);
        }
    }
}
