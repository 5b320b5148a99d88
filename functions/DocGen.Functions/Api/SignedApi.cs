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
        if (!LooksLikePdf(body)) return Problems.Of(422, StorageErrorCodes.NotPdf, "上传的文件不是PDF（应以%PDF-开头并以%%EOF结尾）");
        var version = await repo.ArchiveSignedAsync(id, body, clock.GetUtcNow(), ct);
        return Results.Created($"/api/reports/{id}/signed/{version.Version}", Describe(version));
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
        if (!int.TryParse(http.Route("version"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int version))
            return Problems.NotFound($"报告{id}的签章版本{http.Route("version")}");
        var (repo, ct) = (http.Service<ReportRepository>(), http.RequestAborted);
        var manifest = await ReportsApi.Find(id, http);
        if (manifest is null) return Problems.NotFound($"报告{id}");
        var stream = await repo.OpenSignedAsync(id, version, ct);
        return stream is null
            ? Problems.NotFound($"报告{id}的签章版本{version}")
            : Results.Stream(stream, "application/pdf", ReportsApi.DownloadName(manifest, $"（签章版{version}）.pdf"));
    }

    /// <summary>A PDF starts with %PDF- and ends with %%EOF (allowing trailing white space).</summary>
    internal static bool LooksLikePdf(byte[] body)
    {
        if (body.Length < 16 || !body.AsSpan().StartsWith("%PDF-"u8)) return false;
        var tail = body.AsSpan(Math.Max(0, body.Length - 1024));
        return tail.IndexOf("%%EOF"u8) >= 0;
    }

    private static object Describe(SignedVersion v) => new
    {
        version = v.Version,
        sha256 = v.Sha256,
        size = v.Size,
        uploadedAt = v.UploadedAt,
        link = $"/api/reports/{v.ReportId}/signed/{v.Version}",
    };
}
