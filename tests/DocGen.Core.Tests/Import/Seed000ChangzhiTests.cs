using DocGen.Core.Editions;
using DocGen.Core.Model;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Seed 000: 长治市 2021, 2021 format, one cell per line with labels split over lines.</summary>
public class Seed000ChangzhiTests
{
    private static readonly Lazy<DocGen.Core.Import.ImportResult> Result = new(() => Seeds.Import(Seeds.Changzhi));
    private static Report Report => Result.Value.Report!;

    [Fact]
    public void Metadata()
    {
        Assert.Equal(EditionCatalog.Id2021, Report.Edition);
        Assert.Equal("长治市人民政府", Report.Agency);
        Assert.Equal(2021, Report.Year);
        Assert.Null(Report.Title);
        Assert.Null(Report.PublicationDate);
        Assert.Equal("长治市人民政府办公室", Report.Contact?.Office);
        Assert.Equal("长治市英雄中路68号政府大院1号楼", Report.Contact?.Address);
        Assert.Equal("0355-2039145", Report.Contact?.Phone);
    }

    [Fact]
    public void Issues_name_the_inferred_agency_the_short_header_and_the_dropped_furniture()
    {
        var r = Result.Value;
        Assert.False(r.HasErrors, Issues(r));
        HasIssue(r, 0, "AGENCY_INFERRED", false);
        HasIssue(r, 67, "HEADER_MISMATCH", false); // 现行有效件 for 现行有效件数
        HasIssue(r, 710, "DROPPED_FURNITURE", false); // 图文解读:…
        Assert.Equal(3, r.Issues.Count);
    }

    [Fact]
    public void Sections_and_blocks()
    {
        Assert.Single(Report.Preface);
        Sections(Report,
            ("一、总体情况", 6),
            ("二、主动公开政府信息情况", 0),
            ("三、收到和处理政府信息公开申请情况", 0),
            ("四、政府信息公开行政复议、行政诉讼情况", 0),
            ("五、存在的主要问题及改进情况", 2),
            ("六、其他需要报告的事项", 2));
        var overview = Report.Sections[0].Blocks;
        Assert.IsType<Paragraph>(overview[0]);
        var active = Assert.IsType<Subsection>(overview[1]);
        Assert.Equal("(一)主动公开政府信息情况", active.Heading);
        Assert.Equal(6, active.Blocks.Count);
        var first = Assert.IsType<Point>(active.Blocks[1]);
        Assert.Equal("1.及时准确发布疫情防控权威信息。", first.Lead);
        Assert.StartsWith("2021年,我市不断加大疫情防控", first.Text);
        Assert.Equal(["(一)存在的主要问题", "(二)下一步改进措施。"], Report.Sections[4].Blocks.Cast<Subsection>().Select(s => s.Heading));
        Assert.Equal(5, ((Subsection)Report.Sections[4].Blocks[0]).Blocks.Count);
    }

    [Fact]
    public void Table_two() => Table(Report, TableIds.Proactive, new()
    {
        ["regulations"] = ["0", "0", "0"],
        ["normativeDocuments"] = ["176", "127", "1055"],
        ["licensing"] = ["65027"],
        ["penalties"] = ["4588"],
        ["enforcement"] = ["7412"],
        ["fees"] = ["109448"],
    });

    [Fact]
    public void Table_three_as_published_including_its_mistakes() => Table(Report, TableIds.Requests, new()
    {
        ["newRequests"] = ["333", "10", "6", "3", "2", "1", "355"],
        ["carriedOver"] = ["2", "0", "0", "0", "0", "0", "2"],
        ["granted"] = ["149", "1", "3", "3", "0", "0", "156"],
        ["partlyGranted"] = ["12", "1", "1", "0", "0", "0", "14"],
        ["withheldStateSecret"] = ["2", "0", "2", "0", "0", "1", "5"],
        ["withheldProhibitedByLaw"] = ["2", "0", "0", "0", "0", "0", "2"],
        ["withheldSecurityStability"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldThirdParty"] = ["20", "2", "0", "0", "0", "0", "22"],
        ["withheldInternalAffairs"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["withheldProcessInformation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldEnforcementFiles"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldQueryMatters"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableNotHeld"] = ["110", "6", "0", "0", "1", "0", "117"],
        ["unavailableNeedsCreation"] = ["6", "0", "0", "0", "0", "0", "6"],
        ["unavailableStillUnclear"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["notProcessedComplaint"] = ["4", "0", "0", "0", "0", "0", "4"],
        ["notProcessedRepeated"] = ["5", "0", "0", "0", "0", "0", "5"],
        ["notProcessedPublication"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedExcessive"] = ["13", "0", "0", "0", "0", "0", "13"],
        ["notProcessedConfirmation"] = ["1", "0", "0", "0", "0", "0", "1"],
        ["otherNoCorrection"] = ["6", "0", "0", "0", "0", "0", "6"],
        ["otherUnpaidFee"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["otherOther"] = ["2", "0", "0", "0", "0", "0", "2"],
        // As published: 自然人 334 and 法律服务机构 1 do not add up; the importer does not correct them.
        ["resultTotal"] = ["334", "10", "6", "3", "1", "1", "355"],
        ["carriedForward"] = ["2", "0", "0", "0", "1", "0", "3"],
    });

    [Fact]
    public void Table_four() => Table(Report, TableIds.Reviews, new()
    {
        ["review"] = ["3", "11", "2", "1", "17"],
        ["litigationDirect"] = ["5", "4", "0", "0", "9"],
        ["litigationAfterReview"] = ["0", "0", "0", "0", "0"],
    });

    [Fact]
    public void Money_cell_is_a_decimal_without_a_unit_of_its_own()
    {
        var fee = Report.Tables[TableIds.Proactive].Rows["fees"][0];
        Assert.Equal(CellKind.Decimal, fee.Kind);
        Assert.Null(fee.Unit);
    }
}
