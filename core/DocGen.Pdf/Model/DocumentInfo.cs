namespace DocGen.Pdf;

/// <summary>Document metadata, written to the Info dictionary and the XMP stream.</summary>
public sealed class DocumentInfo
{
    /// <summary>Title (also the window title: DisplayDocTitle is set).</summary>
    public string? Title { get; set; }
    /// <summary>Author, e.g. the agency.</summary>
    public string? Author { get; set; }
    /// <summary>Subject / description.</summary>
    public string? Subject { get; set; }
    /// <summary>Keywords.</summary>
    public string? Keywords { get; set; }
    /// <summary>Application that produced the content.</summary>
    public string? Creator { get; set; }
    /// <summary>PDF producer.</summary>
    public string Producer { get; set; } = "DocGen.Pdf";
    /// <summary>Creation date supplied by the caller (never the clock, so output is reproducible).</summary>
    public DateTimeOffset? CreationDate { get; set; }
    /// <summary>BCP 47 language of the document (catalog /Lang and dc:language).</summary>
    public string Language { get; set; } = "zh-CN";
}
