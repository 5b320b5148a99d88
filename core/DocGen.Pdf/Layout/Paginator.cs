using DocGen.Pdf.Fonts;
using DocGen.Pdf.Text;

namespace DocGen.Pdf.Layout;

/// <summary>
/// Flows blocks into pages: paragraphs split between lines, keep-with-next moves a heading to
/// the next page together with the start of what follows, tables go through <see cref="TableLayouter"/>.
/// </summary>
internal sealed class Paginator
{
    private const double Epsilon = 0.01;
    private readonly PageSetup _page;
    private readonly TextLayouter _text;
    private readonly TableLayouter _tables;
    private readonly LayoutDiagnostics _diagnostics;
    private readonly Dictionary<Block, object> _measured = new(ReferenceEqualityComparer.Instance);

    public Paginator(PageSetup page, FontResolver fonts, LayoutDiagnostics diagnostics)
    {
        _page = page;
        _diagnostics = diagnostics;
        _text = new TextLayouter(fonts, diagnostics);
        _tables = new TableLayouter(_text, diagnostics);
    }

    public List<PageContent> Pages { get; } = [];
    public List<OutlineMark> Outline { get; } = [];
    public TextLayouter Text => _text;
    /// <summary>Cursor: points below the top of the text block on the current page.</summary>
    internal double Y { get; set; }
    internal double Bottom => _page.TextHeight;
    internal double Left => _page.MarginLeft;
    internal double TopOf(double y) => _page.MarginTop + y;
    internal bool AtPageTop => Y <= Epsilon;
    internal PageContent Current => Pages[^1];

    internal void NewPage()
    {
        Pages.Add(new PageContent());
        UsedHeight.Add(0);
        Y = 0;
    }

    /// <summary>Per page: how far down the text block its content reaches.</summary>
    internal List<double> UsedHeight { get; } = [];

    /// <summary>A table row was placed at the cursor: the page no longer ends with a heading.</summary>
    internal void RowPlaced()
    {
        Current.EndsWithKeptLine = false;
        UsedHeight[Pages.Count - 1] = Y;
    }

    /// <summary>Notes the pieces a table was cut into: the pages of its body rows.</summary>
    internal void RecordTablePieces(int headerRows, IEnumerable<int> bodyRowPages)
    {
        var pages = bodyRowPages.ToList();
        foreach (var g in pages.GroupBy(p => p))
            Pages[g.Key].TablePieces.Add(new TablePiece(headerRows, g.Count(), pages.Count));
    }

    public IReadOnlyList<PageSummary> Summaries() =>
        Pages.Select((p, i) => new PageSummary(p.EndsWithKeptLine, p.TablePieces.ToList(), UsedHeight[i])).ToList();

    public void Run(IReadOnlyList<Block> blocks, CancellationToken cancel = default)
    {
        NewPage();
        for (int i = 0; i < blocks.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var block = blocks[i];
            if (block.KeepWithNext && !AtPageTop)
            {
                double need = KeepHeight(blocks, i, 0);
                if (Y + need > Bottom + Epsilon && need <= Bottom) NewPage();
            }
            switch (block)
            {
                case PageBreakBlock:
                    if (!(AtPageTop && Current.Lines.Count == 0 && Current.Rects.Count == 0)) NewPage();
                    break;
                case ParagraphBlock p:
                    PlaceParagraph((ParagraphLayout)Measure(p));
                    break;
                case TableBlock t:
                    _tables.Place((PreparedTable)Measure(t), this, cancel);
                    break;
            }
        }
    }

    private object Measure(Block b)
    {
        if (_measured.TryGetValue(b, out var m)) return m;
        m = b switch
        {
            ParagraphBlock p => _text.Layout(p, _page.TextWidth),
            TableBlock t => _tables.Prepare(t, _page.TextWidth, _page.TextHeight),
            _ => new object(),
        };
        _measured[b] = m;
        return m;
    }

    /// <summary>Height that must fit below the cursor for block i and the start of the blocks it keeps with.</summary>
    private double KeepHeight(IReadOnlyList<Block> blocks, int i, int depth)
    {
        if (i >= blocks.Count || depth > 20) return 0;
        var b = blocks[i];
        switch (b)
        {
            case ParagraphBlock p:
                var pl = (ParagraphLayout)Measure(p);
                // What widow/orphan control will keep together at the page foot: two lines, or the only one.
                if (!p.KeepWithNext) return p.SpaceBefore + pl.Lines.Take(p.WidowControl ? 2 : 1).Sum(l => l.Height);
                return p.SpaceBefore + pl.LinesHeight + p.SpaceAfter + KeepHeight(blocks, i + 1, depth + 1);
            case TableBlock t:
                return t.SpaceBefore + ((PreparedTable)Measure(t)).StartHeight;
            default:
                return 0;
        }
    }

    private void PlaceParagraph(ParagraphLayout layout)
    {
        var p = layout.Source;
        if (!AtPageTop) Y += p.SpaceBefore;
        int forcedBreak = -1;
        if (p.WidowControl && layout.Lines.Count >= 2 && !AtPageTop)
        {
            int fit = LinesThatFit(layout);
            int n = layout.Lines.Count;
            if (fit == 1) NewPage();                              // orphan: first line alone at the bottom
            else if (fit >= 3 && n - fit == 1) forcedBreak = fit - 1; // widow: last line alone at the top
        }
        bool firstLine = true;
        for (int i = 0; i < layout.Lines.Count; i++)
        {
            var line = layout.Lines[i];
            if ((Y + line.Height > Bottom + Epsilon || i == forcedBreak) && !AtPageTop) NewPage();
            if (firstLine && p.Outline is { } o) Outline.Add(new OutlineMark(o.Title, o.Level, Pages.Count - 1, TopOf(Y)));
            firstLine = false;
            Current.Lines.Add(new LineItem(line, Left + p.LeftIndent, TopOf(Y)));
            Current.EndsWithKeptLine = p.KeepWithNext;
            Y += line.Height;
            UsedHeight[Pages.Count - 1] = Y;
        }
        Y = Math.Min(Y + p.SpaceAfter, Bottom);
    }

    /// <summary>Lines of the paragraph that fit below the cursor (all of them if it does not reach the bottom).</summary>
    private int LinesThatFit(ParagraphLayout layout)
    {
        double y = Y;
        for (int i = 0; i < layout.Lines.Count; i++)
        {
            if (y + layout.Lines[i].Height > Bottom + Epsilon) return i;
            y += layout.Lines[i].Height;
        }
        return layout.Lines.Count;
    }
}
