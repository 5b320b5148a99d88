namespace DocGen.Core.Import;

/// <summary>
/// Where a piece of the source came from: <see cref="Line"/> is its 1-based position in reading order
/// (a text line, or the ordinal of a paragraph or table row), <see cref="Where"/> how a person finds it in
/// the original ("第2个表格第5行", "表三!C7"); null for plain text, whose line number says it all.
/// </summary>
public readonly record struct SourcePlace(int Line, string? Where = null)
{
    /// <summary>The place as messages print it.</summary>
    public string Describe() => Where ?? (Line > 0 ? $"第{Line}行" : "全文");
}

/// <summary>One element of a neutral document: a paragraph or a table grid, in reading order.</summary>
public abstract record DocElement(SourcePlace Place);

/// <summary>
/// A paragraph of running text. <see cref="BoldLead"/> is the bold text it opens with, where the source
/// marks it (Word runs, HTML &lt;strong&gt;); readers of plain text leave it null.
/// </summary>
public sealed record DocParagraph(string Text, SourcePlace Place) : DocElement(Place)
{
    public string? BoldLead { get; init; }
}

/// <summary>
/// One position of a table grid. A cell that spans several positions sits at its top-left position with
/// its spans; each position it covers holds a <see cref="GridCell"/> with <see cref="Covered"/> set and no text.
/// <see cref="Text"/> is null for a cell left blank (an empty &lt;td&gt;, an empty Word or Excel cell, a lone "|"):
/// blank is never zero.
/// </summary>
public sealed record GridCell(string? Text, SourcePlace Place)
{
    public int ColSpan { get; init; } = 1;
    public int RowSpan { get; init; } = 1;
    /// <summary>This position is covered by the span of a cell above or to the left.</summary>
    public bool Covered { get; init; }

    public bool IsBlank => !Covered && string.IsNullOrWhiteSpace(Text);

    public static GridCell CoveredAt(SourcePlace place) => new(null, place) { Covered = true };
}

/// <summary>
/// A table with its spans resolved: every row has one <see cref="GridCell"/> per grid column it reaches
/// (rows may be shorter than the widest row when the source left them short).
/// </summary>
public sealed record DocGrid(IReadOnlyList<IReadOnlyList<GridCell>> Rows, SourcePlace Place) : DocElement(Place)
{
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);
}

/// <summary>
/// What a reader makes of one source, whatever its format: paragraphs and grids in reading order, plus
/// what the reader itself noticed (page chrome dropped, characters converted). The matcher
/// (<see cref="ReportMatcher"/>) maps it onto an edition; readers know formats, the matcher knows editions.
/// </summary>
public sealed record NeutralDocument(string Format, IReadOnlyList<DocElement> Elements)
{
    public IReadOnlyList<ImportIssue> ReaderIssues { get; init; } = [];
    public string? FileName { get; init; }
}
