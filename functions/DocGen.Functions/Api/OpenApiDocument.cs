using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocGen.Functions.Api;

/// <summary>
/// The OpenAPI 3.1 document, written from <see cref="ApiRoutes.All"/> and <see cref="ApiContracts.All"/>, so
/// the worker and the standalone server publish the same document and it cannot drift from what is served.
/// </summary>
public static class OpenApiDocument
{
    public const string KeyScheme = "apiKey";

    /// <summary>The served bytes, and those of the committed <c>openapi.json</c> (a text file, so it ends with a newline).</summary>
    public static readonly Lazy<string> Json = new(() => Build().ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n");

    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var group in ApiRoutes.Contracted.GroupBy(r => r.PublicPath))
        {
            var item = new JsonObject();
            foreach (var route in group)
            {
                item[route.Method.ToLowerInvariant()] = Operation(route, ApiContracts.All[route.Name]);
                if (route.Head) item["head"] = HeadOperation(route, (JsonObject)item[route.Method.ToLowerInvariant()]!);
            }
            paths[group.Key] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "DocGen 政府信息公开工作年度报告 API",
                ["version"] = ReportGeneration.Version,
                // A method a path does not have is no operation, so its 405 can only be said here (the Functions host routes by method itself).
                ["description"] = "生成、存储和归档政府信息公开工作年度报告。Generates, stores and archives the annual government information disclosure reports. " +
                    $"独立服务器对路径不支持的请求方法答405（problem+json，code: {ProblemCodes.MethodNotAllowed}），Azure Functions主机则可能答404。" +
                    $"Standalone, a method a path does not support gets 405 (problem+json, code: {ProblemCodes.MethodNotAllowed}); behind the Functions host it may get 404.",
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            // Paths carry the /api prefix of the Functions host, so one relative server fits behind the host and standalone.
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "此服务本身（Azure Functions或独立服务器）" }),
            ["security"] = new JsonArray(),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [KeyScheme] = new JsonObject
                    {
                        ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeys.Header,
                        ["description"] = "机关的密钥只能访问本机关的报告；编制单位（汇总）的密钥可访问全部",
                    },
                },
                ["schemas"] = ApiSchemas.Build(),
            },
        };
    }

    private static JsonObject Operation(ApiRoute route, OperationContract contract)
    {
        var parameters = new JsonArray();
        foreach (var name in route.PathParameters)
            parameters.Add(new JsonObject
            {
                ["name"] = name, ["in"] = "path", ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = route.Path.Contains($"{{{name}:int}}") ? "integer" : "string" },
            });
        foreach (var name in route.Query)
            parameters.Add(new JsonObject
            {
                ["name"] = name, ["in"] = "query", ["required"] = false,
                ["schema"] = new JsonObject { ["type"] = name is "year" or "limit" ? "integer" : "string" },
            });

        var responses = new JsonObject();
        foreach (var answer in contract.Answers.Where(a => a.ContentType.Length > 0))
            responses[answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = answer.Description,
                ["content"] = new JsonObject
                {
                    [answer.ContentType] = new JsonObject
                    {
                        ["schema"] = answer.Schema is { } schema ? new JsonObject { ["$ref"] = ApiSchemas.Ref(schema) } : Unnamed(answer.ContentType),
                    },
                },
            };
        foreach (var failure in contract.Failures)
            responses[failure.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = $"{Reason(failure.Status)}（code: {string.Join(", ", failure.Codes)}）",
                ["content"] = new JsonObject
                {
                    ["application/problem+json"] = new JsonObject
                    {
                        // The Problem schema narrowed to this status's codes. OpenAPI 3.1 allows keywords beside $ref; an
                        // allOf here would make generators (NSwag) invent a class per status instead of using Problem.
                        ["schema"] = new JsonObject
                        {
                            ["$ref"] = ApiSchemas.Ref(ApiSchemas.Problem),
                            ["properties"] = new JsonObject
                            {
                                ["code"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(failure.Codes.Select(c => (JsonNode?)c).ToArray()) },
                            },
                        },
                    },
                },
            };

        foreach (var redirect in contract.Answers.Where(a => a.ContentType.Length == 0))
            responses[redirect.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = RedirectAnswer(redirect.Description);
        // Where waiting helps, the problem says how long.
        foreach (var failure in contract.Failures.Where(f => f.Status is 429 or 503))
            responses[failure.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["headers"] = RetryAfterHeader();

        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = $"{route.Summary} / {contract.SummaryEnglish}",
            ["tags"] = new JsonArray(route.Path.StartsWith(ApiPaths.Reports, StringComparison.Ordinal) ? "reports" : "service"),
        };
        if (parameters.Count > 0) operation["parameters"] = parameters;
        if (contract.Body != BodyKind.None)
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = BodyContent(contract.Body),
            };
        if (route.Head)
        {
            // Downloads: the report's own file name, the SHA-256 as entity tag, and 304 for a copy already held.
            var ok = (JsonObject)responses["200"]!;
            ok["headers"] = new JsonObject
            {
                ["ETag"] = new JsonObject { ["description"] = "文件的SHA-256", ["schema"] = new JsonObject { ["type"] = "string" } },
                ["Content-Disposition"] = new JsonObject { ["description"] = "attachment; filename*=UTF-8''{机关}{年度}年政府信息公开工作年度报告.pdf", ["schema"] = new JsonObject { ["type"] = "string" } },
            };
            responses["304"] = new JsonObject { ["description"] = "未修改：If-None-Match与ETag相同" };
        }
        operation["responses"] = responses;
        operation["security"] = route.Access == Access.Key
            ? new JsonArray(new JsonObject { [KeyScheme] = new JsonArray() })
            : new JsonArray();
        return operation;
    }

    /// <summary>The media types a body may have: report JSON (or an Office document imported first), a PDF, or any importable document.</summary>
    private static JsonObject BodyContent(BodyKind body)
    {
        var content = new JsonObject();
        if (body is BodyKind.Report or BodyKind.ReportOrOffice or BodyKind.Compilation)
            content[ApiContracts.Json] = new JsonObject
            {
                ["schema"] = new JsonObject { ["$ref"] = ApiSchemas.Ref(body == BodyKind.Compilation ? ApiSchemas.CompilationRequest : ApiSchemas.Report) },
            };
        IEnumerable<string> files = body switch
        {
            BodyKind.Pdf => [ApiContracts.Pdf],
            BodyKind.ReportOrOffice => ImportApi.OfficeDocuments,
            BodyKind.Document => ImportApi.Accepted,
            _ => [],
        };
        foreach (var type in files)
            content[type] = new JsonObject { ["schema"] = File(type) };
        return content;
    }

    /// <summary>
    /// A file body: <c>format: binary</c> as well as 3.1's <c>contentMediaType</c>, because generators read the
    /// former (NSwag: a <c>FileResponse</c> or <c>Stream</c>, not a string that mangles the bytes).
    /// </summary>
    private static JsonObject File(string mediaType) => new() { ["type"] = "string", ["format"] = "binary", ["contentMediaType"] = mediaType };

    /// <summary>An answer without a named schema: any JSON value for a JSON media type, else a file.</summary>
    private static JsonObject Unnamed(string mediaType) =>
        mediaType.EndsWith("json", StringComparison.Ordinal) ? new JsonObject { ["description"] = "JSON" } : File(mediaType);

    /// <summary>HEAD of a download: the GET's parameters and answers, without bodies.</summary>
    private static JsonObject HeadOperation(ApiRoute route, JsonObject get)
    {
        var head = (JsonObject)get.DeepClone();
        head["operationId"] = route.Name + "Head";
        head["summary"] = $"{route.Summary}（只取响应头） / headers of the download only";
        foreach (var (_, response) in ((JsonObject)head["responses"]!).ToList()) ((JsonObject)response!).Remove("content");
        // HEAD is always answered by the service itself, never with a link.
        ((JsonObject)head["responses"]!).Remove("307");
        return head;
    }

    /// <summary>A redirect to the file, with no body.</summary>
    private static JsonObject RedirectAnswer(string description) => new()
    {
        ["description"] = description,
        ["headers"] = new JsonObject
        {
            ["Location"] = new JsonObject
            {
                ["description"] = "文件的短时只读链接 / A short-lived read-only link to the file",
                ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            },
        },
    };

    /// <summary>The seconds to wait, on the answers where waiting helps.</summary>
    private static JsonObject RetryAfterHeader() => new()
    {
        ["Retry-After"] = new JsonObject
        {
            ["description"] = "多少秒后可重试 / Seconds to wait before retrying",
            ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
        },
    };

    private static string Reason(int status) => status switch
    {
        400 => "请求无效", 401 => "缺少或无效的API密钥", 403 => "无权操作该机关的报告", 404 => "找不到",
        409 => "与已存储的内容冲突", 413 => "请求体过大", 415 => "内容类型不支持", 422 => "内容有错误", 429 => "请求过于频繁（见Retry-After）", 500 => "服务内部错误",
        503 => "暂时不可用（见Retry-After）", 507 => "存储空间已满",
        _ => "错误",
    };
}
