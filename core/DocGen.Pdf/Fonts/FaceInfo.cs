namespace DocGen.Pdf;

/// <summary>One face of a font file, as described by its <c>name</c> table (no outlines loaded).</summary>
/// <param name="Path">Font file path.</param>
/// <param name="FaceIndex">Index of the face in a collection (.ttc); 0 for a single font.</param>
/// <param name="FamilyNames">Family names in every language (name ids 1 and 16), e.g. "仿宋" and "FangSong".</param>
/// <param name="FullNames">Full names in every language (name id 4), e.g. "Noto Serif CJK SC Bold".</param>
/// <param name="SubfamilyName">English subfamily (name id 17, else 2), e.g. "Regular".</param>
/// <param name="PostScriptName">PostScript name (name id 6), used as the PDF BaseFont.</param>
/// <param name="IsCff">True for OpenType with CFF outlines, false for TrueType (glyf) outlines.</param>
public sealed record FaceInfo(
    string Path,
    int FaceIndex,
    IReadOnlyList<string> FamilyNames,
    IReadOnlyList<string> FullNames,
    string SubfamilyName,
    string PostScriptName,
    bool IsCff)
{
    /// <summary>First English full name (or the first full name), for messages and the CLI.</summary>
    public string FullName => FullNames.Count > 0 ? FullNames[0] : PostScriptName;

    /// <inheritdoc/>
    public override string ToString() => $"{FullName} ({Path}#{FaceIndex})";
}
