using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>The signed archive: upload a signed PDF as the next version, list versions, download one. Nothing is ever replaced or deleted.</summary>
public static class SignedApi
{
    public static void Map(WebApplication app)
    {
        var signed = app.MapGroup("/api/reports/{id}/signed").RequireApiKey();
        signed.MapPost("/", Upload).WithName("UploadSigned").WithSummary("归档签章后的PDF，作为下一个版本");
        signed.MapGet("/", List).WithName("ListSigned");
        signed.MapGet("/{version:int}", Download).WithName("GetSigned");
    }

    private static async Task<IResult> Upload(string id, HttpContext http, ReportRepository repo, Limits limits, TimeProvider clock, CancellationToken ct)
    {
        if (!RequestBody.IsPdf(http.Request)) return RequestBody.WrongType("application/pdf");
        var manifest = await ReportsApi.Find(id, http, repo, ct);
        if (manifest is null) return Problems.NotFound($"报告{id}");
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxSignedBytes, ct);
        if (body is null) return RequestBody.TooLarge(limits.MaxSignedBytes);
        if (!LooksLikePdf(body)) return Problems.Of(422, StorageErrorCodes.NotPdf, "上传的文件不是PDF（应以%PDF-开头并以%%EOF结尾）");
        var version = await repo.ArchiveSignedAsync(id, body, clock.GetUtcNow(), ct);
        return Results.Created($"/api/reports/{id}/signed/{version.Version}", Describe(version));
    }

    private static async Task<IResult> List(string id, HttpContext http, ReportRepository repo, CancellationToken ct)
    {
        if (await ReportsApi.Find(id, http, repo, ct) is null) return Problems.NotFound($"报告{id}");
        var versions = await repo.ListSignedVersionsAsync(id, ct);
        return Results.Ok(new { id, versions = versions.Select(Describe) });
    }

    private static async Task<IResult> Download(string id, int version, HttpContext http, ReportRepository repo, CancellationToken ct)
    {
        if (await ReportsApi.Find(id, http, repo, ct) is null) return Problems.NotFound($"报告{id}");
        var stream = await repo.OpenSignedAsync(id, version, ct);
        return stream is null
            ? Problems.NotFound($"报告{id}的签章版本{version}")
            : Results.Stream(stream, "application/pdf", $"{id}-signed-{version}.pdf");
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
