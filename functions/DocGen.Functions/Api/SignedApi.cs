using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>The signed archive: upload a signed PDF as the next version, list versions, download one. Nothing is ever replaced or deleted.</summary>
public static class SignedApi
{
    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.UploadSigned, "POST", ApiPaths.Signed, Access.Key, Upload, "归档签章后的PDF，作为下一个版本"),
        new(Operations.ListSigned, "GET", ApiPaths.Signed, Access.Key, List, "列出已归档的签章版本"),
        new(Operations.GetSigned, "GET", ApiPaths.SignedVersion, Access.Key, Download, "下载一个签章版本") { Head = true },
    ];

    private static async Task<IResult> Upload(HttpContext http)
    {
        string id = http.Route("id");
        var (repo, limits, clock, ct) = (http.Service<ReportRepository>(), http.Service<Limits>(), http.Service<TimeProvider>(), http.RequestAborted);
        if (!RequestBody.IsPdf(http.Request)) return RequestBody.WrongType("application/pdf");
        var manifest = await ReportsApi.Find(id, http);
        if (manifest is null) return Problems.NotFound($"报告{id}");
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxSignedBytes, ct);
        if (body is null) return RequestBody.TooLarge(limits.MaxSignedBytes);
        try
        {
            var version = await repo.ArchiveSignedAsync(id, body, clock.GetUtcNow(), ct);
            return Results.Created($"/api/reports/{id}/signed/{version.Version}", Describe(version));
        }
        catch (StorageException e) when (SignedPdfInspector.IsRefusal(e.Code))
        {
            return Problems.Of(422, e.Code, e.Message);
        }
    }

    private static async Task<IResult> List(HttpContext http)
    {
        string id = http.Route("id");
        var (repo, ct) = (http.Service<ReportRepository>(), http.RequestAborted);
        if (await ReportsApi.Find(id, http) is null) return Problems.NotFound($"报告{id}");
        var versions = await repo.ListSignedVersionsAsync(id, ct);
        return Results.Ok(new { id, versions = versions.Select(Describe) });
    }

    private static async Task<IResult> Download(HttpContext http)
    {
        string id = http.Route("id");
        string version = http.Route("version");
        var (repo, ct) = (http.Service<ReportRepository>(), http.RequestAborted);
        var manifest = await ReportsApi.Find(id, http);
        if (manifest is null) return Problems.NotFound($"报告{id}");
        // Only the canonical spelling: "01", "+1" or " 1" must not alias version 1.
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number)
            || number < 1 || version != number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return Problems.NotFound($"报告{id}的签章版本{version}");
        var signed = await repo.GetSignedVersionAsync(id, number, ct);
        if (signed is null) return Problems.NotFound($"报告{id}的签章版本{version}");
        string name = ReportsApi.DownloadName(manifest, $"（签章版{version}）.pdf");
        if (ReportsApi.LinkLifetime(http) is { } lifetime && !FileDownload.CallerHas(http, signed.Sha256)
            && await repo.ReadSignedLinkAsync(manifest, number, http.Service<TimeProvider>().GetUtcNow(), lifetime, name, ct) is { } link)
            return ReportsApi.RedirectTo(http, link);
        var stream = await repo.OpenSignedAsync(id, number, ct);
        return stream is null
            ? Problems.NotFound($"报告{id}的签章版本{version}")
            : FileDownload.Stream(http, stream, ContentTypes.Pdf, name, signed.Sha256, signed.Size);
    }

    private static object Describe(SignedVersion v) => new
    {
        version = v.Version,
        sha256 = v.Sha256,
        size = v.Size,
        uploadedAt = v.UploadedAt,
        signatures = v.Check is null ? null : new
        {
            coverage = v.Check.Coverage switch
            {
                SignatureCoverage.WholeFile => "wholeFile",
                SignatureCoverage.Partial => "partial",
                _ => "unsigned",
            },
            pages = v.Check.Pages,
            textMatchesReport = v.Check.TextMatchesReport,
            signers = v.Check.Signatures.Select(s => new { field = s.Field, signer = s.Signer, signingTime = s.SigningTime, coversWholeFile = s.CoversWholeFile }),
        },
        link = $"/api/reports/{v.ReportId}/signed/{v.Version}",
    };
}
