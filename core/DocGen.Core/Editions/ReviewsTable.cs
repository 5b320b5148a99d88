namespace DocGen.Core.Editions;

/// <summary>
/// Builds table 四 (行政复议、行政诉讼情况): one line of 15 values in three groups of five
/// (行政复议, 未经复议直接起诉, 复议后起诉), each group with its own 总计. There is no overall
/// 行政诉讼 total. Each group is one data row, so cells are addressed as reviews/{group}/{0..4}.
/// </summary>
internal static class ReviewsTable
{
    internal static readonly ColumnDef[] Columns =
    [
        new("upheld", "结果维持", ValueKind.Count),
        new("corrected", "结果纠正", ValueKind.Count),
        new("other", "其他结果", ValueKind.Count),
        new("pending", "尚未审结", ValueKind.Count),
        new("total", "总计", ValueKind.Count),
    ];

    internal const string ReviewLabel = "行政复议";
    internal const string LitigationLabel = "行政诉讼";

    internal static readonly (string Key, string Label)[] Groups =
    [
        ("review", ReviewLabel),
        ("litigationDirect", "未经复议直接起诉"),
        ("litigationAfterReview", "复议后起诉"),
    ];

    internal static TableDef Build()
    {
        int n = Columns.Length;
        var rows = Groups.Select(g => g.Key == "review"
            ? new RowDef(g.Key, [g.Label], Columns)
            : new RowDef(g.Key, [LitigationLabel, g.Label], Columns)).ToArray();
        var layout = new List<IReadOnlyList<LayoutCell>>
        {
            new LayoutCell[]
            {
                new(0, n, 1, CellRole.ColumnHeader, ReviewLabel, null),
                new(n, 2 * n, 1, CellRole.ColumnHeader, LitigationLabel, null),
            },
            Columns.Select((c, i) => new LayoutCell(i, 1, 2, CellRole.ColumnHeader, c.Label, null))
                .Concat(Groups.Skip(1).Select((g, i) => new LayoutCell(n * (i + 1), n, 1, CellRole.ColumnHeader, g.Label, null)))
                .ToArray(),
            Groups.Skip(1).SelectMany((_, gi) => Columns.Select((c, i) =>
                new LayoutCell(n * (gi + 1) + i, 1, 1, CellRole.ColumnHeader, c.Label, null))).ToArray(),
            rows.SelectMany((r, gi) => Columns.Select((_, i) =>
                new LayoutCell(n * gi + i, 1, 1, CellRole.Data, null, new CellRef(r.Key, i)))).ToArray(),
        };
        int total = n - 1;
        return new TableDef
        {
            Id = TableIds.Reviews,
            Name = "表四",
            SectionKey = SectionKeys.Reviews,
            GridColumns = 3 * n,
            ColumnWidths = Enumerable.Repeat(1.0 / (3 * n), 3 * n).ToArray(),
            HeaderRows = 3,
            Rows = rows,
            Layout = layout,
            Rules =
            [
                new Rule
                {
                    Code = "GROUP_TOTAL_MISMATCH",
                    Severity = Severity.Error,
                    LeftName = "总计",
                    RightName = "结果维持、结果纠正、其他结果、尚未审结之和",
                    Lanes = rows.Select(r => new Lane(r.Label, [new CellRef(r.Key, total)],
                        Enumerable.Range(0, total).Select(c => new CellRef(r.Key, c)).ToArray())).ToArray(),
                },
            ],
        };
    }
}
