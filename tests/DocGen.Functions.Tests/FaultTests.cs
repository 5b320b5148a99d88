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

/// <summary>The service on a real disk that fills up or turns read-only (a tmpfs; needs root, as in CI).</summary>
public sealed class DiskFullServiceTests
{
    [Fact]
    public async Task Full_disk_is_507_read_only_is_503_with_retry_after_and_nothing_half_written_is_served()
    {
        using var disk = Tmpfs.TryMount(4096);
        if (disk is null) return;
        // Fill the disk to 16 KB short of full: room for input.json, not for the documents.
        string filler = Path.Combine(disk.Path, "filler");
        using (var f = File.Create(filler)) f.SetLength(new DriveInfo(disk.Path).AvailableFreeSpace - 16 * 1024);
        File.WriteAllBytes(filler, new byte[new FileInfo(filler).Length]); // allocated, not sparse
        await using var service = await RunningService.StartAsync(new Dictionary<string, string?>
        {
            [DocGen.Storage.StorageSettings.Kind] = DocGen.Storage.StorageSettings.KindFileSystem,
            [DocGen.Storage.StorageSettings.Root] = disk.Path,
        });
        using var client = service.Client(RunningService.KeyA);
        string json = ApiTests.ReportJson(41);

        var full = await client.PostAsync("/api/reports", RunningService.Json(json));
        Assert.Equal((HttpStatusCode)507, full.StatusCode);
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        Assert.Contains("STORAGE_FULL", await full.Content.ReadAsStringAsync());
        Assert.Empty(Directory.EnumerateFiles(disk.Path, "manifest.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(disk.Path, ".*.tmp", SearchOption.AllDirectories));

        File.Delete(filler);
        var retry = await client.PostAsync("/api/reports", RunningService.Json(json));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        string id = System.Text.Json.JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Empty(await service.Repository.VerifyAsync((await service.Repository.GetReportAsync(id))!));

        disk.Remount("ro");
        var readOnly = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(42)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readOnly.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), readOnly.Headers.RetryAfter?.Delta);
        Assert.Contains("STORAGE_READ_ONLY", await readOnly.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/{id}/pdf")).StatusCode); // what was stored is still served
    }
}
