namespace DocGen.Core.Editions;

/// <summary>
/// Builds table 二 (主动公开政府信息情况): a stack of blocks, each a caption row ("第二十条第（一）项"),
/// a header row ("信息内容" and the value columns) and its data rows. Value cells share the width
/// after the label column; the grid has as many value columns as the least common multiple of the
/// blocks' value counts, so 3-value and 1-value blocks (2021) and 3- and 2-value blocks (2019) align.
/// </summary>
internal static class ProactiveTable
{
    internal const string ContentLabel = "信息内容";

    internal sealed record ProactiveBlock(string Caption, IReadOnlyList<ColumnDef> Columns, IReadOnlyList<(string Key, string Label)> Rows);

    internal static TableDef Build(IReadOnlyList<ProactiveBlock> blocks, Func<IReadOnlyList<RowDef>, IReadOnlyList<Rule>> rules)
    {
        int valueGrid = blocks.Select(b => b.Columns.Count).Aggregate(1, Lcm);
        int grid = 1 + valueGrid;
        var layout = new List<IReadOnlyList<LayoutCell>>();
        var rows = new List<RowDef>();
        foreach (var block in blocks)
        {
            int span = valueGrid / block.Columns.Count;
            layout.Add([new LayoutCell(0, grid, 1, CellRole.Caption, block.Caption, null)]);
            var header = new List<LayoutCell> { new(0, 1, 1, CellRole.ColumnHeader, ContentLabel, null) };
            header.AddRange(block.Columns.Select((c, i) => new LayoutCell(1 + i * span, span, 1, CellRole.ColumnHeader, c.Label, null)));
            layout.Add(header);
            foreach (var (key, label) in block.Rows)
            {
                rows.Add(new RowDef(key, [block.Caption, label], block.Columns));
                var line = new List<LayoutCell> { new(0, 1, 1, CellRole.RowLabel, label, null) };
                line.AddRange(block.Columns.Select((_, i) => new LayoutCell(1 + i * span, span, 1, CellRole.Data, null, new CellRef(key, i))));
                layout.Add(line);
            }
        }
        var widths = new List<double> { 0.34 };
        widths.AddRange(Enumerable.Repeat(0.66 / valueGrid, valueGrid));
        return new TableDef
        {
            Id = TableIds.Proactive,
            Name = "表二",
            SectionKey = SectionKeys.Proactive,
            GridColumns = grid,
            ColumnWidths = widths,
            HeaderRows = 0,
            Rows = rows,
            Layout = layout,
            Rules = rules(rows),
        };
    }

    private static int Lcm(int a, int b) => a / Gcd(a, b) * b;
    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
