namespace DocGen.Pdf;

/// <summary>What layout put on one page, for checks of the page breaks (headings, table pieces).</summary>
/// <param name="EndsWithKeptLine">The page's last line belongs to a paragraph marked keep-with-next (a heading left at the foot).</param>
/// <param name="TablePieces">The pieces of tables on the page, top to bottom.</param>
/// <param name="UsedHeight">Points of the text block's height filled, from its top to the last line or row.</param>
public sealed record PageSummary(bool EndsWithKeptLine, IReadOnlyList<TablePiece> TablePieces, double UsedHeight);

/// <summary>One page's part of a table.</summary>
/// <param name="HeaderRows">Header rows drawn on the page (repeated on a continuation).</param>
/// <param name="BodyRows">Body rows on the page.</param>
/// <param name="RowCount">Body rows of the whole table.</param>
public sealed record TablePiece(int HeaderRows, int BodyRows, int RowCount);
