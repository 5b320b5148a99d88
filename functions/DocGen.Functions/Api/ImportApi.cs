using System.Text.Json.Nodes;
using DocGen.Core.Import;
using DocGen.Core.Json;
using Microsoft.Net.Http.Headers;

namespace DocGen.Functions.Api;

/// <summary>
/// POST /api/reports/import: a report as an office has it (text, a saved page, a Word document, and any
/// other format a reader is registered for) read into report JSON, with what the import noticed. The reader
/// is chosen by content first, then by the content type. Nothing is stored.
/// </summary>
public static class ImportApi
{
    public static void Map(WebApplication app) =>
        app.MapGroup("/api/reports").RequireApiKey()
            .MapPost("/import", (Delegate)Import).WithName("ImportReport").WithSummary("把文本、网页或Word文档导入为报告JSON，返回报告和导入时发现的问题");

    /// <summary>Media types a reader takes, and octet-stream (read by its content).</summary>
    public static IReadOnlyList<string> Accepted { get; } = DocumentReaders.All.SelectMany(r => r.MediaTypes).Append("application/octet-stream").ToList();

    /// <summary>The Office packages (Word, and Excel once its reader is registered): what the generation endpoint takes besides JSON.</summary>
    public static IReadOnlyList<string> OfficeDocuments { get; } = Accepted.Where(t => t.StartsWith("application/vnd.", StringComparison.Ordinal)).ToList();

    /// <summary>The request's media type when it is one of <paramref name="types"/> (default: every importable type), else null.</summary>
    public static string? ImportableType(HttpRequest request, IReadOnlyList<string>? types = null) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Value is { } mediaType
        && (types ?? Accepted).Contains(mediaType, StringComparer.OrdinalIgnoreCase) ? mediaType : null;

    /// <summary>
    /// For the generation endpoint: a body in a reader's format as report JSON, or the problem that stops it
    /// (too large, unreadable, nothing to read). What the import noticed is left to the validator to judge.
    /// </summary>
    public static async Task<(byte[]? Json, IResult? Problem)> ReportJsonAsync(HttpRequest request, string mediaType, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, ReportImporter.MaxSourceBytes, ct);
        if (body is null) return (null, RequestBody.TooLarge(ReportImporter.MaxSourceBytes));
        var (result, problem) = Read(body, mediaType);
        return problem is not null ? (null, problem) : (ReportJsonWriter.Write(result!.Report!), null);
    }

    private static (ImportResult? Result, IResult? Problem) Read(byte[] body, string mediaType)
    {
        try
        {
            var result = ReportImporter.Import(body, null, mediaType);
            return result.Report is null
                ? (null, Problems.Of(400, "NOTHING_IMPORTED", "没有读到报告内容：" + string.Join("；", result.Issues.Select(i => i.Message))))
                : (result, null);
        }
        catch (ImportException e)
        {
            return (null, Problems.Of(400, e.Code, e.Message));
        }
    }

    /// <summary>The handler, on the request alone, so that any front end (Kestrel, a Functions adapter) can run it.</summary>
    public static async Task<IResult> Import(HttpContext http)
    {
        if (ImportableType(http.Request) is not { } mediaType) return RequestBody.WrongType(string.Join("、", Accepted));
        var body = await RequestBody.ReadAsync(http.Request, ReportImporter.MaxSourceBytes, http.RequestAborted);
        if (body is null) return RequestBody.TooLarge(ReportImporter.MaxSourceBytes);
        var (result, problem) = Read(body, mediaType);
        if (problem is not null) return problem;
        var findings = new JsonArray(result!.Issues.Select(i => (JsonNode?)new JsonObject
        {
            ["code"] = i.Code,
            ["severity"] = i.IsError ? "error" : "warning",
            ["line"] = i.Line,
            ["where"] = i.Place,
            ["message"] = i.Message,
        }).ToArray());
        var answer = new JsonObject
        {
            ["report"] = JsonNode.Parse(ReportJsonWriter.Write(result.Report!)),
            ["errors"] = result.Issues.Count(i => i.IsError),
            ["warnings"] = result.Issues.Count(i => !i.IsError),
            ["findings"] = findings,
        };
        return Results.Content(answer.ToJsonString(JsonText.Options), "application/json; charset=utf-8");
    }
}
