using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Text;

/// <summary>One glyph to draw: face, glyph id, advance and offsets in points.</summary>
internal readonly record struct ShapedGlyph(uint GlyphId, double Advance, double XOffset, double YOffset);

/// <summary>
/// The smallest unit the line breaker moves: one shaping cluster (usually one character) in one
/// face and size. Carries the source text so the PDF's ToUnicode map gives back exact characters.
/// </summary>
internal sealed class Atom
{
    public required LoadedFace Face { get; init; }
    public required double Size { get; init; }
    public required bool SyntheticBold { get; init; }
    public required string Text { get; init; }
    /// <summary>The glyphs; <see cref="Width"/> is summed as they are set, so an atom never changes once made (documents share atoms, <see cref="ShapedSegments"/>).</summary>
    public required ShapedGlyph[] Glyphs
    {
        get => _glyphs;
        init
        {
            _glyphs = value;
            Width = value.Sum(g => g.Advance);
        }
    }
    private readonly ShapedGlyph[] _glyphs = [];
    public required int FirstChar { get; init; }
    public required int LastChar { get; init; }
    public bool IsSpace { get; init; }
    /// <summary>A '\n' in the source: end the line here (the atom itself draws nothing).</summary>
    public bool ForcedBreak { get; init; }
    public double Width { get; private init; }
}

/// <summary>An atom placed on a line, at <see cref="X"/> points from the line's left edge.</summary>
internal readonly record struct PlacedAtom(Atom Atom, double X);

/// <summary>A laid-out line.</summary>
internal sealed class TextLine
{
    public List<PlacedAtom> Atoms { get; } = [];
    /// <summary>Largest font size on the line, for the baseline position.</summary>
    public double MaxSize { get; set; }
    /// <summary>Width used, including justification.</summary>
    public double Width { get; set; }
    /// <summary>Distance from the line's top to its baseline.</summary>
    public double Baseline { get; set; }
    /// <summary>Line height (the pitch).</summary>
    public double Height { get; set; }
    /// <summary>Justifying would have stretched the gaps past <see cref="LineBreaker.MaxStretchEm"/>: set ragged.</summary>
    public bool Ragged { get; set; }
}

/// <summary>A paragraph broken into lines for a given width.</summary>
internal sealed class ParagraphLayout
{
    public required ParagraphBlock Source { get; init; }
    public List<TextLine> Lines { get; } = [];
    public double LinesHeight => Lines.Sum(l => l.Height);
}
