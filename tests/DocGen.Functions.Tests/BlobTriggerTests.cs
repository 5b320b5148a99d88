using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Api;
using DocGen.Storage;

namespace DocGen.Functions.Tests;

/// <summary>
/// The blob trigger, invoked the way the Functions host invokes a custom handler: a POST to
/// /{function name} with {"Data": {binding: content}, "Metadata": {path parameters…}}.
/// </summary>
public sealed class BlobTriggerTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-blob-").FullName;
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync(new Dictionary<string, string?>
    {
        [StorageSettings.Root] = _root,
    });

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        Directory.Delete(_root, true);
    }

    private async Task<JsonElement> Invoke(string agency, string name, string content)
    {
        // What the host sends (no API key: the host is trusted, it talks to the handler on loopback).
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { [BlobTriggerApi.BindingName] = content },
            ["Metadata"] = new JsonObject
            {
                ["agency"] = agency,
                ["name"] = name,
                ["BlobTrigger"] = $"incoming/{agency}/{name}.json",
                ["Uri"] = $"https://example.invalid/incoming/{agency}/{name}.json",
                ["sys"] = new JsonObject { ["MethodName"] = BlobTriggerApi.FunctionName, ["UtcNow"] = "2025-01-20T08:00:00Z" },
            },
        };
        await _service.Store.WriteBytesAsync($"incoming/{agency}/{name}.json", Encoding.UTF8.GetBytes(content), ContentTypes.Json);
        using var client = _service.Client(null);
        var response = await client.PostAsync($"/{BlobTriggerApi.FunctionName}", new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(body.TryGetProperty("Outputs", out _));
        Assert.True(body.TryGetProperty("Logs", out _));
        return body;
    }

    [Fact]
    public async Task A_good_report_is_generated_into_reports_with_a_receipt_beside_the_upload()
    {
        string json = ApiTests.ReportJson(21);
        var body = await Invoke(RunningService.AgencyA, "2024年报", json);
        string id = body.GetProperty("ReturnValue").GetProperty("reportId").GetString()!;
        var manifest = await _service.Repository.GetReportAsync(id);
        Assert.NotNull(manifest);
        Assert.Equal(4, manifest!.Files.Count);
        Assert.True(await _service.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/2024年报.result.json"));
        Assert.False(await _service.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/2024年报.findings.json"));
        // The upload itself stays where it was.
        Assert.True(await _service.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/2024年报.json"));
    }

    [Fact]
    public async Task A_bad_report_leaves_its_findings_next_to_it()
    {
        var bad = ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 };
        bad = bad.WithCell("requests", "granted", 6, CellValue.Integer(12345));
        await Invoke(RunningService.AgencyA, "草稿", ReportJsonWriter.WriteString(bad));
        var findings = await _service.Store.ReadAllBytesAsync($"incoming/{RunningService.AgencyA}/草稿.findings.json");
        Assert.NotNull(findings);
        var doc = JsonDocument.Parse(findings!).RootElement;
        Assert.Equal("REPORT_INVALID", doc.GetProperty("code").GetString());
        Assert.Contains(doc.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "ROW_TOTAL_MISMATCH");
        Assert.True(await _service.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/草稿.json"));

        await Invoke(RunningService.AgencyA, "乱码", "{ not json");
        Assert.True(await _service.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/乱码.findings.json"));
    }

    [Fact]
    public async Task A_report_of_another_agency_in_an_agencys_folder_is_refused()
    {
        await Invoke(RunningService.AgencyB, "误传", ApiTests.ReportJson(22, RunningService.AgencyA));
        var findings = JsonDocument.Parse((await _service.Store.ReadAllBytesAsync($"incoming/{RunningService.AgencyB}/误传.findings.json"))!).RootElement;
        Assert.Equal("AGENCY_FORBIDDEN", findings.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Its_own_receipts_do_not_trigger_again()
    {
        var body = await Invoke(RunningService.AgencyA, "x.findings", "{}");
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.False(await _service.Store.ExistsAsync($"incoming/{RunningService.AgencyA}/x.findings.findings.json"));
    }
}
