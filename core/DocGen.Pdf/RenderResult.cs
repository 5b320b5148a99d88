using DocGen.Pdf.Fonts;
using DocGen.Pdf.Writer;

namespace DocGen.Pdf;

/// <summary>What a render produced: page count, which font served each role, embedded subsets, layout notes.</summary>
public sealed class RenderResult
{
    /// <summary>Number of pages written.</summary>
    public required int PageCount { get; init; }
    /// <summary>The face (file path, face index and names) that served each role as its first choice.</summary>
    public required IReadOnlyDictionary<FontRole, FaceInfo> FontsByRole { get; init; }
    /// <summary>Fonts embedded in the file, in resource order.</summary>
    public required IReadOnlyList<EmbeddedFont> EmbeddedFonts { get; init; }
    /// <summary>Characters no face could draw (left out), characters drawn by a fallback face, warnings.</summary>
    public required LayoutDiagnostics Diagnostics { get; init; }
    /// <summary>What each page holds, for checks of the page breaks.</summary>
    public required IReadOnlyList<PageSummary> Pages { get; init; }
    /// <summary>Bytes written to the output stream.</summary>
    public required long ByteCount { get; init; }
}

/// <summary>What was embedded for one face (for reports and tests).</summary>
/// <param name="Face">The face.</param>
/// <param name="BaseFont">PDF font name, with its subset tag (e.g. "ABCDEF+NotoSerifCJKsc-Regular").</param>
/// <param name="GlyphCount">Distinct glyphs drawn.</param>
/// <param name="SubsetBytes">Size of the subset font program before compression.</param>
public sealed record EmbeddedFont(FaceInfo Face, string BaseFont, int GlyphCount, int SubsetBytes);
