namespace DocGen.Pdf.Text;

/// <summary>
/// Greedy line breaking over atoms with <see cref="BreakRules"/>, then alignment: justified lines
/// spread their slack over the gaps between characters (not inside Latin words, when other gaps
/// exist); the last line of a paragraph and lines ended by '\n' are not stretched.
/// </summary>
internal static class LineBreaker
{
    private const double Epsilon = 0.01;
    /// <summary>The most a justified line may add between two characters, in ems of its largest size.</summary>
    public const double MaxStretchEm = 0.25;

    public static List<TextLine> Break(IReadOnlyList<Atom> atoms, double width, double firstIndent, TextAlign align, double? pitch)
    {
        var lines = new List<TextLine>();
        int n = atoms.Count;
        int start = 0;
        bool first = true;
        double fallbackSize = atoms.Count > 0 ? atoms[0].Size : 12;
        while (start < n || first)
        {
            double indent = first ? firstIndent : 0;
            double avail = width - indent;
            int end;          // exclusive end of this line's atoms
            int next;         // first atom of the next line
            bool forced = false;
            double w = 0;
            int lastBreak = -1;
            int i = start;
            for (; i < n; i++)
            {
                var a = atoms[i];
                if (a.ForcedBreak) { forced = true; break; }
                if (w + a.Width > avail + Epsilon && i > start && !a.IsSpace)
                    break;
                w += a.Width;
                if (i + 1 < n && !atoms[i + 1].ForcedBreak && CanBreak(atoms[i], atoms[i + 1])) lastBreak = i;
            }
            if (forced) { end = i; next = i + 1; }
            else if (i >= n) { end = n; next = n; }
            else if (lastBreak >= start) { end = lastBreak + 1; next = end; }
            else
            {
                // One unbreakable stretch wider than the line: cut it, still not before closing or after opening punctuation.
                int cut = i;
                while (cut > start + 1 && (BreakRules.IsClosing(atoms[cut].FirstChar) || BreakRules.IsOpening(atoms[cut - 1].LastChar))) cut--;
                end = next = cut;
            }
            bool last = forced || next >= n;
            lines.Add(Place(atoms, start, end, indent, avail, align, last, pitch, fallbackSize));
            // Breakable spaces do not start a line.
            while (next < n && atoms[next].IsSpace) next++;
            start = next;
            first = false;
            if (start >= n && !forced) break;
        }
        return lines;
    }

    private static bool CanBreak(Atom left, Atom right) =>
        BreakRules.CanBreakBetween(left.LastChar, right.FirstChar);

    private static TextLine Place(IReadOnlyList<Atom> atoms, int start, int end, double indent, double avail,
        TextAlign align, bool last, double? pitch, double fallbackSize)
    {
        // Trailing spaces hang: they are not drawn and do not count.
        int visibleEnd = end;
        while (visibleEnd > start && atoms[visibleEnd - 1].IsSpace) visibleEnd--;
        double natural = 0;
        for (int k = start; k < visibleEnd; k++) natural += atoms[k].Width;

        double x = indent;
        double extraPerGap = 0;
        bool ragged = false;
        var eligible = new bool[Math.Max(0, visibleEnd - start)];
        if (align == TextAlign.Justify && !last && visibleEnd - start > 1 && avail > natural)
        {
            int count = 0;
            for (int k = start; k < visibleEnd - 1; k++)
                if (eligible[k - start] = !(BreakRules.IsWordChar(atoms[k].LastChar) && BreakRules.IsWordChar(atoms[k + 1].FirstChar)))
                    count++;
            if (count == 0) { Array.Fill(eligible, true); count = visibleEnd - start - 1; }
            extraPerGap = (avail - natural) / count;
            double size = 0;
            for (int k = start; k < visibleEnd; k++) size = Math.Max(size, atoms[k].Size);
            // Gaps wider than the limit read as holes: the line is set ragged instead, and layout says so.
            if (extraPerGap > MaxStretchEm * size)
            {
                extraPerGap = 0;
                ragged = true;
            }
        }
        else if (align == TextAlign.Center) x += (avail - natural) / 2;
        else if (align == TextAlign.Right) x += avail - natural;

        var line = new TextLine();
        double maxSize = 0;
        for (int k = start; k < visibleEnd; k++)
        {
            line.Atoms.Add(new PlacedAtom(atoms[k], x));
            x += atoms[k].Width;
            if (extraPerGap > 0 && k < visibleEnd - 1 && eligible[k - start]) x += extraPerGap;
            maxSize = Math.Max(maxSize, atoms[k].Size);
        }
        if (maxSize == 0) maxSize = start < atoms.Count ? atoms[start].Size : fallbackSize;
        line.MaxSize = maxSize;
        line.Width = x;
        line.Height = pitch ?? maxSize * 1.4;
        line.Ragged = ragged;
        // Centre the ideographic em box (ascent 0.88 em, descent 0.12 em) in the line pitch.
        line.Baseline = (line.Height - maxSize) / 2 + maxSize * 0.88;
        return line;
    }
}
