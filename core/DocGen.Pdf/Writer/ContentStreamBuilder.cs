using System.Text;
using DocGen.Pdf.Layout;
using DocGen.Pdf.Text;
using static DocGen.Pdf.Writer.PdfSyntax;

namespace DocGen.Pdf.Writer;

/// <summary>
/// Writes a page's content stream. Text is drawn with TJ arrays whose adjustments put each glyph
/// exactly where layout put it (justification, shaping offsets), so viewers need not re-measure.
/// </summary>
internal sealed class ContentStreamBuilder(double pageHeight, FontRegistry fonts)
{
    private readonly StringBuilder _sb = new();
    private readonly StringBuilder _tj = new();
    public HashSet<FontUsage> UsedFonts { get; } = [];

    /// <summary>
    /// Registers the glyphs and fonts the page draws, in drawing order, without writing anything: the first
    /// pass, which must see exactly what <see cref="Build"/> will draw.
    /// </summary>
    public void Collect(PageContent page)
    {
        foreach (var item in page.Lines)
            foreach (var (atom, _) in item.Line.Atoms)
            {
                var usage = fonts.For(atom.Face);
                UsedFonts.Add(usage);
                for (int g = 0; g < atom.Glyphs.Length; g++) usage.Use(atom.Glyphs[g].GlyphId, g == 0 ? atom.Text : "");
            }
    }

    public byte[] Build(PageContent page)
    {
        _sb.Clear();
        if (page.Rects.Count > 0)
        {
            _sb.Append("q 0 G 0 J 0 j\n");
            double current = -1;
            foreach (var r in page.Rects)
            {
                if (r.LineWidth != current) { AppendNum(_sb, r.LineWidth); _sb.Append(" w\n"); current = r.LineWidth; }
                AppendNum(_sb, r.X); _sb.Append(' ');
                AppendNum(_sb, pageHeight - r.Top - r.Height); _sb.Append(' ');
                AppendNum(_sb, r.Width); _sb.Append(' ');
                AppendNum(_sb, r.Height); _sb.Append(" re S\n");
            }
            _sb.Append("Q\n");
        }
        foreach (var item in page.Lines) Line(item);
        return AsciiBytes(_sb);
    }

    public void Line(LineItem item)
    {
        var atoms = item.Line.Atoms;
        double baseline = pageHeight - (item.Top + item.Line.Baseline);
        int i = 0;
        while (i < atoms.Count)
        {
            // A stretch of atoms drawn with one font, size and bold mode goes into one TJ.
            var first = atoms[i].Atom;
            int end = i;
            while (end < atoms.Count && atoms[end].Atom.Face == first.Face && atoms[end].Atom.Size == first.Size
                   && atoms[end].Atom.SyntheticBold == first.SyntheticBold) end++;
            Run(atoms, i, end, item.X, baseline);
            i = end;
        }
    }

    private void Run(List<PlacedAtom> atoms, int start, int end, double lineX, double baseline)
    {
        var a0 = atoms[start].Atom;
        var usage = fonts.For(a0.Face);
        UsedFonts.Add(usage);
        double size = a0.Size;
        var tj = _tj.Clear();
        double pen = double.NaN;
        double startX = 0;
        bool open = false;
        for (int k = start; k < end; k++)
        {
            var (atom, ax) = atoms[k];
            double x = lineX + ax;
            for (int g = 0; g < atom.Glyphs.Length; g++)
            {
                var glyph = atom.Glyphs[g];
                double w = usage.Use(glyph.GlyphId, g == 0 ? atom.Text : "");
                double desired = x + glyph.XOffset;
                if (double.IsNaN(pen)) startX = desired;
                else
                {
                    double adj = (pen - desired) * 1000 / size;
                    if (Math.Abs(adj) >= 0.001)
                    {
                        if (open) { tj.Append('>'); open = false; }
                        AppendNum(tj, adj);
                    }
                }
                if (!open) { tj.Append('<'); open = true; }
                PdfNumber.AppendHex4(tj, usage.Code(glyph.GlyphId));
                pen = desired + w * size / 1000;
                x += glyph.Advance;
            }
        }
        if (open) tj.Append('>');
        if (tj.Length == 0) return;
        _sb.Append("BT /").Append(usage.ResourceName).Append(' ');
        AppendNum(_sb, size);
        _sb.Append(" Tf ");
        if (a0.SyntheticBold)
        {
            _sb.Append("2 Tr ");
            AppendNum(_sb, size * 0.03);
            _sb.Append(" w 0 G ");
        }
        _sb.Append("1 0 0 1 ");
        AppendNum(_sb, startX);
        _sb.Append(' ');
        AppendNum(_sb, baseline);
        _sb.Append(" Tm [").Append(tj).Append("] TJ");
        if (a0.SyntheticBold) _sb.Append(" 0 Tr");
        _sb.Append(" ET\n");
    }

    /// <summary>The builder's characters as bytes, without an intermediate string (content streams are ASCII).</summary>
    private static byte[] AsciiBytes(StringBuilder sb)
    {
        var bytes = new byte[sb.Length];
        int at = 0;
        foreach (var chunk in sb.GetChunks()) at += Encoding.ASCII.GetBytes(chunk.Span, bytes.AsSpan(at));
        return bytes;
    }
}
