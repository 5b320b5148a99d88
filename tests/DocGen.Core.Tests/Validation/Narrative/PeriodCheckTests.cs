using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using static DocGen.Core.Tests.Validation.Narrative.NarrativeKit;

namespace DocGen.Core.Tests.Validation.Narrative;

/// <summary>The report year against the title, the statistics period, the year the preface announces, and the publication date.</summary>
public class PeriodCheckTests
{
    // The consistent 2021-edition report is for 2022, published 2023-01-20.
    private static Report WithPreface(params string[] preface) => Text() with { Preface = preface.Select(p => (Block)new Paragraph(p)).ToArray() };

    private static Finding[] Period(Report report) =>
        ReportValidator.Validate(report, Today).Where(f => f.Code.StartsWith("NARRATIVE_", StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData("本年度报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。")]
    [InlineData("本报告中使用数据统计期限为 2022年1月1日至12月31日。")]
    [InlineData("本年报中所列数据的统计期限为 2022 年 1 月 1 日至 2022 年 12 月 31 日。")]
    [InlineData("现向社会公布2022年测试市政府信息公开工作年度报告。")]
    [InlineData("根据《关于做好2021年政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2021〕30号）编制。")]
    [InlineData("2022年，测试市坚持以公开为常态。")]
    public void Preface_that_agrees_gives_no_finding(string preface)
    {
        Assert.Empty(Period(WithPreface(preface)));
    }

    /// <summary>Digits of another script ("٢", which int.Parse refuses) are not read as a year, date or share: no finding, and no failure.</summary>
    [Theory]
    [InlineData("本报告统计期限为20٢٢年1月1日至12月31日。", "newRequests")]
    [InlineData("本报告统计期限为2022年١月١日至١٢月٣١日。", "newRequests")]
    [InlineData("20٢٢年共收到政府信息公开申请{0}件。", "newRequests")]
    [InlineData("予以公开{0}件，占٦٢.٥%。", "granted")]
    public void Digits_of_another_script_are_not_read(string preface, string row)
    {
        var report = Text();
        Assert.Empty(Period(WithPreface(string.Format(preface, Cell(report, "requests", row)))));
    }

    [Fact]
    public void Statistics_period_of_another_year_is_an_error()
    {
        var f = Assert.Single(Period(WithPreface("本报告由市政府办公室编制。本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。")));
        Assert.Equal("NARRATIVE_PERIOD_YEAR", f.Code);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("/preface/0", f.Pointer);
        Assert.Equal("本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止", f.Quote);
        Assert.Equal("2021", f.Actual);
        Assert.Equal("2022", f.Expected);
        Assert.Equal("前言第1段称“本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止”，统计期限应在报告年度2022年内", f.Message);
    }

    [Fact]
    public void Statistics_period_in_the_first_part_is_read_too()
    {
        var report = Text("本年报中所列数据的统计期限为2021年1月1日至2021年12月31日。");
        var f = Assert.Single(Period(report));
        Assert.Equal("NARRATIVE_PERIOD_YEAR", f.Code);
        Assert.Equal("/sections/0/blocks/0", f.Pointer);
    }

    [Fact]
    public void Title_of_another_year_is_an_error()
    {
        var f = Assert.Single(Period(Text() with { Title = "测试市人民政府2021年政府信息公开工作年度报告" }));
        Assert.Equal("NARRATIVE_TITLE_YEAR", f.Code);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("/title", f.Pointer);
        Assert.Equal("标题“测试市人民政府2021年政府信息公开工作年度报告”称2021年，报告年度为2022年", f.Message);
    }

    [Fact]
    public void Title_of_the_year_gives_no_finding()
    {
        Assert.Empty(Period(Text() with { Title = "测试市人民政府2022年度政府信息公开工作年度报告" }));
    }

    [Fact]
    public void Preface_announcing_another_year_is_an_error()
    {
        var f = Assert.Single(Period(WithPreface("现向社会公布2021年测试市政府信息公开工作年度报告。")));
        Assert.Equal("NARRATIVE_REPORT_YEAR", f.Code);
        Assert.Equal("2021年测试市政府信息公开工作年度报告", f.Quote);
    }

    [Fact]
    public void Preface_opening_on_another_year_is_a_warning()
    {
        var f = Assert.Single(Period(WithPreface("2021年，测试市坚持以公开为常态。")));
        Assert.Equal("NARRATIVE_PREFACE_YEAR", f.Code);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("2021年", f.Quote);
    }

    [Fact]
    public void Published_before_the_statistics_period_ends_is_an_error()
    {
        var report = WithPreface("本报告统计期限为2022年1月1日至2022年12月31日。") with { PublicationDate = new DateOnly(2022, 11, 30) };
        var f = Assert.Single(Period(report));
        Assert.Equal("NARRATIVE_PERIOD_AFTER_PUBLICATION", f.Code);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("统计期限截至2022年12月31日，发布日期却是2022年11月30日", f.Message);
    }
}
