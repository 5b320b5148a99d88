namespace DocGen.Core.Editions;

/// <summary>One term of a cross-year sum: a cell of this year's report or of last year's, added or subtracted.</summary>
public sealed record Term(CellRef Cell, int Sign = 1, bool PreviousYear = false);

/// <summary>One lane of a cross-year rule: the left terms must add up to the right terms.</summary>
public sealed record YearLane(string Label, IReadOnlyList<Term> Left, IReadOnlyList<Term> Right);

/// <summary>
/// A relationship between this year's report and last year's, e.g. this year's 上年结转 equals last
/// year's 结转下年度继续办理. Checked when the previous report is given; findings are warnings
/// because counting practice varies.
/// </summary>
public sealed record YearRule
{
    public required string Code { get; init; }
    public required string TableId { get; init; }
    public required string LeftName { get; init; }
    public required string RightName { get; init; }
    public required IReadOnlyList<YearLane> Lanes { get; init; }
}
