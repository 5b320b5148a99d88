using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

/// <summary>Checks against last year's report: carry-over of requests, documents in force, 2019 item counts.</summary>
public class YearRuleTests
{
    private static IReadOnlyList<Finding> Validate(Report current, Report previous) =>
        ReportValidator.Validate(current, new ValidationOptions { Today = new DateOnly(2026, 11, 23), Previous = previous });

    private static Report Previous(string edition = "2021") => ReportFactory.Consistent(edition, edition == "2021" ? 2023 : 2019);
    private static Report Current(string edition = "2021") => ReportFactory.Consistent(edition, edition == "2021" ? 2024 : 2020);

    [Fact]
    public void Carry_over_and_documents_in_force_are_compared_with_last_year()
    {
        var findings = Validate(Current(), Previous());
        // Factory rows: 上年结转 = c+1, 结转下年度 = 2c+1, so only the 自然人 column agrees.
        var carry = findings.Where(f => f.Code == "CARRY_OVER_MISMATCH").ToList();
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], carry.Select(f => f.Column));
        Assert.All(carry, f => Assert.Equal(Core.Editions.Severity.Warning, f.Severity));
        var f = carry[0];
        Assert.Equal("/tables/requests/carriedOver/1", f.Pointer);
        Assert.Equal("表三 商业企业列：本年“二、上年结转政府信息公开申请数量”为2，上年报告“四、结转下年度继续办理”为3，两者应相等", f.Message);

        // 现行有效: 13 this year against 13 + 11 − 12 = 12.
        var inForce = findings.Where(x => x.Code == "IN_FORCE_BALANCE").ToList();
        Assert.Equal(["/tables/proactive/regulations/2", "/tables/proactive/normativeDocuments/2"], inForce.Select(x => x.Pointer));
        Assert.Equal(("13", "12"), (inForce[0].Actual, inForce[0].Expected));
    }

    [Fact]
    public void Agreeing_years_give_no_findings()
    {
        var previous = Previous();
        var current = Current();
        for (int c = 0; c < 7; c++)
            current = current.WithCell("requests", "carriedOver", c, previous.Tables["requests"].Get("carriedForward", c)!.Value);
        current = current.WithCell("proactive", "regulations", 2, CellValue.Integer(12))
                         .WithCell("proactive", "normativeDocuments", 2, CellValue.Integer(22));
        var crossYear = Validate(current, previous).Where(f => f.Code is "CARRY_OVER_MISMATCH" or "IN_FORCE_BALANCE" or "PREVIOUS_YEAR_MISMATCH");
        Assert.Empty(crossYear);
    }

    [Fact]
    public void Item_counts_of_2019_carry_to_the_next_year()
    {
        var previous = Previous("2019");
        var current = Current("2019");
        // Factory: 上一年项目数量 of licensing is 31 both years, 本年增/减 +4: next year should be 35.
        var f = Assert.Single(Validate(current, previous), x => x.Code == "ITEM_COUNT_CARRY" && x.Pointer == "/tables/proactive/licensing/0");
        Assert.Equal(("31", "35"), (f.Actual, f.Expected));
        current = current.WithCell("proactive", "licensing", 0, CellValue.Integer(35));
        Assert.DoesNotContain(Validate(current, previous), x => x.Code == "ITEM_COUNT_CARRY" && x.Pointer == "/tables/proactive/licensing/0");
    }

    [Fact]
    public void A_previous_report_of_the_wrong_year_is_flagged()
    {
        Assert.Contains(Validate(Current(), Current()), f => f.Code == "PREVIOUS_YEAR_MISMATCH");
    }
}
