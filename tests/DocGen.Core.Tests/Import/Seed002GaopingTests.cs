using DocGen.Core.Editions;
using DocGen.Core.Model;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Seed 002: 高平市人民政府 2016, before 2019: eight free parts, no tables.</summary>
public class Seed002GaopingTests
{
    private static readonly Lazy<DocGen.Core.Import.ImportResult> Result = new(() => Seeds.Import(Seeds.Gaoping));
    private static Report Report => Result.Value.Report!;

    [Fact]
    public void Metadata()
    {
        Assert.Equal(EditionCatalog.IdLegacy, Report.Edition);
        Assert.Equal("高平市人民政府", Report.Agency);
        Assert.Equal(2016, Report.Year);
        Assert.Equal("高平市人民政府2016年政府信息公开年度报告", Report.Title);
        Assert.Equal(new DateOnly(2017, 12, 29), Report.PublicationDate);
        Assert.Equal(new Contact
        {
            Office = "市人民政府办公室信息科",
            Address = "高平市长平西街46号",
            Postcode = "048400",
            Phone = "0356-5221239",
            Email = "gpzfxxk@163.com",
            Website = "www.sxgp.gov.cn",
        }, Report.Contact);
        Assert.Empty(Report.Tables);
    }

    [Fact]
    public void Issues_name_what_was_dropped_above_the_preface()
    {
        var r = Result.Value;
        Assert.False(r.HasErrors, ImportAssert.Issues(r));
        HasIssue(r, 1, "DROPPED_FURNITURE", false); // Document
        HasIssue(r, 3, "DROPPED_HEADER_LINE", false); // 高平市人民政府
        HasIssue(r, 9, "DROPPED_HEADER_LINE", false);
        HasIssue(r, 11, "DROPPED_HEADER_LINE", false); // 2016年政府信息公开年度报告
        Assert.Equal(4, r.Issues.Count);
    }

    [Fact]
    public void Eight_free_parts_with_their_headings()
    {
        Assert.Single(Report.Preface);
        Assert.All(Report.Sections, s => Assert.Null(s.Key));
        Sections(Report,
            ("一、概述", 5),
            ("二、主动公开政府信息情况", 6),
            ("三、2016年政府信息公开重点工作完成情况", 5),
            ("四、依申请公开政府信息情况", 1),
            ("五、咨询受理情况", 1),
            ("六、行政复议和行政诉讼情况", 2),
            ("七、政府信息公开支出和收费情况", 1),
            ("八、存在的主要问题和改进措施", 2));
        var point = Assert.IsType<Point>(Report.Sections[0].Blocks[1]);
        Assert.Equal("(一)高度重视,不断强化公开力量。", point.Lead);
        var reform = Assert.IsType<Subsection>(Report.Sections[2].Blocks[0]);
        Assert.Equal("(一)围绕深化改革推进公开", reform.Heading);
        Assert.Equal("1、进一步推进权力清单和责任清单公开。", Assert.IsType<Point>(reform.Blocks[0]).Lead);
    }
}
