using DocGen.Core.Json;

namespace DocGen.Functions.Api;

/// <summary>GET /api/health, /api/schema and /api/openapi.json, open without a key (no report data in them).</summary>
public static class MetaApi
{
    private static readonly Lazy<string> Schema = new(ReportSchema.Build);

    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.Health, "GET", ApiPaths.Health, Access.Open,
            _ => Task.FromResult(Results.Ok(new { status = "ok", version = ReportGeneration.Version })), "服务状态"),
        new(Operations.Schema, "GET", ApiPaths.Schema, Access.Open,
            _ => Task.FromResult(Results.Text(Schema.Value, "application/schema+json; charset=utf-8")), "报告JSON的JSON Schema"),
        new(Operations.OpenApi, "GET", ApiPaths.OpenApi, Access.Open,
            _ => Task.FromResult(Results.Text(OpenApiDocument.Json.Value, "application/json; charset=utf-8")), "本API的OpenAPI文档"),
    ];
}
