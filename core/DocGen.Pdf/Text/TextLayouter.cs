using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Text;

/// <summary>Lays out a paragraph for a width: shape, then break into lines.</summary>
internal sealed class TextLayouter(FontResolver fonts, LayoutDiagnostics diagnostics)
{
    private readonly Shaper _shaper = new(fonts, diagnostics);

    public ParagraphLayout Layout(ParagraphBlock p, double width)
    {
        var atoms = _shaper.Shape(p.Runs, p.LetterSpacing);
        double firstSize = p.Runs.Count > 0 ? p.Runs[0].Size : 12;
        var layout = new ParagraphLayout { Source = p };
        double inner = Math.Max(firstSize, width - p.LeftIndent - p.RightIndent);
        // The indent is in characters as set, letter spacing included: two grid cells, as Word's character units.
        double indent = p.FirstLineIndentChars * (firstSize + p.LetterSpacing);
        layout.Lines.AddRange(LineBreaker.Break(atoms, inner, indent, p.Align, p.LinePitch));
        foreach (var line in layout.Lines)
            if (line.Ragged) diagnostics.Ragged();
        return layout;
    }

    /// <summary>Shapes a single line of text (page numbers), without breaking.</summary>
    public TextLine SingleLine(string text, FontRole role, double size)
    {
        var atoms = _shaper.Shape([new TextRun(text, role, size)]);
        return LineBreaker.Break(atoms, double.MaxValue / 4, 0, TextAlign.Left, null)[0];
    }
}
