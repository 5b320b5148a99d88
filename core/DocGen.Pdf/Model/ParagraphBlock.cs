using DocGen.Pdf.Fonts;

namespace DocGen.Pdf;

/// <summary>Horizontal alignment of a paragraph's lines.</summary>
public enum TextAlign
{
    /// <summary>Flush left.</summary>
    Left,
    /// <summary>Centred.</summary>
    Center,
    /// <summary>Flush right.</summary>
    Right,
    /// <summary>Both edges flush; the last line (and lines ended by '\n') flush left.</summary>
    Justify,
}

/// <summary>A run of text in one style. '\n' inside the text forces a line break.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Role">Font role (selects the font chain).</param>
/// <param name="Size">Font size in points.</param>
/// <param name="Bold">Bold: a real bold face of the same family if installed, else synthetic (fill + stroke).</param>
public sealed record TextRun(string Text, FontRole Role = FontRole.Body, double Size = 16, bool Bold = false);

/// <summary>A paragraph of styled runs.</summary>
public sealed class ParagraphBlock : Block
{
    /// <summary>The text, in order.</summary>
    public List<TextRun> Runs { get; } = [];
    /// <summary>Alignment; Justify by default, as in official documents.</summary>
    public TextAlign Align { get; set; } = TextAlign.Justify;
    /// <summary>First-line indent in characters of the first run's size plus the letter spacing (2 = two characters).</summary>
    public double FirstLineIndentChars { get; set; }
    /// <summary>Left indent of every line in points (in addition to the first-line indent).</summary>
    public double LeftIndent { get; set; }
    /// <summary>Right indent in points (GB/T 9704 signatures: right-aligned, four characters in).</summary>
    public double RightIndent { get; set; }
    /// <summary>Space above, in points (dropped at the top of a page).</summary>
    public double SpaceBefore { get; set; }
    /// <summary>Space below, in points.</summary>
    public double SpaceAfter { get; set; }
    /// <summary>Fixed distance between baselines in points (GB/T 9704 body: 28.95); null = 1.4 × the largest size.</summary>
    public double? LinePitch { get; set; }
    /// <summary>
    /// Extra space after every character in points (negative tightens). GB/T 9704's 28 characters
    /// of 16 pt in a 156 mm line need 156 mm / 28 − 16 pt ≈ −0.21 pt, as Word's character grid does;
    /// see <see cref="GridSpacing"/>.
    /// </summary>
    public double LetterSpacing { get; set; }
    /// <summary>
    /// Widow and orphan control, as Word's default: the first line of a paragraph is not left
    /// alone at a page bottom, nor its last line alone at the next page's top.
    /// </summary>
    public bool WidowControl { get; set; } = true;
    /// <summary>Bookmark for this paragraph, or null.</summary>
    public OutlineEntry? Outline { get; set; }

    /// <summary>A paragraph with one run.</summary>
    public static ParagraphBlock Of(string text, FontRole role = FontRole.Body, double size = 16, bool bold = false)
    {
        var p = new ParagraphBlock();
        p.Runs.Add(new TextRun(text, role, size, bold));
        return p;
    }

    /// <summary>Appends a run; returns this for chaining.</summary>
    public ParagraphBlock Add(string text, FontRole role = FontRole.Body, double size = 16, bool bold = false)
    {
        Runs.Add(new TextRun(text, role, size, bold));
        return this;
    }

    /// <summary>Sets alignment; returns this.</summary>
    public ParagraphBlock Aligned(TextAlign align) { Align = align; return this; }
    /// <summary>Sets the first-line indent in characters; returns this.</summary>
    public ParagraphBlock Indent(double chars) { FirstLineIndentChars = chars; return this; }
    /// <summary>Sets left and right indents in points; returns this.</summary>
    public ParagraphBlock Indents(double left, double right) { LeftIndent = left; RightIndent = right; return this; }
    /// <summary>Sets the fixed line pitch in points; returns this.</summary>
    public ParagraphBlock Pitch(double points) { LinePitch = points; return this; }
    /// <summary>Sets spacing before and after in points; returns this.</summary>
    public ParagraphBlock Spacing(double before, double after) { SpaceBefore = before; SpaceAfter = after; return this; }
    /// <summary>Sets letter spacing so that <paramref name="charsPerLine"/> characters of <paramref name="size"/> fill <paramref name="lineWidth"/>; returns this.</summary>
    public ParagraphBlock Grid(int charsPerLine, double lineWidth, double size)
    {
        LetterSpacing = GridSpacing(charsPerLine, lineWidth, size);
        return this;
    }

    /// <summary>The letter spacing that makes <paramref name="charsPerLine"/> full-width characters fill a line.</summary>
    public static double GridSpacing(int charsPerLine, double lineWidth, double size) => lineWidth / charsPerLine - size;

    /// <summary>Adds a bookmark; returns this.</summary>
    public ParagraphBlock Bookmark(string title, int level = 0) { Outline = new OutlineEntry(title, level); return this; }
    /// <summary>Keeps this paragraph on the same page as the next block; returns this.</summary>
    public ParagraphBlock KeepNext() { KeepWithNext = true; return this; }
}
