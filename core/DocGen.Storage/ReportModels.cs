namespace DocGen.Storage;

/// <summary>File names inside a report folder and a signed-version folder.</summary>
public static class ReportFileNames
{
    /// <summary>The report data as given (required).</summary>
    public const string Input = "input.json";
    /// <summary>The filled Word document (optional).</summary>
    public const string Docx = "report.docx";
    /// <summary>The rendered PDF (optional).</summary>
    public const string Pdf = "report.pdf";
    /// <summary>The validation issues (optional).</summary>
    public const string Validation = "validation.json";
    /// <summary>Written last; a report folder without it is incomplete and ignored.</summary>
    public const string Manifest = "manifest.json";
    /// <summary>A signed PDF in the archive.</summary>
    public const string Signed = "signed.pdf";
    /// <summary>Metadata of a signed PDF in the archive.</summary>
    public const string SignedMetadata = "signed.json";

    /// <summary>The files a report may hold, in manifest order.</summary>
    public static IReadOnlyList<string> ReportFiles { get; } = [Input, Docx, Pdf, Validation];
}

/// <summary>A report to save. Everything that ends up in the manifest is given by the caller, so output is deterministic.</summary>
public sealed record NewReport
{
    /// <summary>Agency name (机构名称); see <see cref="StorageNames.ValidateAgency"/>.</summary>
    public required string Agency { get; init; }
    /// <summary>Report year.</summary>
    public required int Year { get; init; }
    /// <summary>Report id (the service derives it from a hash of the input).</summary>
    public required string ReportId { get; init; }
    /// <summary>Bytes of <c>input.json</c> (required, not empty).</summary>
    public required byte[] InputJson { get; init; }
    /// <summary>Bytes of <c>report.docx</c>, if rendered.</summary>
    public byte[]? Docx { get; init; }
    /// <summary>Bytes of <c>report.pdf</c>, if rendered.</summary>
    public byte[]? Pdf { get; init; }
    /// <summary>Bytes of <c>validation.json</c>, if any.</summary>
    public byte[]? ValidationJson { get; init; }
    /// <summary>Template id used to render.</summary>
    public required string TemplateId { get; init; }
    /// <summary>DocGen version that rendered.</summary>
    public required string DocGenVersion { get; init; }
    /// <summary>Creation time recorded in the manifest (never read from the clock here).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One file listed in a manifest.</summary>
/// <param name="Name">File name in the report folder, e.g. <c>report.pdf</c>.</param>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hex.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ContentType">Content type.</param>
public sealed record ManifestFile(string Name, string Sha256, long Size, string ContentType);

/// <summary>The content of <c>manifest.json</c>: a complete, stored report.</summary>
/// <param name="Schema">Format marker, <see cref="CurrentSchema"/>.</param>
/// <param name="ReportId">Report id.</param>
/// <param name="Agency">Agency name (NFKC, as <see cref="StorageNames.ValidateAgency"/> returns it).</param>
/// <param name="Year">Report year.</param>
/// <param name="TemplateId">Template id given by the caller.</param>
/// <param name="DocGenVersion">DocGen version given by the caller.</param>
/// <param name="CreatedAt">Creation time given by the caller.</param>
/// <param name="Files">The stored files, in the order of <see cref="ReportFileNames.ReportFiles"/>.</param>
public sealed record ReportManifest(
    string Schema,
    string ReportId,
    string Agency,
    int Year,
    string TemplateId,
    string DocGenVersion,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The manifest format written by this version.</summary>
    public const string CurrentSchema = "docgen.report-manifest/1";

    /// <summary>The entry for <paramref name="name"/>, or null if the report has no such file.</summary>
    public ManifestFile? GetFile(string name) => Files.FirstOrDefault(f => f.Name == name);
}

/// <summary>A signed PDF kept in the archive.</summary>
/// <param name="ReportId">Report id.</param>
/// <param name="Agency">Agency name.</param>
/// <param name="Year">Report year.</param>
/// <param name="Version">1, 2, 3… in upload order.</param>
/// <param name="Sha256">SHA-256 of the PDF, lower-case hex.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="UploadedAt">Upload time given by the caller; null only if the metadata blob is missing
/// (an upload interrupted between the PDF and its metadata), in which case hash and size were computed from the PDF.</param>
/// <param name="Check">What the archive found in the file: signatures, coverage, whether its figures match the report (null when unknown).</param>
public sealed record SignedVersion(string ReportId, string Agency, int Year, int Version, string Sha256, long Size, DateTimeOffset? UploadedAt,
    SignedPdfCheck? Check = null);

/// <summary>Where a report id lives; the content of <c>ids/{reportId}.json</c>.</summary>
/// <param name="ReportId">Report id.</param>
/// <param name="Agency">Agency name.</param>
/// <param name="Year">Report year.</param>
public sealed record ReportLocation(string ReportId, string Agency, int Year);
