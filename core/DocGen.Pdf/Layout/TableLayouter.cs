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
    public double HeaderHeight => RowHeights.Take(HeaderRows).Sum();
    public double Height(int start, int end) => RowHeights.Skip(start).Take(end - start + 1).Sum();
    /// <summary>Usable height of a page below the repeated header.</summary>
    public required double PageRoom { get; init; }
    /// <summary>A rowSpan group no taller than this moves whole: splitting it would save less than it costs the reader.</summary>
    public required double KeepWholeHeight { get; init; }
    /// <summary>Smallest number of body rows on either side of a break (no piece of a header and one row).</summary>
    public const int MinRowsPerPiece = 2;

    /// <summary>What must fit for the table to start on a page: the header and the smallest first piece the policy allows.</summary>
    public double StartHeight
    {
        get
        {
            int n = RowHeights.Length;
            for (int b = HeaderRows + 1; b < n; b++)
                if (Allowed(HeaderRows, b, strict: true)) return Math.Min(HeaderHeight + Height(HeaderRows, b - 1), HeaderHeight + PageRoom);
            return Math.Min(Height(0, n - 1), HeaderHeight + PageRoom);
        }
    }

    /// <summary>
    /// The row that starts the next piece when row <paramref name="overflowing"/> does not fit: the latest allowed
    /// boundary after <paramref name="pieceStart"/>, first under every rule, then without the minimum piece size;
    /// <paramref name="pieceStart"/> itself when no boundary is allowed.
    /// </summary>
    public int BreakBefore(int pieceStart, int overflowing)
    {
        foreach (bool strict in (bool[])[true, false])
            for (int b = overflowing; b > pieceStart; b--)
                if (Allowed(pieceStart, b, strict)) return b;
        return pieceStart;
    }

    /// <summary>
    /// May a page break fall before body row <paramref name="b"/>, in a piece that began at <paramref name="pieceStart"/>?
    /// Not after a row kept with the next, not inside a small rowSpan group, not before the label of a spanning cell
    /// that starts in this piece has room; strictly, also not leaving a piece of fewer than two rows on either side.
    /// </summary>
    public bool Allowed(int pieceStart, int b, bool strict)
    {
        int n = RowHeights.Length;
        if (Source.Rows[b - 1].KeepWithNext) return false;
        if (strict && (b - pieceStart < Math.Min(MinRowsPerPiece, n - pieceStart) || (n - b < MinRowsPerPiece && n - pieceStart > MinRowsPerPiece))) return false;
        foreach (var c in Cells)
        {
            if (c.Row >= b || c.LastRow < b) continue;
            if (Height(c.Row, c.LastRow) <= KeepWholeHeight) return false;
            if (c.Row >= pieceStart && Height(c.Row, b - 1) + Epsilon < c.ContentHeight + 2 * c.Source.PaddingY) return false;
        }
        return true;
    }

    private const double Epsilon = 0.01;
}

/// <summary>
/// Measures and paginates tables. Rows are never cut. One policy decides where a table may break
/// (<see cref="PreparedTable.Allowed"/>): a small rowSpan group moves whole, a large one splits where the
/// label of its spanning cell has room in the first part; later parts repeat the label when it fits, else
/// its short text. Every cell part is measured against its box; overflow goes to <see cref="LayoutDiagnostics"/>.
/// Header rows repeat on every page.
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

        // Header rows, extended over any span that starts in them.
        int header = Math.Min(t.HeaderRowCount, nRows);
        if (header > 0) header = GroupEnd(cells, 0, header - 1) + 1;
        return new PreparedTable
        {
            Source = t, X = Math.Max(0, (textWidth - width) / 2), Cells = cells, RowHeights = heights,
            HeaderRows = header, PageRoom = pageHeight - heights.Take(header).Sum(), KeepWholeHeight = t.KeepWholeGroupHeight ?? pageHeight / 4,
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

    public void Place(PreparedTable t, Paginator pg, CancellationToken cancel = default)
    {
        var tb = t.Source;
        if (!pg.AtPageTop) pg.Y += tb.SpaceBefore;
        if (pg.Y + t.StartHeight > pg.Bottom + Epsilon && !pg.AtPageTop) pg.NewPage();

        int n = t.RowHeights.Length;
        var rowPage = new int[n];
        var rowTop = new double[n];
        var headerTops = new List<(int Page, double Top)>();

        void Header()
        {
            if (t.HeaderRows == 0) return;
            headerTops.Add((pg.Pages.Count - 1, pg.TopOf(pg.Y)));
            pg.Y += t.HeaderHeight;
            pg.RowPlaced();
        }

        bool startedAtTop = pg.AtPageTop;
        Header();
        int pieceStart = t.HeaderRows;
        for (int r = t.HeaderRows; r < n;)
        {
            cancel.ThrowIfCancellationRequested();
            if (r == pieceStart || pg.Y + t.RowHeights[r] <= pg.Bottom + Epsilon)
            {
                if (t.RowHeights[r] > t.PageRoom + Epsilon)
                    diagnostics.Overflow($"表格第{r + 1}行高{t.RowHeights[r]:0.#}pt，超过一页，溢出版心");
                rowPage[r] = pg.Pages.Count - 1;
                rowTop[r] = pg.TopOf(pg.Y);
                pg.Y += t.RowHeights[r];
                pg.RowPlaced();
                r++;
                continue;
            }
            // Row r does not fit: the piece ends at the latest row boundary the policy allows.
            int b = t.BreakBefore(pieceStart, r);
            if (b == pieceStart)
            {
                if (pieceStart == t.HeaderRows && !startedAtTop)
                {
                    // Not even the smallest first piece fits below what precedes the table: start it on the next page.
                    if (headerTops.Count > 0) headerTops.RemoveAt(headerTops.Count - 1);
                    startedAtTop = true;
                }
                else b = r; // no boundary allowed: cut where the page ends (an overflowing label is reported)
            }
            pg.NewPage();
            Header();
            pieceStart = r = b;
        }
        pg.RecordTablePieces(t.HeaderRows, rowPage.Skip(t.HeaderRows));

        // Draw: header copies, then body cells part by part (one part per page a cell covers).
        foreach (var (page, top) in headerTops)
        {
            double y = top;
            var tops = new double[t.HeaderRows];
            for (int r = 0; r < t.HeaderRows; r++) { tops[r] = y; y += t.RowHeights[r]; }
            foreach (var c in t.Cells.Where(c => c.Row < t.HeaderRows))
                DrawCell(pg.Pages[page], t, c, c.Content, tops[c.Row], t.Height(c.Row, c.LastRow), pg.Left);
        }
        foreach (var c in t.Cells.Where(c => c.Row >= t.HeaderRows))
        {
            int r = c.Row;
            while (r <= c.LastRow)
            {
                int page = rowPage[r];
                int e = r;
                while (e + 1 <= c.LastRow && rowPage[e + 1] == page) e++;
                double height = t.Height(r, e);
                var content = r == c.Row ? c.Content : ContinuedContent(c, height);
                DrawCell(pg.Pages[page], t, c, content, rowTop[r], height, pg.Left);
                r = e + 1;
            }
        }
        pg.Y = Math.Min(pg.Y + tb.SpaceAfter, pg.Bottom);
    }

    /// <summary>
    /// What a continued part of a spanning cell shows: the full text when it fits the part, else the cell's
    /// short text (its numbering) when that fits, else nothing (the full text is on the first part).
    /// </summary>
    private List<ParagraphLayout> ContinuedContent(PreparedCell c, double height)
    {
        double room = height - 2 * c.Source.PaddingY + Epsilon;
        if (c.ContentHeight <= room) return c.Content;
        if (c.Source.ShortText is { Length: > 0 } shortText && c.Source.Paragraphs.Count > 0)
        {
            var src = c.Source.Paragraphs[0];
            var run = src.Runs.Count > 0 ? src.Runs[0] : new TextRun(shortText);
            var p = new ParagraphBlock { Align = src.Align, LinePitch = src.LinePitch, LetterSpacing = src.LetterSpacing };
            p.Runs.Add(run with { Text = shortText });
            var layout = text.Layout(p, Math.Max(1, c.Width - 2 * c.Source.PaddingX));
            if (layout.LinesHeight <= room) return [layout];
        }
        return [];
    }

    private void DrawCell(PageContent page, PreparedTable t, PreparedCell c, List<ParagraphLayout> content, double top, double height, double left)
    {
        double x = left + t.X + c.X;
        if (t.Source.BorderWidth > 0) page.Rects.Add(new RectItem(x, top, c.Width, height, t.Source.BorderWidth));
        double room = height - 2 * c.Source.PaddingY;
        double contentHeight = content.Sum(p => p.Source.SpaceBefore + p.LinesHeight + p.Source.SpaceAfter);
        if (contentHeight > room + Epsilon)
            diagnostics.Overflow($"表格第{c.Row + 1}行第{c.Col + 1}列的单元格：文字高{contentHeight:0.#}pt，单元格只容{room:0.#}pt，文字溢出单元格");
        double innerWidth = c.Width - 2 * c.Source.PaddingX;
        foreach (var p in content)
            foreach (var line in p.Lines)
                if (p.Source.LeftIndent + line.Width > innerWidth + Epsilon)
                    diagnostics.Overflow($"表格第{c.Row + 1}行第{c.Col + 1}列的单元格：一行文字宽{line.Width:0.#}pt，单元格只容{innerWidth:0.#}pt，文字溢出单元格");
        double slack = Math.Max(0, room - contentHeight);
        double y = top + c.Source.PaddingY + c.Source.VerticalAlign switch
        {
            VerticalAlign.Middle => slack / 2,
            VerticalAlign.Bottom => slack,
            _ => 0,
        };
        foreach (var p in content)
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
