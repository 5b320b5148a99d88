using System.Net;
using DocGen.Storage;
using DocGen.Storage.Tests;

namespace DocGen.Functions.Tests;

/// <summary>A generation that fails half way leaves no manifest and no servable report; a retry succeeds.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-fault-").FullName;

    [Theory]
    [InlineData(1)] // input.json
    [InlineData(3)] // report.pdf, after input.json and report.docx
    [InlineData(6)] // the manifest itself
    public async Task Storage_fault_half_way_leaves_nothing_servable_and_retry_succeeds(int failingWrite)
    {
        var faulty = new FaultyBlobStore(new FileSystemBlobStore(_root), failingWrite);
        await using var service = await RunningService.StartAsync(new Dictionary<string, string?>(), faulty);
        using var client = service.Client(RunningService.KeyA);
        string json = ApiTests.ReportJson(11);

        var failed = await client.PostAsync("/api/reports", RunningService.Json(json));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Directory.EnumerateFiles(_root, "manifest.json", SearchOption.AllDirectories));

        var retry = await client.PostAsync("/api/reports", RunningService.Json(json));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        string id = System.Text.Json.JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var manifest = await service.Repository.GetReportAsync(id);
        Assert.NotNull(manifest);
        Assert.Empty(await service.Repository.VerifyAsync(manifest!));
    }

    [Fact]
    public async Task A_report_without_manifest_is_never_served()
    {
        var faulty = new FaultyBlobStore(new FileSystemBlobStore(_root), 6);
        await using var service = await RunningService.StartAsync(new Dictionary<string, string?>(), faulty);
        using var client = service.Client(RunningService.AdminKey);
        await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(12)));
        // The files are there but the manifest is not: the report does not exist for readers.
        Assert.NotEmpty(Directory.EnumerateFiles(_root, "report.pdf", SearchOption.AllDirectories));
        var id = Path.GetFileName(Path.GetDirectoryName(Directory.EnumerateFiles(_root, "report.pdf", SearchOption.AllDirectories).First()))!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/reports/{id}/pdf")).StatusCode);
    }

    public void Dispose() => TestStores.DeleteFolder(_root);
}
