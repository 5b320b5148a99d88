using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>
/// The blob-triggered function. The Functions host POSTs the custom-handler invocation payload
/// ({"Data": {...}, "Metadata": {...}}) to /{function name} when a report JSON lands in
/// incoming/{agency}/{name}.json. A good report is generated into reports/ and a receipt
/// ({name}.result.json) is left beside the upload; a bad one leaves {name}.findings.json instead.
/// </summary>
public static class BlobTriggerApi
{
    public const string FunctionName = "IncomingReport";
    public const string BindingName = "report";
    public const string Container = "incoming";
    private const string FindingsSuffix = ".findings";
    private const string ResultSuffix = ".result";

    public static void Map(WebApplication app) =>
        app.MapPost($"/{FunctionName}", Invoke).WithName(FunctionName).ExcludeFromDescription();

    private static async Task<IResult> Invoke(HttpContext http, ReportGeneration generation, IBlobStore store, TimeProvider clock, CancellationToken ct)
    {
        var logs = new List<string>();
        JsonNode? payload;
        try
        {
            payload = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Response(["调用数据不是有效的JSON"], status: 400);
        }
        string? agency = payload?["Metadata"]?["agency"]?.GetValue<string>();
        string? name = payload?["Metadata"]?["name"]?.GetValue<string>();
        byte[]? content = Content(payload?["Data"]?[BindingName]);
        if (agency is null || name is null || content is null)
            return Response(["调用数据缺少Data.report、Metadata.agency或Metadata.name"], status: 400);
        if (name.EndsWith(FindingsSuffix, StringComparison.Ordinal) || name.EndsWith(ResultSuffix, StringComparison.Ordinal))
            return Response([$"跳过DocGen自己写入的{name}.json"]); // our own receipts land in the same folder

        string folder = $"{Container}/{agency}/{name}";
        try
        {
            var outcome = await generation.GenerateAsync(content, new Caller(StorageNames.ValidateAgency(agency)), OutputFormats.Both, clock.GetUtcNow(), ct);
            JsonObject receipt;
            string suffix = FindingsSuffix;
            switch (outcome)
            {
                case Generation.Stored s:
                    suffix = ResultSuffix;
                    receipt = new JsonObject { ["status"] = "generated", ["reportId"] = s.Manifest.ReportId, ["report"] = $"/api/reports/{s.Manifest.ReportId}" };
                    logs.Add($"{folder}.json → 报告{s.Manifest.ReportId}");
                    break;
                case Generation.Unreadable u:
                    receipt = Findings("INVALID_REPORT_JSON", "不是有效的报告JSON", u.Findings);
                    break;
                case Generation.Invalid i:
                    receipt = Findings("REPORT_INVALID", "报告有错误，未生成文档", i.Findings);
                    break;
                case Generation.BadAgency b:
                    receipt = Findings(b.Code, b.Message, []);
                    break;
                case Generation.Forbidden f:
                    receipt = Findings("AGENCY_FORBIDDEN", $"报告的机关“{f.Agency}”与上传目录“{agency}”不一致", []);
                    break;
                default:
                    throw new InvalidOperationException();
            }
            if (suffix == FindingsSuffix) logs.Add($"{folder}.json 未生成：{receipt["message"]}");
            await store.WriteBytesAsync(folder + suffix + ".json", Encoding.UTF8.GetBytes(FindingJson.Serialize(receipt)), ContentTypes.Json, WriteMode.Overwrite, ct);
            return Response(logs, returnValue: receipt);
        }
        catch (StorageException e) when (e is InvalidStorageNameException)
        {
            return Response([$"{folder}.json：{e.Message}（{e.Code}）"]);
        }
    }

    private static JsonObject Findings(string code, string message, IEnumerable<Finding> findings) => new()
    {
        ["status"] = "rejected",
        ["code"] = code,
        ["message"] = message,
        ["findings"] = FindingJson.ToJson(findings),
    };

    /// <summary>The host passes blob content as a string: the JSON text itself, or base64 for binary data.</summary>
    private static byte[]? Content(JsonNode? data)
    {
        if (data is null) return null;
        if (data.GetValueKind() != JsonValueKind.String) return Encoding.UTF8.GetBytes(data.ToJsonString());
        string text = data.GetValue<string>();
        if (text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{')) return Encoding.UTF8.GetBytes(text);
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return Encoding.UTF8.GetBytes(text); }
    }

    /// <summary>The custom-handler response payload.</summary>
    private static IResult Response(IEnumerable<string> logs, JsonNode? returnValue = null, int status = 200) =>
        Results.Json(new JsonObject
        {
            ["Outputs"] = new JsonObject(),
            ["Logs"] = new JsonArray(logs.Select(l => (JsonNode?)l).ToArray()),
            ["ReturnValue"] = returnValue,
        }, statusCode: status);
}
