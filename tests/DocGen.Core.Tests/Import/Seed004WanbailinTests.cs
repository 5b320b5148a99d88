using DocGen.Core.Editions;
using DocGen.Core.Model;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Seed 004: 太原市万柏林区人民政府 2024, 2021 format, "|"-separated rows, a "00" cell, truncated headers.</summary>
public class Seed004WanbailinTests
{
    private static readonly Lazy<DocGen.Core.Import.ImportResult> Result = new(() => Seeds.Import(Seeds.Wanbailin));
    private static Report Report => Result.Value.Report!;

    [Fact]
    public void Metadata()
    {
        Assert.Equal(EditionCatalog.Id2021, Report.Edition);
        Assert.Equal("太原市万柏林区人民政府", Report.Agency);
        Assert.Equal(2024, Report.Year);
        Assert.Equal("太原市万柏林区人民政府2024年度政府信息公开工作年度报告", Report.Title);
        Assert.Equal(new DateOnly(2025, 1, 26), Report.PublicationDate);
        Assert.Null(Report.Contact);
    }

    [Fact]
    public void Issues()
    {
        var r = Result.Value;
        Assert.False(r.HasErrors, ImportAssert.Issues(r));
        HasIssue(r, 3, "DROPPED_FURNITURE", false); // 来源: 万柏林区政府
        HasIssue(r, 4, "DROPPED_FURNITURE", false); // 选择阅读字号
        HasIssue(r, 43, "CELL_READ_WITH_NOTE", false); // "00"
        // 表四 header cells that lost their text (结果 for 结果纠正, …) are matched by position.
        Assert.Equal(3, r.Issues.Count(i => i.Line == 61 && i.Code == "HEADER_MISMATCH"));
        Assert.Equal(8, r.Issues.Count(i => i.Line == 62 && i.Code == "HEADER_MISMATCH"));
        Assert.Equal(14, r.Issues.Count);
    }

    [Fact]
    public void Sections_and_blocks()
    {
        Assert.Single(Report.Preface);
        Sections(Report,
            ("一、总体情况", 4),
            ("二、主动公开政府信息情况", 0),
            ("三、收到和处理政府信息公开申请情况", 0),
            ("四、政府信息公开行政复议、行政诉讼情况", 0),
            ("五、存在的主要问题及改进情况", 2),
            ("六、其他需要报告的事项", 2));
        Assert.Equal(new Point("(二)2024年度全区各级行政机关未收取政府信息公开信息处理费。", ""), Report.Sections[5].Blocks[1]);
    }

    [Fact]
    public void Table_two() => Table(Report, TableIds.Proactive, new()
    {
        ["regulations"] = ["0", "0", "0"],
        ["normativeDocuments"] = ["4", "2", "11"],
        ["licensing"] = ["64142"],
        ["penalties"] = ["1034"],
        ["enforcement"] = ["0"],
        ["fees"] = ["803"],
    });

    [Fact]
    public void Table_three() => Table(Report, TableIds.Requests, new()
    {
        ["newRequests"] = ["96", "4", "0", "0", "0", "0", "100"],
        ["carriedOver"] = ["10", "0", "0", "0", "0", "0", "10"],
        ["granted"] = ["7", "2", "0", "0", "0", "0", "9"],
        ["partlyGranted"] = ["10", "1", "0", "0", "0", "0", "11"],
        ["withheldStateSecret"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldProhibitedByLaw"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldSecurityStability"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldThirdParty"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["withheldInternalAffairs"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldProcessInformation"] = ["0", "0", "0", "0", "0", "0", "0"], // "00" in 其他, read as 0
        ["withheldEnforcementFiles"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["withheldQueryMatters"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableNotHeld"] = ["76", "1", "0", "0", "0", "0", "77"],
        ["unavailableNeedsCreation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableStillUnclear"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedComplaint"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedRepeated"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedPublication"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedExcessive"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedConfirmation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["otherNoCorrection"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["otherUnpaidFee"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["otherOther"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["resultTotal"] = ["96", "4", "0", "0", "0", "0", "100"],
        ["carriedForward"] = ["10", "0", "0", "0", "0", "0", "10"],
    });

    [Fact]
    public void Table_four() => Table(Report, TableIds.Reviews, new()
    {
        ["review"] = ["10", "0", "1", "1", "12"],
        ["litigationDirect"] = ["1", "0", "1", "2", "4"],
        ["litigationAfterReview"] = ["7", "0", "1", "0", "8"],
    });
}
