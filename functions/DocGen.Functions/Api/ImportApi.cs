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

    /// <summary>The handler, on the request alone, so that any front end (Kestrel, a Functions adapter) can run it.</summary>
    public static async Task<IResult> Import(HttpContext http)
    {
        var accepted = DocumentReaders.All.SelectMany(r => r.MediaTypes).Append("application/octet-stream").ToList();
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || type.MediaType.Value is not { } mediaType
            || !accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            return RequestBody.WrongType(string.Join("、", accepted));
        var body = await RequestBody.ReadAsync(http.Request, ReportImporter.MaxSourceBytes, http.RequestAborted);
        if (body is null) return RequestBody.TooLarge(ReportImporter.MaxSourceBytes);

        ImportResult result;
        try
        {
            result = ReportImporter.Import(body, null, mediaType);
        }
        catch (ImportException e)
        {
            return Problems.Of(400, e.Code, e.Message);
        }
        var findings = new JsonArray(result.Issues.Select(i => (JsonNode?)new JsonObject
        {
            ["code"] = i.Code,
            ["severity"] = i.IsError ? "error" : "warning",
            ["line"] = i.Line,
            ["where"] = i.Place,
            ["message"] = i.Message,
        }).ToArray());
        if (result.Report is null)
            return Problems.Of(400, "NOTHING_IMPORTED", "没有读到报告内容：" + string.Join("；", result.Issues.Select(i => i.Message)));
        var answer = new JsonObject
        {
            ["report"] = JsonNode.Parse(ReportJsonWriter.Write(result.Report)),
            ["errors"] = result.Issues.Count(i => i.IsError),
            ["warnings"] = result.Issues.Count(i => !i.IsError),
            ["findings"] = findings,
        };
        return Results.Content(answer.ToJsonString(JsonText.Options), "application/json; charset=utf-8");
    }
}
