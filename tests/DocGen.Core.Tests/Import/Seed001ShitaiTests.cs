using DocGen.Core.Editions;
using DocGen.Core.Model;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Seed 001: 石台县人民政府办公室 2020, 2019 format, one cell per line ending in " |".</summary>
public class Seed001ShitaiTests
{
    private static readonly Lazy<DocGen.Core.Import.ImportResult> Result = new(() => Seeds.Import(Seeds.Shitai));
    private static Report Report => Result.Value.Report!;

    [Fact]
    public void Metadata()
    {
        Assert.Equal(EditionCatalog.Id2019, Report.Edition);
        Assert.Equal("石台县人民政府办公室", Report.Agency);
        Assert.Equal(2020, Report.Year);
        Assert.Null(Report.Title);
        Assert.Equal(new Contact
        {
            Office = "石台县政务公开办",
            Address = "石台县曙光西路8号政府大楼二楼",
            Postcode = "245100",
            Phone = "0566-3295966",
            Fax = "0566-6022871",
        }, Report.Contact);
    }

    [Fact]
    public void Issues()
    {
        var r = Result.Value;
        Assert.False(r.HasErrors, ImportAssert.Issues(r));
        HasIssue(r, 0, "AGENCY_INFERRED", false);
        HasIssue(r, 42, "HEADER_MISMATCH", false); // 本年增减 for 本年增/减
        HasIssue(r, 56, "HEADER_MISMATCH", false);
        HasIssue(r, 70, "HEADER_MISMATCH", false);
        HasIssue(r, 91, "HEADER_MISMATCH", false); // 合计 for 总计
        HasIssue(r, 274, "LABEL_VARIANT", false); // 已取信息 for 已获取信息
        HasIssue(r, 369, "DROPPED_FURNITURE", false); // 扫一扫在手机打开当前页
        Assert.Equal(7, r.Issues.Count);
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
            ("六、其他需要报告的事项", 1));
        var active = Assert.IsType<Subsection>(Report.Sections[0].Blocks[1]);
        Assert.Equal("(一)主动公开情况", active.Heading);
        Assert.Equal(["1.持续推动用权公开", "2.提升政策解读回应质量", "3.加强优化营商环境信息公开", "4.深化重点领域和民生关注信息公开", "5.全面推进“两化”工作"],
            active.Blocks.Cast<Subsection>().Select(s => s.Heading));
        Assert.Equal(new Paragraph("无。"), Report.Sections[5].Blocks[0]);
    }

    [Fact]
    public void Table_two_with_the_unit_written_in_the_cell()
    {
        Table(Report, TableIds.Proactive, new()
        {
            ["regulations"] = ["0", "0", "0"],
            ["normativeDocuments"] = ["8", "8", "314"],
            ["licensing"] = ["0", "0", "0"],
            ["otherServices"] = ["0", "0", "0"],
            ["penalties"] = ["0", "0", "0"],
            ["enforcement"] = ["0", "0", "0"],
            ["fees"] = ["0", "0"],
            ["procurement"] = ["1", "9.46万元"],
        });
        var amount = Report.Tables[TableIds.Proactive].Rows["procurement"][1];
        Assert.Equal(new CellValue(CellKind.Decimal, 9.46m, "万元"), amount);
    }

    [Fact]
    public void Table_three() => Table(Report, TableIds.Requests, new()
    {
        ["newRequests"] = ["2", "0", "0", "0", "0", "0", "2"],
        ["carriedOver"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["granted"] = ["2", "0", "0", "0", "0", "0", "2"],
        ["partlyGranted"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldStateSecret"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldProhibitedByLaw"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldSecurityStability"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldThirdParty"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldInternalAffairs"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldProcessInformation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldEnforcementFiles"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["withheldQueryMatters"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableNotHeld"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableNeedsCreation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["unavailableStillUnclear"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedComplaint"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedRepeated"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedPublication"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedExcessive"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["notProcessedConfirmation"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["otherHandling"] = ["0", "0", "0", "0", "0", "0", "0"],
        ["resultTotal"] = ["2", "0", "0", "0", "0", "0", "2"],
        ["carriedForward"] = ["0", "0", "0", "0", "0", "0", "0"],
    });

    [Fact]
    public void Table_four() => Table(Report, TableIds.Reviews, new()
    {
        ["review"] = ["0", "0", "0", "0", "0"],
        ["litigationDirect"] = ["0", "0", "0", "0", "0"],
        ["litigationAfterReview"] = ["0", "0", "0", "0", "0"],
    });
}
