using DocGen.Pdf.Text;

namespace DocGen.Pdf.Layout;

/// <summary>A laid-out line drawn with its left edge at <see cref="X"/> and its top at <see cref="Top"/> (points from the page's top-left).</summary>
internal readonly record struct LineItem(TextLine Line, double X, double Top);

/// <summary>A stroked rectangle (table cell border), top-left origin.</summary>
internal readonly record struct RectItem(double X, double Top, double Width, double Height, double LineWidth);

/// <summary>Everything drawn on one page, in drawing order.</summary>
internal sealed class PageContent
{
    public List<LineItem> Lines { get; } = [];
    public List<RectItem> Rects { get; } = [];
    /// <summary>The last thing placed on the page is a line of a paragraph kept with the next block (a heading).</summary>
    public bool EndsWithKeptLine { get; set; }
    /// <summary>The table pieces on the page.</summary>
    public List<TablePiece> TablePieces { get; } = [];
}

/// <summary>A bookmark target: page index and the top of the block on that page.</summary>
internal readonly record struct OutlineMark(string Title, int Level, int PageIndex, double Top);
