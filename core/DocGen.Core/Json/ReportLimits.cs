namespace DocGen.Core.Json;

/// <summary>
/// The largest report DocGen accepts, set by what a real report can be. The published reports run to
/// 13–44 blocks and 2,000–7,000 characters; the largest ever published is a few hundred pages, and a page
/// of GB/T 9704 holds 22 × 28 = 616 characters. The limits leave ten times that room and refuse, before
/// any rendering, the inputs that would only hold a core (100,000 one-line paragraphs, 10,000 subsections).
/// </summary>
public static class ReportLimits
{
    /// <summary>Code of a report above one of these limits (HTTP 413, CLI exit 2).</summary>
    public const string TooLargeCode = "REPORT_TOO_LARGE";
    /// <summary>Code of a file above <see cref="MaxBytes"/>.</summary>
    public const string DocumentTooLargeCode = "DOCUMENT_TOO_LARGE";

    /// <summary>Largest report JSON, bytes.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;
    /// <summary>Paragraphs, points and subsections in the whole report (the largest sample has 44).</summary>
    public const int MaxBlocks = 5_000;
    /// <summary>Characters of narrative in the whole report: about 800 pages.</summary>
    public const int MaxTextChars = 500_000;
    /// <summary>Characters in one paragraph or point: about 80 pages.</summary>
    public const int MaxBlockChars = 50_000;
    /// <summary>Subsections inside subsections.</summary>
    public const int MaxNesting = 8;

    /// <summary>Whether a reader's fault means "too large" rather than "malformed".</summary>
    public static bool IsTooLarge(string code) => code is TooLargeCode or DocumentTooLargeCode;
}
