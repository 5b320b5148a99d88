using DocGen.Core.Json;

namespace DocGen.Functions.Api;

/// <summary>GET /api/health and GET /api/schema, open without a key (no report data in them).</summary>
public static class MetaApi
{
    private static readonly Lazy<string> Schema = new(ReportSchema.Build);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok", version = ReportGeneration.Version }))
            .WithName("Health");
        app.MapGet("/api/schema", () => Results.Text(Schema.Value, "application/schema+json; charset=utf-8"))
            .WithName("Schema").WithSummary("报告JSON的JSON Schema");
    }
}
