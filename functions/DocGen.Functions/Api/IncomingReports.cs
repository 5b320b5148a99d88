using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>
/// A report JSON dropped at incoming/{agency}/{name}.json is generated like a POST by that agency. A receipt
/// is left beside the upload: {name}.result.json (the report id) or {name}.findings.json (why not). Both
/// front ends call this: the worker's blob trigger (Event Grid) and the standalone server's watcher.
/// Nothing about the upload ends in an exception: the Functions host would retry it and then give it up to
/// the poison queue, and the agency would never learn why. Only a receipt that cannot be written (storage
/// down) is left to throw, so that the host tries again.
/// </summary>
public sealed class IncomingReports(ReportGeneration generation, IBlobStore store, TimeProvider clock, ILogger<IncomingReports> log)
{
    public const string FunctionName = "IncomingReport";
    public const string Container = "incoming";
    /// <summary>The blob trigger's path pattern.</summary>
    public const string TriggerPath = Container + "/{agency}/{name}.json";
    /// <summary>The connection setting prefix of the blob trigger (identity-based: {Connection}__blobServiceUri, …).</summary>
    public const string Connection = "DocGenStorage";
    public const string ResultSuffix = ".result.json";
    public const string FindingsSuffix = ".findings.json";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="path"/> is one of the receipts DocGen writes (which land in the same folder and must not trigger again).</summary>
    public static bool IsReceipt(string path) =>
        path.EndsWith(ResultSuffix, StringComparison.Ordinal) || path.EndsWith(FindingsSuffix, StringComparison.Ordinal);

    /// <summary>The receipt written for <paramref name="uploadPath"/>, or null when there is none yet.</summary>
    public async Task<JsonObject?> ReadReceiptAsync(string uploadPath, CancellationToken ct)
    {
        string stem = uploadPath[..^".json".Length];
        foreach (var suffix in new[] { ResultSuffix, FindingsSuffix })
        {
            var bytes = await store.ReadAllBytesAsync(stem + suffix, ct);
            if (bytes is null) continue;
            try { return JsonNode.Parse(bytes) as JsonObject; }
            catch (System.Text.Json.JsonException) { return null; }
        }
        return null;
    }

    /// <summary>The SHA-256 of an upload as receipts record it, so a watcher can tell a new upload from one already answered.</summary>
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Generates the upload at incoming/<paramref name="agency"/>/<paramref name="name"/>.json and returns the receipt written (null when none could be placed).</summary>
    public async Task<JsonObject?> ProcessAsync(string? agency, string? name, byte[]? content, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency) || string.IsNullOrWhiteSpace(name))
        {
            // No folder to put a receipt in: the trigger's path did not match incoming/{agency}/{name}.json.
            log.LogError("Blob trigger payload without agency or name (agency={Agency}, name={Name}); nothing generated", agency, name);
            return null;
        }
        string upload = $"{Container}/{agency}/{name}.json";
        if (IsReceipt(upload))
        {
            log.LogDebug("Skipping DocGen's own receipt {Path}", upload);
            return null;
        }

        JsonObject receipt;
        try
        {
            receipt = await GenerateAsync(agency, content, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not RenderUnavailableException)
        {
            // A render refused for now (busy) propagates, so the trigger retries it.
            // A fault of ours on this upload: retrying would fail the same way, so answer it instead.
            log.LogError(e, "Generating {Path} failed", upload);
            receipt = Rejected(e is StorageException se ? se.Code : ProblemCodes.GenerationFailed,
                e is StorageException ? e.Message : "生成报告时出现内部错误，请稍后重新上传", []);
        }
        receipt["source"] = new JsonObject { ["path"] = upload, ["sha256"] = content is null ? null : Hash(content), ["size"] = content?.Length };

        bool generated = receipt["status"]?.GetValue<string>() == "generated";
        string receiptPath = upload[..^".json".Length] + (generated ? ResultSuffix : FindingsSuffix);
        try
        {
            await store.WriteBytesAsync(receiptPath, Encoding.UTF8.GetBytes(FindingJson.Serialize(receipt)), ContentTypes.Json, WriteMode.Overwrite, ct);
        }
        catch (InvalidStorageNameException e)
        {
            log.LogError("No receipt for {Path}: {Message} ({Code})", upload, e.Message, e.Code);
            return null;
        }
        // The other receipt, from an earlier upload of the same name, would now be stale.
        await store.DeleteAsync(upload[..^".json".Length] + (generated ? FindingsSuffix : ResultSuffix), ct);
        if (generated) log.LogInformation("{Path} generated as report {ReportId}", upload, receipt["reportId"]?.GetValue<string>());
        else log.LogWarning("{Path} not generated: {Code} {Message}", upload, receipt["code"]?.GetValue<string>(), receipt["message"]?.GetValue<string>());
        return receipt;
    }

    private async Task<JsonObject> GenerateAsync(string agency, byte[]? content, CancellationToken ct)
    {
        if (content is null || content.Length == 0)
            return Rejected(ProblemCodes.BlobEmpty, "上传的文件是空的，应为报告JSON", []);
        try
        {
            StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Rejected(ProblemCodes.BlobNotUtf8, "上传的文件不是UTF-8编码的文本，应为UTF-8编码的报告JSON", []);
        }
        string folderAgency;
        try
        {
            folderAgency = StorageNames.ValidateAgency(agency);
        }
        catch (InvalidStorageNameException e)
        {
            return Rejected(e.Code, $"上传目录“{agency}”不是有效的机关名称：{e.Message}", []);
        }

        var outcome = await generation.GenerateAsync(content, new Caller(folderAgency), OutputFormats.Both, clock.GetUtcNow(), ct);
        return outcome switch
        {
            Generation.Stored s => new JsonObject
            {
                ["status"] = "generated",
                ["reportId"] = s.Manifest.ReportId,
                ["report"] = $"/{ApiPaths.Prefix}/reports/{s.Manifest.ReportId}",
                ["warnings"] = FindingJson.ToJson(s.Warnings),
            },
            Generation.Unreadable u => Rejected(ProblemCodes.InvalidReportJson, "不是有效的报告JSON", u.Findings),
            Generation.Invalid i => Rejected(ProblemCodes.ReportInvalid, "报告有错误，未生成文档", i.Findings),
            Generation.Forbidden f => Rejected(ProblemCodes.AgencyForbidden, $"报告的机关“{f.Agency}”与上传目录“{agency}”不一致", []),
            Generation.BadAgency b => Rejected(b.Code, b.Message, []),
            _ => throw new InvalidOperationException($"unknown outcome {outcome}"),
        };
    }

    private static JsonObject Rejected(string code, string message, IEnumerable<Finding> findings) => new()
    {
        ["status"] = "rejected",
        ["code"] = code,
        ["message"] = message,
        ["findings"] = FindingJson.ToJson(findings),
    };
}
