using System.Net;
using System.Text.Json;
using DocGen.Functions.Api;
using DocGen.Storage;

namespace DocGen.Functions.Tests;

/// <summary>/api/health says which check fails: a store that takes no writes, fonts that cannot be found.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-health-").FullName;
    private readonly string _emptyFonts = Directory.CreateTempSubdirectory("docgen-nofonts-").FullName;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Health(RunningService service)
    {
        using var client = service.Client(null);
        var response = await client.GetAsync("/api/health");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Check(JsonElement body, string name) => body.GetProperty("checks").GetProperty(name).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_working_service_is_healthy_and_leaves_no_probe_behind()
    {
        await using var service = await RunningService.StartAsync(TestStores.Disk(_root));
        var (status, body) = await Health(service);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", Check(body, StorageHealthCheck.Name));
        Assert.Equal("ok", Check(body, FontsHealthCheck.Name));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_unwritable_store_is_reported()
    {
        await using var service = await RunningService.StartAsync(TestStores.Disk(_root), new UnwritableStore(new FileSystemBlobStore(_root)));
        var (status, body) = await Health(service);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("failing", body.GetProperty("status").GetString());
        Assert.Equal("failing", Check(body, StorageHealthCheck.Name));
        Assert.Contains("存储不可写", body.GetProperty("checks").GetProperty(StorageHealthCheck.Name).GetProperty("description").GetString());
        Assert.Equal("ok", Check(body, FontsHealthCheck.Name));
    }

    [Fact]
    public async Task Missing_fonts_are_reported()
    {
        var settings = TestStores.Disk(_root);
        settings[ServiceSettings.FontDirectory] = _emptyFonts;
        settings[ServiceSettings.SystemFonts] = "false";
        await using var service = await RunningService.StartAsync(settings);
        var (status, body) = await Health(service);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("failing", Check(body, FontsHealthCheck.Name));
        Assert.Contains("Body", body.GetProperty("checks").GetProperty(FontsHealthCheck.Name).GetProperty("description").GetString());
        Assert.Equal("ok", Check(body, StorageHealthCheck.Name));
    }

    public void Dispose()
    {
        TestStores.DeleteFolder(_root);
        TestStores.DeleteFolder(_emptyFonts);
    }

    /// <summary>A store that reads but refuses every write, as a full or read-only disk does.</summary>
    private sealed class UnwritableStore(IBlobStore inner) : IBlobStore
    {
        public Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, WriteMode mode = WriteMode.Overwrite, CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device");
        public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);
        public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);
        public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
        public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
        public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => throw new IOException("No space left on device");
    }
}
