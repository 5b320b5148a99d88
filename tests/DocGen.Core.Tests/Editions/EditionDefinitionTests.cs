using System.Text.RegularExpressions;
using DocGen.Core.Editions;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Editions;

public class EditionDefinitionTests
{
    public static TheoryData<string> TableEditions => new() { EditionCatalog.Id2021, EditionCatalog.Id2019 };

    [Theory]
    [InlineData("2021", "proactive", 10, 4)]
    [InlineData("2019", "proactive", 22, 7)]
    [InlineData("2021", "requests", 175, 10)]
    [InlineData("2019", "requests", 161, 10)]
    [InlineData("2021", "reviews", 15, 15)]
    [InlineData("2019", "reviews", 15, 15)]
    public void Tables_have_the_mandated_number_of_data_cells_and_grid_columns(string edition, string table, int cells, int grid)
    {
        var def = EditionCatalog.Find(edition)!.Table(table)!;
        Assert.Equal(cells, def.AllCells().Count());
        Assert.Equal(grid, def.GridColumns);
        Assert.Equal(grid, def.ColumnWidths.Count);
    }

    [Theory]
    [InlineData("2021", 22)]
    [InlineData("2019", 20)]
    public void Processing_results_label_spans_the_mandated_number_of_rows(string edition, int rowSpan)
    {
        var def = EditionCatalog.Find(edition)!.Table(TableIds.Requests)!;
        var cell = def.Layout.SelectMany(r => r).Single(c => c.Text == "三、本年度办理结果");
        Assert.Equal(rowSpan, cell.RowSpan);
        Assert.Equal(1, cell.ColSpan);
    }

    /// <summary>Every grid position of every layout row is covered exactly once, counting row spans from above.</summary>
    [Theory]
    [MemberData(nameof(TableEditions))]
    public void Layout_covers_the_grid_exactly_once(string edition)
    {
        foreach (var table in EditionCatalog.Find(edition)!.Tables)
        {
            var covered = new int[table.Layout.Count, table.GridColumns];
            for (int r = 0; r < table.Layout.Count; r++)
                foreach (var cell in table.Layout[r])
                    for (int dr = 0; dr < cell.RowSpan; dr++)
                        for (int dc = 0; dc < cell.ColSpan; dc++)
                            covered[r + dr, cell.Column + dc]++;
            for (int r = 0; r < table.Layout.Count; r++)
                for (int c = 0; c < table.GridColumns; c++)
                    Assert.True(covered[r, c] == 1, $"{edition} {table.Id} row {r} column {c} covered {covered[r, c]} times");
        }
    }

    [Theory]
    [MemberData(nameof(TableEditions))]
    public void Every_data_cell_appears_once_in_the_layout(string edition)
    {
        foreach (var table in EditionCatalog.Find(edition)!.Tables)
        {
            var drawn = table.Layout.SelectMany(r => r).Where(c => c.Data is not null).Select(c => c.Data!.Value).ToList();
            Assert.Equal(table.AllCells().OrderBy(c => c.RowKey).ThenBy(c => c.Column),
                drawn.OrderBy(c => c.RowKey).ThenBy(c => c.Column));
        }
    }

    /// <summary>Labels are character for character those of the format specification (in backticks there).</summary>
    [Theory]
    [MemberData(nameof(TableEditions))]
    public void Every_label_is_verbatim_in_the_format_specification(string edition)
    {
        var spec = File.ReadAllText(Path.Combine(RepoPaths.Shared, "domain", "FORMAT.md"));
        var quoted = Regex.Matches(spec, "`([^`]+)`").Select(m => m.Groups[1].Value).ToHashSet();
        var def = EditionCatalog.Find(edition)!;
        var labels = def.Tables.SelectMany(t => t.Layout.SelectMany(r => r)).Select(c => c.Text).OfType<string>()
            .Concat(def.Sections.Select(s => s.Heading))
            .Distinct();
        // 2019's 采购 columns and 信息内容 stand in table cells of the spec written with a middle dot list.
        var missing = labels.Where(l => !quoted.Contains(l) && !spec.Contains(l)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Legacy_has_no_tables_and_eight_customary_parts()
    {
        Assert.Empty(EditionCatalog.Legacy.Tables);
        Assert.Equal(8, EditionCatalog.Legacy.Sections.Count);
        Assert.False(EditionCatalog.Legacy.Mandated);
    }

    [Fact]
    public void Row_keys_are_unique_within_each_table()
    {
        foreach (var table in EditionCatalog.All.SelectMany(e => e.Tables))
            Assert.Equal(table.Rows.Count, table.Rows.Select(r => r.Key).Distinct().Count());
    }
}
