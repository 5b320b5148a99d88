using DocGen.Core.Editions;
using DocGen.Core.Model;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Seed 003: 洛阳市吉利区人民政府 2020, 2019 format, tab-separated rows, thousands separators and signs.</summary>
public class Seed003JiliTests
{
    private static readonly Lazy<DocGen.Core.Import.ImportResult> Result = new(() => Seeds.Import(Seeds.Jili));
    private static Report Report => Result.Value.Report!;

    [Fact]
    public void Metadata()
    {
        Assert.Equal(EditionCatalog.Id2019, Report.Edition);
        Assert.Equal("洛阳市吉利区人民政府", Report.Agency);
        Assert.Equal(2020, Report.Year);
        Assert.Equal("洛阳市吉利区人民政府2020年政府信息公开工作年度报告", Report.Title);
        Assert.Null(Report.Contact);
    }

    [Fact]
    public void Issues()
    {
        var r = Result.Value;
        Assert.False(r.HasErrors, ImportAssert.Issues(r));
        HasIssue(r, 21, "PARAGRAPH_JOINED", false); // "充分运用区" / "广播电视台"
        HasIssue(r, 85, "EXTRA_CELLS", false); // (六) 其他处理 has eight zeros
        Assert.Equal(2, r.Issues.Count);
    }

    [Fact]
    public void Sections_and_blocks()
    {
        Assert.Empty(Report.Preface);
        Sections(Report,
            ("一、总体情况", 10),
            ("二、主动公开政府信息情况", 0),
            ("三、收到和处理政府信息公开申请情况", 0),
            ("四、政府信息公开行政复议、行政诉讼情况", 0),
            ("五、存在的主要问题及改进情况", 2),
            ("六、其他需要报告的事项", 1));
        var point = Assert.IsType<Point>(Report.Sections[0].Blocks[2]);
        Assert.Equal("(一)基层政务公开标准化规范化工作推进情况。", point.Lead);
        Assert.StartsWith("为切实做好", point.Text);
        var active = Assert.IsType<Subsection>(Report.Sections[0].Blocks[3]);
        Assert.Equal("(二)主动公开情况", active.Heading);
        Assert.Contains(active.Blocks, b => b is Paragraph p && p.Text.Contains("充分运用区广播电视台"));
    }

    [Fact]
    public void Table_two_with_separators_signs_and_the_unit_in_the_header()
    {
        Table(Report, TableIds.Proactive, new()
        {
            ["regulations"] = ["0", "0", "0"],
            ["normativeDocuments"] = ["4", "4", "4"],
            ["licensing"] = ["270", "77", "6855"],
            ["otherServices"] = ["95", "-3", "0"],
            ["penalties"] = ["1220", "-213", "113"],
            ["enforcement"] = ["28", "-5", "429"],
            ["fees"] = ["13", "-1"],
            ["procurement"] = ["34", "3755.52万元"],
        });
        var rows = Report.Tables[TableIds.Proactive].Rows;
        Assert.Equal(new CellValue(CellKind.Change, -213), rows["penalties"][1]);
        Assert.Equal(new CellValue(CellKind.Decimal, 3755.52m, "万元"), rows["procurement"][1]);
    }

    [Fact]
    public void Table_three() => Table(Report, TableIds.Requests, new()
    {
        ["newRequests"] = ["3", "0", "0", "0", "0", "0", "3"],
        ["carriedOver"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["granted"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["partlyGranted"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["withheldStateSecret"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldProhibitedByLaw"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldSecurityStability"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldThirdParty"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldInternalAffairs"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldProcessInformation"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["withheldEnforcementFiles"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldQueryMatters"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableNotHeld"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["unavailableNeedsCreation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableStillUnclear"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedComplaint"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedRepeated"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedPublication"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedExcessive"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedConfirmation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["otherHandling"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["resultTotal"] = ["3", "0", "0", "0", "0", "0", "3"],
        ["carriedForward"] = ["0", "0", "0", "0", "0", "0", "0"],
    });

    [Fact]
    public void Table_four() => Table(Report, TableIds.Reviews, new()
    {
        ["review"] = ["0", "0", "0", "0", "0"],
        ["litigationDirect"] = ["0", "0", "1", "0", "1"],
        ["litigationAfterReview"] = ["0", "0", "0", "0", "0"],
    });
}
