using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Api;
using DocGen.Functions.Worker;
using DocGen.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Functions.Tests;

/// <summary>
/// The blob-triggered function called as the worker calls it (content as BinaryData, the path's
/// {agency} and {name}): a receipt is left beside every upload, and nothing it is given throws.
/// </summary>
public sealed class IncomingReportFunctionTests : IDisposable
{
    private readonly WorkerHarness _h = new();

    private IncomingReportFunction Function => new(_h.Services.GetRequiredService<IncomingReports>());

    /// <summary>Drops <paramref name="content"/> at incoming/{agency}/{name}.json and runs the trigger on it.</summary>
    private async Task Trigger(string agency, string name, byte[] content)
    {
        await _h.Store.WriteBytesAsync($"incoming/{agency}/{name}.json", content, ContentTypes.Json);
        await Function.IncomingReport(BinaryData.FromBytes(content), agency, name, CancellationToken.None);
    }

    private async Task<JsonElement?> Receipt(string agency, string name, string suffix)
    {
        var bytes = await _h.Store.ReadAllBytesAsync($"incoming/{agency}/{name}{suffix}");
        return bytes is null ? null : JsonDocument.Parse(bytes).RootElement.Clone();
    }

    private async Task<JsonElement> Findings(string agency, string name)
    {
        Assert.Null(await Receipt(agency, name, IncomingReports.ResultSuffix));
        var findings = await Receipt(agency, name, IncomingReports.FindingsSuffix);
        Assert.True(findings.HasValue, $"no findings receipt for {agency}/{name}");
        Assert.Equal("rejected", findings!.Value.GetProperty("status").GetString());
        return findings.Value;
    }

    [Fact]
    public async Task A_good_report_is_generated_with_a_receipt_beside_the_upload()
    {
        byte[] json = Encoding.UTF8.GetBytes(ApiTests.ReportJson(21));
        await Trigger(RunningService.AgencyA, "2024年报", json);
        var receipt = (await Receipt(RunningService.AgencyA, "2024年报", IncomingReports.ResultSuffix))!.Value;
        Assert.Equal("generated", receipt.GetProperty("status").GetString());
        var manifest = await _h.Repository.GetReportAsync(receipt.GetProperty("reportId").GetString()!);
        Assert.NotNull(manifest);
        Assert.Equal(4, manifest!.Files.Count);
        Assert.Empty(await _h.Repository.VerifyAsync(manifest));
        Assert.Equal(IncomingReports.Hash(json), receipt.GetProperty("source").GetProperty("sha256").GetString());
        Assert.Null(await Receipt(RunningService.AgencyA, "2024年报", IncomingReports.FindingsSuffix));
        Assert.True(await _h.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/2024年报.json")); // the upload stays
    }

    [Fact]
    public async Task A_report_with_errors_leaves_its_findings()
    {
        var bad = (ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 })
            .WithCell("requests", "granted", 6, CellValue.Integer(12345));
        await Trigger(RunningService.AgencyA, "草稿", Encoding.UTF8.GetBytes(ReportJsonWriter.WriteString(bad)));
        var findings = await Findings(RunningService.AgencyA, "草稿");
        Assert.Equal("REPORT_INVALID", findings.GetProperty("code").GetString());
        Assert.Contains(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "ROW_TOTAL_MISMATCH");
        Assert.Empty(await _h.Store.ListAsync("reports/").ToListAsync());
    }

    [Fact]
    public async Task A_blob_that_is_not_json_or_not_utf8_or_empty_leaves_findings()
    {
        await Trigger(RunningService.AgencyA, "乱码", "{ not json"u8.ToArray());
        Assert.Equal("INVALID_REPORT_JSON", (await Findings(RunningService.AgencyA, "乱码")).GetProperty("code").GetString());

        // GB18030 bytes of a report: what a Windows editor may save.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await Trigger(RunningService.AgencyA, "gbk", Encoding.GetEncoding("GB18030").GetBytes(ApiTests.ReportJson(22)));
        Assert.Equal("BLOB_NOT_UTF8", (await Findings(RunningService.AgencyA, "gbk")).GetProperty("code").GetString());

        await Trigger(RunningService.AgencyA, "空", []);
        Assert.Equal("BLOB_EMPTY", (await Findings(RunningService.AgencyA, "空")).GetProperty("code").GetString());

        // A JSON value that is not a report object.
        await Trigger(RunningService.AgencyA, "数组", "[1, 2, 3]"u8.ToArray());
        Assert.Equal("INVALID_REPORT_JSON", (await Findings(RunningService.AgencyA, "数组")).GetProperty("code").GetString());
        Assert.Empty(await _h.Store.ListAsync("reports/").ToListAsync());
    }

    [Fact]
    public async Task A_report_in_another_agencys_folder_is_refused()
    {
        await Trigger(RunningService.AgencyB, "误传", Encoding.UTF8.GetBytes(ApiTests.ReportJson(23, RunningService.AgencyA)));
        Assert.Equal("AGENCY_FORBIDDEN", (await Findings(RunningService.AgencyB, "误传")).GetProperty("code").GetString());
        Assert.Empty(await _h.Store.ListAsync("reports/").ToListAsync());
    }

    [Fact]
    public async Task A_payload_of_the_wrong_shape_never_throws()
    {
        var incoming = _h.Services.GetRequiredService<IncomingReports>();
        // No agency or name (a path outside the pattern), no content at all: nothing to generate, no exception.
        await Function.IncomingReport(BinaryData.FromString("{}"), null, "x", CancellationToken.None);
        await Function.IncomingReport(BinaryData.FromString("{}"), RunningService.AgencyA, null, CancellationToken.None);
        await Function.IncomingReport(null, RunningService.AgencyA, "无内容", CancellationToken.None);
        Assert.Equal("BLOB_EMPTY", (await Findings(RunningService.AgencyA, "无内容")).GetProperty("code").GetString());
        // Its own receipts land in the same folder and must not trigger again.
        Assert.Null(await incoming.ProcessAsync(RunningService.AgencyA, "x.findings", "{}"u8.ToArray(), CancellationToken.None));
        Assert.False(await _h.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/x.findings.findings.json"));
        Assert.Empty(await _h.Store.ListAsync("reports/").ToListAsync());
    }

    [Fact]
    public async Task A_corrected_upload_replaces_the_findings_with_a_result()
    {
        var bad = (ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 })
            .WithCell("requests", "granted", 6, CellValue.Integer(12345));
        await Trigger(RunningService.AgencyA, "年报", Encoding.UTF8.GetBytes(ReportJsonWriter.WriteString(bad)));
        await Findings(RunningService.AgencyA, "年报");
        await Trigger(RunningService.AgencyA, "年报", Encoding.UTF8.GetBytes(ApiTests.ReportJson(24)));
        Assert.NotNull(await Receipt(RunningService.AgencyA, "年报", IncomingReports.ResultSuffix));
        Assert.Null(await Receipt(RunningService.AgencyA, "年报", IncomingReports.FindingsSuffix));
    }

    public void Dispose() => _h.Dispose();
}
