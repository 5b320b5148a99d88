using DocGen.Pdf.Text;

namespace DocGen.Pdf.Layout;

/// <summary>A cell with its grid position and laid-out content.</summary>
internal sealed class PreparedCell
{
    public required TableCell Source { get; init; }
    public required int Row { get; init; }
    public required int Col { get; init; }
    public required int RowSpan { get; init; }
    public required int ColSpan { get; init; }
    public required double X { get; init; }
    public required double Width { get; init; }
    public required List<ParagraphLayout> Content { get; init; }
    public double ContentHeight => Content.Sum(p => p.Source.SpaceBefore + p.LinesHeight + p.Source.SpaceAfter);
    public int LastRow => Row + RowSpan - 1;
}

/// <summary>A table measured for a width: cells on the grid, row heights and unbreakable row groups.</summary>
internal sealed class PreparedTable
{
    public required TableBlock Source { get; init; }
    public required double X { get; init; }
    public required List<PreparedCell> Cells { get; init; }
    public required double[] RowHeights { get; init; }
    public required int HeaderRows { get; init; }
    /// <summary>Body row ranges [start, end] that a rowSpan ties together.</summary>
    public required List<(int Start, int End)> Groups { get; init; }
    public double HeaderHeight => RowHeights.Take(HeaderRows).Sum();
    public double Height(int start, int end) => RowHeights.Skip(start).Take(end - start + 1).Sum();
    /// <summary>Usable height of a page below the repeated header.</summary>
    public required double PageRoom { get; init; }
    /// <summary>What must fit for the table to start on a page: header and first group (or its first row if the group exceeds a page).</summary>
    public double StartHeight
    {
        get
        {
            if (Groups.Count == 0) return HeaderHeight;
            double g = Height(Groups[0].Start, Groups[0].End);
            return HeaderHeight + (g <= PageRoom ? g : RowHeights[Groups[0].Start]);
        }
    }
}

/// <summary>
/// Measures and paginates tables. Rows are never cut; a rowSpan group moves to the next page
/// whole if it fits on a page, else it is split between rows and each part of a spanning cell
/// is drawn with its own border and a copy of its text. Header rows repeat on every page.
/// </summary>
internal sealed class TableLayouter(TextLayouter text, LayoutDiagnostics diagnostics)
{
    private const double Epsilon = 0.01;

    public PreparedTable Prepare(TableBlock t, double textWidth, double pageHeight)
    {
        double width = t.Width ?? textWidth;
        double[] colW = ResolveColumns(t, width);
        double[] colX = new double[colW.Length + 1];
        for (int i = 0; i < colW.Length; i++) colX[i + 1] = colX[i] + colW[i];
        int nCols = colW.Length;
        int nRows = t.Rows.Count;

        // Place cells on the grid, skipping columns covered by rowSpans from above.
        var taken = new bool[nRows, nCols];
        var cells = new List<PreparedCell>();
        for (int r = 0; r < nRows; r++)
        {
            int c = 0;
            foreach (var cell in t.Rows[r].Cells)
            {
                while (c < nCols && taken[r, c]) c++;
                if (c >= nCols) throw new ArgumentException($"Table row {r} has more cells than columns ({nCols}).");
                int cs = Math.Clamp(cell.ColSpan, 1, nCols - c);
                int rs = Math.Clamp(cell.RowSpan, 1, nRows - r);
                for (int rr = r; rr < r + rs; rr++)
                    for (int cc = c; cc < c + cs; cc++) taken[rr, cc] = true;
                double w = colX[c + cs] - colX[c];
                var content = cell.Paragraphs.Select(p => text.Layout(p, Math.Max(1, w - 2 * cell.PaddingX))).ToList();
                cells.Add(new PreparedCell { Source = cell, Row = r, Col = c, RowSpan = rs, ColSpan = cs, X = colX[c], Width = w, Content = content });
                c += cs;
            }
        }

        // Row heights: single-row cells first, then spanning cells push their last row down.
        var heights = new double[nRows];
        for (int r = 0; r < nRows; r++) heights[r] = t.Rows[r].MinHeight;
        foreach (var cell in cells.Where(c => c.RowSpan == 1))
            heights[cell.Row] = Math.Max(heights[cell.Row], cell.ContentHeight + 2 * cell.Source.PaddingY);
        foreach (var cell in cells.Where(c => c.RowSpan > 1).OrderBy(c => c.RowSpan))
        {
            double need = cell.ContentHeight + 2 * cell.Source.PaddingY;
            double have = heights.Skip(cell.Row).Take(cell.RowSpan).Sum();
            if (need > have) heights[cell.LastRow] += need - have;
        }

        // Header rows (extended over any span that starts in them) and the body's row groups.
        int header = Math.Min(t.HeaderRowCount, nRows);
        if (header > 0) header = GroupEnd(cells, 0, header - 1) + 1;
        var groups = new List<(int, int)>();
        for (int r = header; r < nRows;)
        {
            int end = GroupEnd(cells, r, r);
            // A row marked keep-with-next (a caption or a block's header row) is tied to the row after it.
            while (end + 1 < nRows && t.Rows[end].KeepWithNext) end = GroupEnd(cells, r, end + 1);
            groups.Add((r, end));
            r = end + 1;
        }
        return new PreparedTable
        {
            Source = t, X = Math.Max(0, (textWidth - width) / 2), Cells = cells, RowHeights = heights,
            HeaderRows = header, Groups = groups, PageRoom = pageHeight - heights.Take(header).Sum(),
        };
    }

    /// <summary>Smallest end row such that no cell starting in [start, end] reaches below it.</summary>
    private static int GroupEnd(List<PreparedCell> cells, int start, int end)
    {
        bool grown = true;
        while (grown)
        {
            grown = false;
            foreach (var c in cells)
                if (c.Row >= start && c.Row <= end && c.LastRow > end) { end = c.LastRow; grown = true; }
        }
        return end;
    }

    private static double[] ResolveColumns(TableBlock t, double width)
    {
        if (t.Columns.Count == 0) throw new ArgumentException("A table needs at least one column.");
        double fixedSum = t.Columns.Where(c => !c.IsRelative).Sum(c => c.Value);
        double weights = t.Columns.Where(c => c.IsRelative).Sum(c => c.Value);
        double rest = Math.Max(0, width - fixedSum);
        return t.Columns.Select(c => c.IsRelative ? (weights > 0 ? rest * c.Value / weights : 0) : c.Value).ToArray();
    }

    public void Place(PreparedTable t, Paginator pg)
    {
        var tb = t.Source;
        if (!pg.AtPageTop) pg.Y += tb.SpaceBefore;
        if (pg.Y + t.StartHeight > pg.Bottom + Epsilon && !pg.AtPageTop) pg.NewPage();

        var rowPage = new int[t.RowHeights.Length];
        var rowTop = new double[t.RowHeights.Length];
        var headerTops = new List<(int Page, double Top)>();

        void Header()
        {
            if (t.HeaderRows == 0) return;
            headerTops.Add((pg.Pages.Count - 1, pg.TopOf(pg.Y)));
            pg.Y += t.HeaderHeight;
        }
        void PlaceRow(int r)
        {
            rowPage[r] = pg.Pages.Count - 1;
            rowTop[r] = pg.TopOf(pg.Y);
            pg.Y += t.RowHeights[r];
        }

        Header();
        double pageRoom = t.PageRoom;
        foreach (var (start, end) in t.Groups)
        {
            double h = t.Height(start, end);
            if (pg.Y + h > pg.Bottom + Epsilon && pg.Y > t.HeaderHeight + Epsilon && h <= pageRoom + Epsilon)
            {
                pg.NewPage();
                Header();
            }
            for (int r = start; r <= end; r++)
            {
                // Something besides a header sits above: the row may move to a fresh page.
                if (pg.Y + t.RowHeights[r] > pg.Bottom + Epsilon && pg.Y > t.HeaderHeight + Epsilon)
                {
                    pg.NewPage();
                    Header();
                }
                if (t.RowHeights[r] > pageRoom + Epsilon)
                    diagnostics.Warn($"Table row {r} is {t.RowHeights[r]:0.#} pt high, taller than a page: it overflows the text block.");
                PlaceRow(r);
            }
        }

        // Draw: header copies, then body cells part by part (one part per page a cell covers).
        foreach (var (page, top) in headerTops)
        {
            double y = top;
            var tops = new double[t.HeaderRows];
            for (int r = 0; r < t.HeaderRows; r++) { tops[r] = y; y += t.RowHeights[r]; }
            foreach (var c in t.Cells.Where(c => c.Row < t.HeaderRows))
                DrawCell(pg.Pages[page], t, c, tops[c.Row], t.Height(c.Row, c.LastRow), pg.Left);
        }
        foreach (var c in t.Cells.Where(c => c.Row >= t.HeaderRows))
        {
            int r = c.Row;
            while (r <= c.LastRow)
            {
                int page = rowPage[r];
                int e = r;
                while (e + 1 <= c.LastRow && rowPage[e + 1] == page) e++;
                DrawCell(pg.Pages[page], t, c, rowTop[r], t.Height(r, e), pg.Left);
                r = e + 1;
            }
        }
        pg.Y = Math.Min(pg.Y + tb.SpaceAfter, pg.Bottom);
    }

    private static void DrawCell(PageContent page, PreparedTable t, PreparedCell c, double top, double height, double left)
    {
        double x = left + t.X + c.X;
        if (t.Source.BorderWidth > 0) page.Rects.Add(new RectItem(x, top, c.Width, height, t.Source.BorderWidth));
        double room = height - 2 * c.Source.PaddingY;
        double slack = Math.Max(0, room - c.ContentHeight);
        double y = top + c.Source.PaddingY + c.Source.VerticalAlign switch
        {
            VerticalAlign.Middle => slack / 2,
            VerticalAlign.Bottom => slack,
            _ => 0,
        };
        foreach (var p in c.Content)
        {
            y += p.Source.SpaceBefore;
            foreach (var line in p.Lines)
            {
                page.Lines.Add(new LineItem(line, x + c.Source.PaddingX + p.Source.LeftIndent, y));
                y += line.Height;
            }
            y += p.Source.SpaceAfter;
        }
    }
}
