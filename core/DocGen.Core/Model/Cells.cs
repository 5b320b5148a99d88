using System.Globalization;

namespace DocGen.Core.Model;

/// <summary>What a table cell holds, remembered so that it is published the way it was given.</summary>
public enum CellKind
{
    /// <summary>A whole number (a count).</summary>
    Integer,
    /// <summary>A number with decimals (money, 万元).</summary>
    Decimal,
    /// <summary>A signed change (本年增/减), may be negative.</summary>
    Change,
    /// <summary>Not applicable, published as "/".</summary>
    NotApplicable,
    /// <summary>Left empty in the published report (JSON null). Never compared as 0: rules with a blank cell are skipped, with a warning.</summary>
    Blank,
}

/// <summary>One table cell. <see cref="Unit"/> is set only where the report wrote a unit into the cell.</summary>
public readonly record struct CellValue(CellKind Kind, decimal Number, string? Unit = null)
{
    public static CellValue NotApplicable => new(CellKind.NotApplicable, 0);
    public static CellValue Blank => new(CellKind.Blank, 0);
    public static CellValue Integer(long n) => new(CellKind.Integer, n);

    public bool HasNumber => Kind is CellKind.Integer or CellKind.Decimal or CellKind.Change;

    /// <summary>The value used in sums: "/" counts as 0. Blank also gives 0 here; the validator skips a rule with a blank instead of using it.</summary>
    public decimal Arithmetic => HasNumber ? Number : 0m;

    /// <summary>The text as it is published: integers plainly, decimals with their own decimals, "/" for n/a.</summary>
    public string Display => Kind switch
    {
        CellKind.NotApplicable => "/",
        CellKind.Blank => "",
        _ => Number.ToString(CultureInfo.InvariantCulture) + (Unit ?? ""),
    };
}

/// <summary>The cells of one mandated table: row key → the row's cells in column order.</summary>
public sealed record TableData(IReadOnlyDictionary<string, IReadOnlyList<CellValue>> Rows)
{
    public CellValue? Get(string rowKey, int column) =>
        Rows.TryGetValue(rowKey, out var cells) && column < cells.Count ? cells[column] : null;
}
