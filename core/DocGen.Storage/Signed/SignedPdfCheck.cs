namespace DocGen.Storage;

/// <summary>How far the signatures of an uploaded PDF vouch for it.</summary>
public enum SignatureCoverage
{
    /// <summary>No signature field with a signature.</summary>
    Unsigned,
    /// <summary>Every signature verifies and the last one covers the whole file.</summary>
    WholeFile,
    /// <summary>The signatures verify, but bytes were appended after the last one (an unsigned incremental update).</summary>
    Partial,
}

/// <summary>One /Sig field's signature, verified as CMS over the bytes its /ByteRange names.</summary>
/// <param name="Field">The field's name (/T), if it has one.</param>
/// <param name="Signer">Subject of the signing certificate.</param>
/// <param name="SigningTime">The CMS signing-time attribute, else the dictionary's /M.</param>
/// <param name="CoversWholeFile">Whether the byte range ends at the end of the file.</param>
/// <param name="SignedBytes">How many bytes the signature covers.</param>
public sealed record PdfSignature(string? Field, string? Signer, DateTimeOffset? SigningTime, bool CoversWholeFile, long SignedBytes);

/// <summary>
/// What the archive recorded about a signed upload: its signatures, how much of the file they cover, and whether
/// its text carries the same figures as the report's generated PDF (null when the report has no PDF). The signing
/// certificates' trust chain is not judged here: that is the agency's and the reader's business.
/// </summary>
public sealed record SignedPdfCheck(SignatureCoverage Coverage, IReadOnlyList<PdfSignature> Signatures, int Pages, bool? TextMatchesReport)
{
    /// <summary>Equal when every field is, the signatures compared one by one.</summary>
    public bool Equals(SignedPdfCheck? other) =>
        other is not null && Coverage == other.Coverage && Pages == other.Pages && TextMatchesReport == other.TextMatchesReport
        && Signatures.SequenceEqual(other.Signatures);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Coverage, Pages, TextMatchesReport, Signatures.Count);
}
