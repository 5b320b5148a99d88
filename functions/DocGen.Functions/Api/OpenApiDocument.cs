using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocGen.Functions.Api;

/// <summary>
/// The OpenAPI document, written from <see cref="ApiRoutes.All"/>, so the worker and the standalone server
/// publish the same document and it cannot drift from the operations really served.
/// </summary>
public static class OpenApiDocument
{
    public const string KeyScheme = "apiKey";

    public static readonly Lazy<string> Json = new(() => Build().ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var group in ApiRoutes.All.GroupBy(r => r.PublicPath))
        {
            var item = new JsonObject();
            foreach (var route in group) item[route.Method.ToLowerInvariant()] = Operation(route);
            paths[group.Key] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "DocGen 政府信息公开工作年度报告",
                ["version"] = ReportGeneration.Version,
            },
            // Paths are absolute (/api/...): the same behind the Functions host and standalone.
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [KeyScheme] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeys.Header },
                },
                ["schemas"] = new JsonObject
                {
                    ["Problem"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["type"] = new JsonObject { ["type"] = "string" },
                            ["title"] = new JsonObject { ["type"] = "string" },
                            ["status"] = new JsonObject { ["type"] = "integer" },
                            ["code"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
            },
        };
    }

    private static JsonObject Operation(ApiRoute route)
    {
        var parameters = new JsonArray();
        foreach (var name in route.PathParameters)
            parameters.Add(new JsonObject
            {
                ["name"] = name, ["in"] = "path", ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = route.Path.Contains($"{{{name}:int}}") ? "integer" : "string" },
            });
        foreach (var name in route.Query)
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["schema"] = new JsonObject { ["type"] = "string" } });

        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = route.Summary,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "成功" },
                ["default"] = new JsonObject
                {
                    ["description"] = "错误（problem+json，含英文code）",
                    ["content"] = new JsonObject
                    {
                        ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } },
                    },
                },
            },
        };
        if (parameters.Count > 0) operation["parameters"] = parameters;
        if (route.Access == Access.Key)
            operation["security"] = new JsonArray(new JsonObject { [KeyScheme] = new JsonArray() });
        return operation;
    }
}
