using DocGen.Pdf.Fonts;

namespace DocGen.Pdf;

/// <summary>Vertical alignment of a cell's content.</summary>
public enum VerticalAlign
{
    /// <summary>At the top.</summary>
    Top,
    /// <summary>Centred.</summary>
    Middle,
    /// <summary>At the bottom.</summary>
    Bottom,
}

/// <summary>A column width: absolute points, or a share of what absolute columns leave.</summary>
/// <param name="Value">Points, or a weight.</param>
/// <param name="IsRelative">True when <paramref name="Value"/> is a weight.</param>
public readonly record struct ColumnWidth(double Value, bool IsRelative)
{
    /// <summary>A fixed width in points.</summary>
    public static ColumnWidth Points(double pt) => new(pt, false);
    /// <summary>A relative weight.</summary>
    public static ColumnWidth Relative(double weight) => new(weight, true);
}

/// <summary>
/// A table: columns, rows of cells with spans, repeated header rows. Rows are never cut across a
/// page break; a small rowSpan group moves whole, a large one splits where its label has room.
/// </summary>
public sealed class TableBlock : Block
{
    /// <summary>Column widths, left to right.</summary>
    public List<ColumnWidth> Columns { get; } = [];
    /// <summary>Rows, top to bottom, header rows first.</summary>
    public List<TableRow> Rows { get; } = [];
    /// <summary>Number of leading rows repeated at the top of each page the table continues on.</summary>
    public int HeaderRowCount { get; set; }
    /// <summary>Border line width in points (0 for none).</summary>
    public double BorderWidth { get; set; } = 0.5;
    /// <summary>Total width in points; null = the text block width.</summary>
    public double? Width { get; set; }
    /// <summary>
    /// A rowSpan group no taller than this moves to the next page whole; null for a quarter of the text block.
    /// 0 leaves the choice to <see cref="TableRow.KeepWithNext"/> (a caller that decides its keeps itself).
    /// </summary>
    public double? KeepWholeGroupHeight { get; set; }
    /// <summary>Space above the table in points.</summary>
    public double SpaceBefore { get; set; }
    /// <summary>Space below the table in points.</summary>
    public double SpaceAfter { get; set; }

    /// <summary>Adds a row of cells; returns this.</summary>
    public TableBlock AddRow(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Cells.AddRange(cells);
        Rows.Add(row);
        return this;
    }
}

/// <summary>A table row.</summary>
public sealed class TableRow
{
    /// <summary>Cells that start in this row, left to right; columns covered by spans from above are skipped.</summary>
    public List<TableCell> Cells { get; } = [];
    /// <summary>Minimum height in points.</summary>
    public double MinHeight { get; set; }
    /// <summary>Keep this row on the same page as the next one (captions and in-table header rows).</summary>
    public bool KeepWithNext { get; set; }
}

/// <summary>A cell: paragraphs, spans, padding and alignment.</summary>
public sealed class TableCell
{
    /// <summary>Content.</summary>
    public List<ParagraphBlock> Paragraphs { get; } = [];
    /// <summary>Number of columns covered.</summary>
    public int ColSpan { get; set; } = 1;
    /// <summary>Number of rows covered.</summary>
    public int RowSpan { get; set; } = 1;
    /// <summary>
    /// For a cell spanning rows: what a continued part on a later page shows when the full text does not fit it
    /// (e.g. the label's numbering "（三）"). The full text is always on the first part.
    /// </summary>
    public string? ShortText { get; set; }
    /// <summary>Vertical alignment of the content.</summary>
    public VerticalAlign VerticalAlign { get; set; } = VerticalAlign.Middle;
    /// <summary>Padding left and right in points.</summary>
    public double PaddingX { get; set; } = 4;
    /// <summary>Padding top and bottom in points.</summary>
    public double PaddingY { get; set; } = 3;

    /// <summary>A cell holding one single-line-pitch paragraph.</summary>
    public static TableCell Of(string text, FontRole role = FontRole.Table, double size = 12,
        TextAlign align = TextAlign.Center, bool bold = false, int colSpan = 1, int rowSpan = 1)
    {
        var c = new TableCell { ColSpan = colSpan, RowSpan = rowSpan };
        var p = ParagraphBlock.Of(text, role, size, bold);
        p.Align = align;
        c.Paragraphs.Add(p);
        return c;
    }
}
