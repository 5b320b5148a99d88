namespace DocGen.Core.Editions;

public enum Severity { Error, Warning }

/// <summary>
/// One lane of an arithmetic rule: a row or a column in which the sum of <see cref="Left"/> must
/// equal (or, for <see cref="Comparison.AtLeast"/>, be at least) the sum of <see cref="Right"/>.
/// </summary>
public sealed record Lane(string Label, IReadOnlyList<CellRef> Left, IReadOnlyList<CellRef> Right)
{
    /// <summary>How messages name a row: “一、本年新收政府信息公开申请数量”行.</summary>
    public static string RowName(RowDef row) => $"“{row.Label}”行";
}

public enum Comparison { Equal, AtLeast }

/// <summary>
/// An arithmetic relationship of a table, as data. The validator evaluates every lane and phrases a
/// finding as "{table} {lane}：{left}为x，{right}为y，…".
/// </summary>
public sealed record Rule
{
    /// <summary>Stable English code of the finding.</summary>
    public required string Code { get; init; }
    public required Severity Severity { get; init; }
    public Comparison Comparison { get; init; } = Comparison.Equal;
    /// <summary>How the left side is named in messages, e.g. "一加二之和".</summary>
    public required string LeftName { get; init; }
    public required string RightName { get; init; }
    public required IReadOnlyList<Lane> Lanes { get; init; }
}
