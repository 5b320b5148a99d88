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
