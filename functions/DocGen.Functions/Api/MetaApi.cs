using DocGen.Core.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DocGen.Functions.Api;

/// <summary>GET /api/health, /api/schema and /api/openapi.json, open without a key (no report data in them).</summary>
public static class MetaApi
{
    private static readonly Lazy<string> Schema = new(ReportSchema.Build);

    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.Health, "GET", ApiPaths.Health, Access.Open, Health, "服务状态：存储可读写、字体齐全、模板已载入"),
        new(Operations.Schema, "GET", ApiPaths.Schema, Access.Open,
            _ => Task.FromResult(Results.Text(Schema.Value, "application/schema+json; charset=utf-8")), "报告JSON的JSON Schema"),
        new(Operations.OpenApi, "GET", ApiPaths.OpenApi, Access.Open,
            _ => Task.FromResult(Results.Text(OpenApiDocument.Json.Value, "application/json; charset=utf-8")), "本API的OpenAPI文档"),
    ];

    /// <summary>200 when every check passes, else 503; each check says what it found.</summary>
    private static async Task<IResult> Health(HttpContext http)
    {
        var report = await http.Service<HealthCheckService>().CheckHealthAsync(http.RequestAborted);
        bool ok = report.Status == HealthStatus.Healthy;
        return Results.Json(new
        {
            status = ok ? "ok" : "failing",
            version = ReportGeneration.Version,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status == HealthStatus.Healthy ? "ok" : "failing", description = e.Value.Description }),
        }, statusCode: ok ? 200 : 503);
    }
}
