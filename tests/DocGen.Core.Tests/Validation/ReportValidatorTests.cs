using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

public class ReportValidatorTests
{
    private static readonly ValidationOptions Today = new() { Today = new DateOnly(2026, 11, 23) };

    private static IReadOnlyList<Finding> Validate(Report r) => ReportValidator.Validate(r, Today);

    private static long Value(Report r, string table, string row, int col) => (long)r.Tables[table].Get(row, col)!.Value.Number;

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    [InlineData("legacy")]
    public void Consistent_report_has_no_findings(string edition)
    {
        Assert.Empty(Validate(ReportFactory.Consistent(edition)));
    }

    [Fact]
    public void Row_total_mismatch_names_row_and_values()
    {
        var r = ReportFactory.Consistent();
        long total = Value(r, "requests", "granted", 6);
        r = r.WithCell("requests", "granted", 6, CellValue.Integer(total + 1));
        var findings = Validate(r);
        var f = Assert.Single(findings, f => f.Code == "ROW_TOTAL_MISMATCH");
        Assert.Equal("/tables/requests/granted/6", f.Pointer);
        Assert.Equal("表三", f.Table);
        Assert.Equal("总计", f.Column);
        Assert.Equal((total + 1).ToString(), f.Actual);
        Assert.Equal(total.ToString(), f.Expected);
        Assert.Equal($"表三 “（一）予以公开”行：总计为{total + 1}，自然人至其他六列之和为{total}，两者应相等", f.Message);
        // The changed total also breaks the total column's sums (result total, and through it nothing else).
        Assert.Contains(findings, x => x.Code == "RESULT_TOTAL_MISMATCH" && x.Column == "总计");
        Assert.All(findings, x => Assert.Equal(Severity.Error, x.Severity));
    }

    [Fact]
    public void Balance_mismatch_reads_like_the_format_note()
    {
        var r = ReportFactory.Consistent();
        long carried = Value(r, "requests", "carriedForward", 0);
        long fresh = Value(r, "requests", "newRequests", 0), over = Value(r, "requests", "carriedOver", 0);
        long total = Value(r, "requests", "resultTotal", 0);
        r = r.WithCell("requests", "carriedForward", 0, CellValue.Integer(carried + 1))
             .WithCell("requests", "carriedForward", 6, CellValue.Integer(Value(r, "requests", "carriedForward", 6) + 1));
        var f = Assert.Single(Validate(r), f => f.Code == "BALANCE_MISMATCH" && f.Column == "自然人");
        Assert.Equal($"表三 自然人列：一加二之和为{fresh + over}，三（七）加四之和为{total + carried + 1}，两者应相等", f.Message);
        Assert.Equal("/tables/requests/newRequests/0", f.Pointer);
        Assert.Contains(Validate(r), x => x.Code == "BALANCE_MISMATCH" && x.Column == "总计");
        Assert.Equal(2, Validate(r).Count);
    }

    [Fact]
    public void Result_total_mismatch_per_column()
    {
        var r = ReportFactory.Consistent("2019");
        // Move one request from a result row to the 2019 single （六）其他处理 row without touching the totals: still fine.
        r = r.WithCell("requests", "otherHandling", 2, CellValue.Integer(Value(r, "requests", "otherHandling", 2) + 1))
             .WithCell("requests", "otherHandling", 6, CellValue.Integer(Value(r, "requests", "otherHandling", 6) + 1));
        var findings = Validate(r);
        var f = Assert.Single(findings, f => f.Code == "RESULT_TOTAL_MISMATCH" && f.Column == "科研机构");
        Assert.Equal("/tables/requests/resultTotal/2", f.Pointer);
        Assert.Contains(findings, x => x.Code == "RESULT_TOTAL_MISMATCH" && x.Column == "总计");
        Assert.Equal(2, findings.Count);
    }

    [Theory]
    [InlineData("review", "行政复议")]
    [InlineData("litigationDirect", "未经复议直接起诉")]
    [InlineData("litigationAfterReview", "复议后起诉")]
    public void Review_group_totals(string group, string label)
    {
        var r = ReportFactory.Consistent();
        r = r.WithCell("reviews", group, 1, CellValue.Integer(Value(r, "reviews", group, 1) + 2));
        var f = Assert.Single(Validate(r));
        Assert.Equal("GROUP_TOTAL_MISMATCH", f.Code);
        Assert.Equal($"/tables/reviews/{group}/4", f.Pointer);
        Assert.StartsWith($"表四 {label}：总计为", f.Message);
    }

    [Fact]
    public void Published_total_below_new_is_a_warning_in_2019()
    {
        var r = ReportFactory.Consistent("2019").WithCell("proactive", "normativeDocuments", 2, CellValue.Integer(1));
        var f = Assert.Single(Validate(r));
        Assert.Equal(("PUBLISHED_EXCEEDS_TOTAL", Severity.Warning), (f.Code, f.Severity));
    }

    [Theory]
    [InlineData(-1, "NEGATIVE_COUNT")]
    [InlineData(2.5, "NOT_INTEGER")]
    public void Count_cells_must_be_non_negative_integers(decimal value, string code)
    {
        var r = ReportFactory.Consistent().WithCell("proactive", "licensing", 0, new CellValue(value == decimal.Truncate(value) ? CellKind.Integer : CellKind.Decimal, value));
        var f = Assert.Single(Validate(r));
        Assert.Equal(code, f.Code);
        Assert.Equal("/tables/proactive/licensing/0", f.Pointer);
        Assert.Equal("行政许可", f.Row![^4..]);
    }

    [Fact]
    public void Money_has_at_most_two_decimals_and_no_sign()
    {
        var precise = ReportFactory.Consistent().WithCell("proactive", "fees", 0, new CellValue(CellKind.Decimal, 1.235m));
        Assert.Equal("MONEY_PRECISION", Assert.Single(Validate(precise)).Code);
        var trailingZero = ReportFactory.Consistent().WithCell("proactive", "fees", 0, new CellValue(CellKind.Decimal, 1.230m));
        Assert.Empty(Validate(trailingZero));
        var negative = ReportFactory.Consistent().WithCell("proactive", "fees", 0, new CellValue(CellKind.Decimal, -1m));
        Assert.Equal("NEGATIVE_AMOUNT", Assert.Single(Validate(negative)).Code);
        var yuan = ReportFactory.Consistent().WithCell("proactive", "fees", 0, new CellValue(CellKind.Decimal, 100m, "元"));
        Assert.Equal("UNIT_MISMATCH", Assert.Single(Validate(yuan)).Code);
    }

    [Fact]
    public void A_yuan_figure_in_a_wan_yuan_column_is_a_warning()
    {
        var r = ReportFactory.Consistent().WithCell("proactive", "fees", 0, new CellValue(CellKind.Decimal, 109448m));
        var f = Assert.Single(Validate(r));
        Assert.Equal(("MONEY_MAGNITUDE", Severity.Warning), (f.Code, f.Severity));
        Assert.Contains("约10.9亿元", f.Message);
        Assert.Empty(Validate(ReportFactory.Consistent().WithCell("proactive", "fees", 0, new CellValue(CellKind.Decimal, 803m))));
    }

    [Fact]
    public void Change_may_be_negative_but_whole()
    {
        var r = ReportFactory.Consistent("2019").WithCell("proactive", "penalties", 1, new CellValue(CellKind.Change, -213));
        Assert.Empty(Validate(r));
        r = r.WithCell("proactive", "penalties", 1, new CellValue(CellKind.Change, 1.5m));
        Assert.Equal("NOT_INTEGER", Assert.Single(Validate(r)).Code);
    }

    [Fact]
    public void Procurement_amount_without_unit_is_a_warning()
    {
        var r = ReportFactory.Consistent("2019").WithCell("proactive", "procurement", 1, new CellValue(CellKind.Decimal, 9.46m));
        Assert.Equal(("MONEY_UNIT_MISSING", Severity.Warning), Assert.Single(Validate(r)) is var f ? (f.Code, f.Severity) : default);
        r = r.WithCell("proactive", "procurement", 1, new CellValue(CellKind.Decimal, 9.46m, "万元"));
        Assert.Empty(Validate(r));
    }

    [Fact]
    public void Blank_cells_warn_and_are_never_compared_as_zero()
    {
        // 结果维持 left blank and 总计 unchanged: counted as 0 the group total would not add up.
        var r = ReportFactory.Consistent().WithCell("reviews", "review", 0, CellValue.Blank);
        Assert.NotEqual(0, Value(ReportFactory.Consistent(), "reviews", "review", 0));
        var findings = Validate(r);
        Assert.Equal(["BLANK_CELL", "RULE_SKIPPED_BLANK"], findings.Select(f => f.Code).Order());
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        var skipped = findings.Single(f => f.Code == "RULE_SKIPPED_BLANK");
        Assert.Equal("/tables/reviews/review/0", skipped.Pointer);
        Assert.Contains("行政复议", skipped.Message);
        Assert.Contains("结果维持", skipped.Message);
    }

    [Fact]
    public void A_blank_skips_only_the_lanes_it_is_in()
    {
        // 一、本年新收 自然人 blank: its row total and the 自然人 balance are skipped; a real mismatch elsewhere is still found.
        var consistent = ReportFactory.Consistent();
        var r = consistent.WithCell("requests", "newRequests", 0, CellValue.Blank)
            .WithCell("requests", "granted", 1, CellValue.Integer(Value(consistent, "requests", "granted", 1) + 1));
        var findings = Validate(r);
        var skipped = findings.Where(f => f.Code == "RULE_SKIPPED_BLANK").Select(f => f.Message).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.Contains(skipped, m => m.Contains("“一、本年新收政府信息公开申请数量”行"));
        Assert.Contains(skipped, m => m.Contains("自然人列"));
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error && f.Pointer.StartsWith("/tables/requests/newRequests"));
        Assert.Contains(findings, f => f.Code == "ROW_TOTAL_MISMATCH" && f.Pointer == "/tables/requests/granted/6");
    }

    [Fact]
    public void Not_applicable_counts_as_zero_without_a_finding()
    {
        var r = ReportFactory.Consistent().WithCell("proactive", "regulations", 0, CellValue.NotApplicable);
        Assert.Empty(Validate(r));
    }

    [Fact]
    public void Missing_table_row_and_section_are_errors()
    {
        var full = ReportFactory.Consistent();
        var noTable = full with { Tables = full.Tables.Where(t => t.Key != "reviews").ToDictionary() };
        var f = Assert.Single(Validate(noTable));
        Assert.Equal(("MISSING_TABLE", "/tables/reviews"), (f.Code, f.Pointer));

        var rows = full.Tables["requests"].Rows.Where(r => r.Key != "otherUnpaidFee").ToDictionary();
        var noRow = full with { Tables = new Dictionary<string, TableData>(full.Tables) { ["requests"] = new(rows) } };
        Assert.Contains(Validate(noRow), x => x.Code == "MISSING_ROW" && x.Pointer == "/tables/requests/otherUnpaidFee");

        var noSection = full with { Sections = full.Sections.Where(s => s.Key != "problems").ToList() };
        f = Assert.Single(Validate(noSection));
        Assert.Equal("MISSING_SECTION", f.Code);
        Assert.Contains("五、存在的主要问题及改进情况", f.Message);
    }

    [Fact]
    public void Sections_out_of_order_or_twice_are_errors()
    {
        var full = ReportFactory.Consistent();
        var swapped = full with { Sections = [full.Sections[1], full.Sections[0], .. full.Sections.Skip(2)] };
        Assert.Equal("SECTION_ORDER", Assert.Single(Validate(swapped)).Code);
        var twice = full with { Sections = [.. full.Sections, full.Sections[5]] };
        Assert.Equal("DUPLICATE_SECTION", Assert.Single(Validate(twice)).Code);
    }

    [Fact]
    public void Statutory_long_heading_is_accepted_other_wording_warned()
    {
        var full = ReportFactory.Consistent();
        var sections = full.Sections.ToList();
        sections[4] = sections[4] with { Heading = "五、政府信息公开工作存在的主要问题及改进情况" };
        Assert.Empty(Validate(full with { Sections = sections }));
        sections[4] = sections[4] with { Heading = "五、问题" };
        Assert.Equal("SECTION_HEADING_DIFFERS", Assert.Single(Validate(full with { Sections = sections })).Code);
    }

    [Theory]
    [InlineData(2007, "YEAR_IMPLAUSIBLE")]
    [InlineData(2027, "YEAR_IMPLAUSIBLE")]
    [InlineData(2019, "EDITION_YEAR_MISMATCH")]
    public void Year_is_checked(int year, string code)
    {
        var r = ReportFactory.Consistent() with { Year = year, PublicationDate = null };
        Assert.Equal(code, Assert.Single(Validate(r)).Code);
    }

    [Fact]
    public void Late_publication_is_a_warning()
    {
        var r = ReportFactory.Consistent() with { Year = 2024, PublicationDate = new DateOnly(2025, 3, 1) };
        Assert.Equal("PUBLISHED_LATE", Assert.Single(Validate(r)).Code);
    }

    [Fact]
    public void Control_characters_are_located()
    {
        var full = ReportFactory.Consistent();
        var sections = full.Sections.ToList();
        sections[0] = sections[0] with { Blocks = [new Point("1.首句\u0007。", "正文")] };
        var f = Assert.Single(Validate(full with { Sections = sections }));
        Assert.Equal(("CONTROL_CHARACTER", "/sections/0/blocks/0/lead"), (f.Code, f.Pointer));
    }
}
