namespace DocGen.Core.Editions;

/// <summary>How the values of a column are to be read and checked.</summary>
public enum ValueKind
{
    /// <summary>A non-negative whole number (件).</summary>
    Count,
    /// <summary>Money with at most two decimals; the unit is in the column label or in the cell.</summary>
    Money,
    /// <summary>A signed whole number (本年增/减).</summary>
    Change,
}

public sealed record ColumnDef(string Key, string Label, ValueKind Kind);

/// <summary>
/// A data row of a mandated table. <see cref="LabelPath"/> holds the labels from the outermost group to
/// the row itself (["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]); the last one is the row's own.
/// </summary>
public sealed record RowDef(string Key, IReadOnlyList<string> LabelPath, IReadOnlyList<ColumnDef> Columns)
{
    public string Label => LabelPath[^1];
    /// <summary>The label path joined for messages, e.g. "三、本年度办理结果（三）不予公开1.属于国家秘密".</summary>
    public string FullLabel => string.Concat(LabelPath);
}

public enum CellRole
{
    /// <summary>A caption row across the table ("第二十条第（一）项").</summary>
    Caption,
    ColumnHeader,
    RowLabel,
    Data,
}

/// <summary>A reference to one data cell: row key and index within that row's columns.</summary>
public readonly record struct CellRef(string RowKey, int Column);

/// <summary>
/// One cell of the drawn table grid. Cells covered by another cell's spans are not listed; writers derive
/// them (Word's vMerge continuation cells) from <see cref="Column"/>, <see cref="ColSpan"/> and <see cref="RowSpan"/>.
/// </summary>
public sealed record LayoutCell(int Column, int ColSpan, int RowSpan, CellRole Role, string? Text, CellRef? Data);

/// <summary>
/// One mandated table, defined once: its rows and columns (what the data is), its drawn grid with
/// merged cells (how it looks), and its arithmetic rules. Every reader and writer uses this.
/// </summary>
public sealed record TableDef
{
    public required string Id { get; init; }
    /// <summary>How messages name the table: "表二", "表三", "表四" after the section that holds it.</summary>
    public required string Name { get; init; }
    public required string SectionKey { get; init; }
    public required int GridColumns { get; init; }
    /// <summary>Relative widths of the grid columns, for writers.</summary>
    public required IReadOnlyList<double> ColumnWidths { get; init; }
    /// <summary>Leading layout rows that are the header, repeated on every page.</summary>
    public required int HeaderRows { get; init; }
    public required IReadOnlyList<RowDef> Rows { get; init; }
    public required IReadOnlyList<IReadOnlyList<LayoutCell>> Layout { get; init; }
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    public RowDef? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);

    public IEnumerable<CellRef> AllCells() =>
        Rows.SelectMany(r => Enumerable.Range(0, r.Columns.Count).Select(c => new CellRef(r.Key, c)));
}
