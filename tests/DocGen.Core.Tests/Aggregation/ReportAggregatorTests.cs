using DocGen.Core.Aggregation;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Aggregation;

public class ReportAggregatorTests
{
    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void Sum_of_consistent_reports_adds_every_cell_and_stays_consistent(string edition)
    {
        var a = ReportFactory.Consistent(edition) with { Agency = "甲区人民政府" };
        var b = ReportFactory.Consistent(edition) with { Agency = "乙局" };
        b = b.WithCell("reviews", "review", 0, CellValue.Integer((long)b.Tables["reviews"].Get("review", 0)!.Value.Number + 5))
             .WithCell("reviews", "review", 4, CellValue.Integer((long)b.Tables["reviews"].Get("review", 4)!.Value.Number + 5));
        var sum = ReportAggregator.Sum([a, b], "某市人民政府", a.Year);

        foreach (var (tableId, table) in sum.Tables)
            foreach (var (row, cells) in table.Rows)
                for (int c = 0; c < cells.Count; c++)
                    Assert.Equal(a.Tables[tableId].Get(row, c)!.Value.Arithmetic + b.Tables[tableId].Get(row, c)!.Value.Arithmetic, cells[c].Arithmetic);
        var errors = ReportValidator.Validate(sum, new ValidationOptions { Today = new DateOnly(2026, 11, 23) })
            .Where(f => f.Severity == Core.Editions.Severity.Error);
        Assert.Empty(errors);
        Assert.Contains("甲区人民政府、乙局", ((Paragraph)sum.Preface[0]).Text);
    }

    [Fact]
    public void Yuan_are_converted_to_wan_yuan_before_adding()
    {
        var a = ReportFactory.Consistent("2019").WithCell("proactive", "procurement", 1, new CellValue(CellKind.Decimal, 251000m, "元"));
        var b = ReportFactory.Consistent("2019").WithCell("proactive", "procurement", 1, new CellValue(CellKind.Decimal, 9.46m, "万元"));
        var cell = ReportAggregator.Sum([a, b], "某县", a.Year).Tables["proactive"].Get("procurement", 1)!.Value;
        Assert.Equal(34.56m, cell.Number);
        Assert.Equal("34.56万元", cell.Display);
    }

    [Fact]
    public void Not_applicable_everywhere_stays_not_applicable()
    {
        var a = ReportFactory.Consistent().WithCell("proactive", "regulations", 0, CellValue.NotApplicable);
        var b = ReportFactory.Consistent().WithCell("proactive", "regulations", 0, CellValue.NotApplicable);
        Assert.Equal(CellKind.NotApplicable, ReportAggregator.Sum([a, b], "某市", a.Year).Tables["proactive"].Get("regulations", 0)!.Value.Kind);
    }

    [Fact]
    public void Mixed_editions_or_years_are_refused()
    {
        var e = Assert.Throws<DocGenException>(() => ReportAggregator.Sum([ReportFactory.Consistent("2021", 2022), ReportFactory.Consistent("2019", 2022)], "某市", 2022));
        Assert.Equal("AGGREGATE_EDITION_MIXED", e.Code);
        e = Assert.Throws<DocGenException>(() => ReportAggregator.Sum([ReportFactory.Consistent("2021", 2022), ReportFactory.Consistent("2021", 2023)], "某市", 2022));
        Assert.Equal("AGGREGATE_YEAR_MIXED", e.Code);
    }
}

/// <summary>Blank is never 0: a cell left blank in one part leaves the sum blank and says who left it and what the others give.</summary>
public class ReportAggregatorBlankTests
{
    [Fact]
    public void A_cell_blank_in_one_part_stays_blank_with_a_warning_naming_that_part()
    {
        var a = ReportFactory.Consistent("2021") with { Agency = "甲区人民政府" };
        var b = (ReportFactory.Consistent("2021") with { Agency = "乙局" }).WithCell("reviews", "review", 0, CellValue.Blank);
        var c = ReportFactory.Consistent("2021") with { Agency = "丙县人民政府" };
        var compiled = ReportAggregator.Compile([a, b, c], "某市人民政府", a.Year);

        Assert.Equal(CellKind.Blank, compiled.Report.Tables["reviews"].Get("review", 0)!.Value.Kind);
        var warning = Assert.Single(compiled.Findings);
        Assert.Equal(ReportAggregator.BlankCellCode, warning.Code);
        Assert.Equal(Core.Editions.Severity.Warning, warning.Severity);
        Assert.Equal("/tables/reviews/review/0", warning.Pointer);
        long others = (long)(a.Tables["reviews"].Get("review", 0)!.Value.Number + c.Tables["reviews"].Get("review", 0)!.Value.Number);
        Assert.Contains("乙局未填写", warning.Message);
        Assert.DoesNotContain("甲区", warning.Message);
        Assert.Contains($"其余2个单位合计为{others}", warning.Message);
        // The other cells still add up, and the validator skips the lanes through the blank cell instead of failing them.
        Assert.Equal(a.Tables["reviews"].Get("review", 1)!.Value.Number * 2 + b.Tables["reviews"].Get("review", 1)!.Value.Number,
            compiled.Report.Tables["reviews"].Get("review", 1)!.Value.Number);
        var findings = ReportValidator.Validate(compiled.Report, new ValidationOptions { Today = new DateOnly(2026, 11, 23) });
        Assert.DoesNotContain(findings, f => f.Severity == Core.Editions.Severity.Error && f.Pointer.StartsWith("/tables/reviews", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == RuleChecks.BlankSkipCode && f.Pointer.StartsWith("/tables/reviews", StringComparison.Ordinal));
    }

    [Fact]
    public void A_part_without_a_table_left_its_cells_blank()
    {
        var a = ReportFactory.Consistent("2021") with { Agency = "甲区人民政府" };
        var b = ReportFactory.Consistent("2021") with { Agency = "乙局" };
        b = b with { Tables = b.Tables.Where(t => t.Key != "proactive").ToDictionary() };
        var compiled = ReportAggregator.Compile([a, b], "某市人民政府", a.Year);
        Assert.All(compiled.Report.Tables["proactive"].Rows.Values.SelectMany(r => r), cell => Assert.Equal(CellKind.Blank, cell.Kind));
        Assert.All(compiled.Findings, f => Assert.Contains("乙局未填写", f.Message));
        Assert.Equal(compiled.Report.Tables["proactive"].Rows.Values.Sum(r => r.Count), compiled.Findings.Count);
    }

    [Fact]
    public void Blank_in_every_part_says_so()
    {
        var a = ReportFactory.Consistent("2019").WithCell("proactive", "regulations", 0, CellValue.Blank);
        var b = ReportFactory.Consistent("2019").WithCell("proactive", "regulations", 0, CellValue.Blank) with { Agency = "乙局" };
        var compiled = ReportAggregator.Compile([a, b], "某县", a.Year);
        Assert.Equal(CellKind.Blank, compiled.Report.Tables["proactive"].Get("regulations", 0)!.Value.Kind);
        Assert.Contains("各单位均未填写", Assert.Single(compiled.Findings).Message);
    }
}
