using System.Text;

namespace DocGen.Storage;

/// <summary>
/// What a stored file belongs to (agency, year, edition, report id), written beside it where the store can keep it:
/// on Azure as blob metadata and as blob index tags, so an Azure user finds a report's files with the portal,
/// the CLI or <c>Find Blobs by Tags</c>, without DocGen. The folder store keeps nothing extra (the manifest says it).
/// <para>Both kinds of label allow few characters, and agency names are Chinese:</para>
/// <list type="bullet">
/// <item>metadata values are HTTP header values, ASCII only: the agency is percent-encoded UTF-8 (RFC 3986, as
/// <see cref="Uri.EscapeDataString(string)"/>), e.g. <c>%E6%9F%90%E5%8E%BF</c>;</item>
/// <item>index tag values allow letters, digits, space and <c>+ - . / : = _</c> only, no <c>%</c>: the agency is
/// Base64 of its UTF-8 (the standard alphabet, whose <c>+ / =</c> are allowed), e.g. <c>printf %s 某县 | base64</c>.</item>
/// </list>
/// Year, edition and report id are ASCII already and written as they are.
/// </summary>
public sealed record BlobLabels(string Agency, int Year, string Edition, string ReportId)
{
    /// <summary>The label names, the same for metadata and index tags.</summary>
    public const string AgencyKey = "agency";
    /// <inheritdoc cref="AgencyKey"/>
    public const string YearKey = "year";
    /// <inheritdoc cref="AgencyKey"/>
    public const string EditionKey = "edition";
    /// <inheritdoc cref="AgencyKey"/>
    public const string ReportIdKey = "reportid";

    /// <summary>The prefix of a template id before its edition (<c>annual-report-2021</c>).</summary>
    private const string TemplatePrefix = "annual-report-";

    /// <summary>The labels of a report's file, its edition taken from the manifest's template id.</summary>
    public static BlobLabels Of(string agency, int year, string templateId, string reportId) =>
        new(agency, year, templateId.StartsWith(TemplatePrefix, StringComparison.Ordinal) ? templateId[TemplatePrefix.Length..] : templateId, reportId);

    /// <summary>The labels as blob metadata (the agency percent-encoded).</summary>
    public Dictionary<string, string> Metadata() => Labels(Uri.EscapeDataString(Agency));

    /// <summary>The labels as blob index tags (the agency in Base64).</summary>
    public Dictionary<string, string> Tags() => Labels(Convert.ToBase64String(Encoding.UTF8.GetBytes(Agency)));

    /// <summary>The agency name back from a metadata value.</summary>
    public static string AgencyFromMetadata(string value) => Uri.UnescapeDataString(value);

    /// <summary>The agency name back from an index tag value.</summary>
    public static string AgencyFromTag(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value));

    private Dictionary<string, string> Labels(string agency) => new(StringComparer.Ordinal)
    {
        [AgencyKey] = agency,
        [YearKey] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [EditionKey] = Edition,
        [ReportIdKey] = ReportId,
    };
}

/// <summary>A store that can hand out a short-lived link to read one blob directly (Azure: a SAS URL).</summary>
public interface IBlobLinks
{
    /// <summary>
    /// A link that reads <paramref name="path"/> until <paramref name="expiresOn"/>, saved by a browser as
    /// <paramref name="downloadName"/>; null when this store cannot sign one with its credential.
    /// </summary>
    Task<Uri?> ReadLinkAsync(string path, DateTimeOffset now, DateTimeOffset expiresOn, string downloadName, CancellationToken cancellationToken = default);
}
