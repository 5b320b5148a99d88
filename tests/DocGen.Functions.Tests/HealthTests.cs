using System.Net;
using System.Text.Json;
using DocGen.Functions.Api;
using DocGen.Storage;
using DocGen.Storage.Tests;

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
        Assert.Equal("ok", Check(body, TemplatesHealthCheck.Name));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_store_on_a_disk_remounted_read_only_is_reported()
    {
        // The kernel refuses the write, not a stand-in (needs root to mount, as in CI).
        using var disk = Tmpfs.TryMount(1024);
        if (disk is null) return;
        await using var service = await RunningService.StartAsync(TestStores.Disk(disk.Path));
        Assert.Equal(HttpStatusCode.OK, (await Health(service)).Status);
        disk.Remount("ro");
        var (status, body) = await Health(service);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("failing", Check(body, StorageHealthCheck.Name));
        Assert.Equal("ok", Check(body, FontsHealthCheck.Name));
        disk.Remount("rw");
    }

    [Fact]
    public void Every_edition_has_a_template_that_opens()
    {
        Assert.Empty(TemplatesHealthCheck.Faults(e => DocGen.Core.Word.WordRenderer.EmbeddedTemplate(e.Id)));
    }

    [Fact]
    public void A_missing_unreadable_or_empty_template_is_named_by_its_edition()
    {
        var faults = TemplatesHealthCheck.Faults(e => e.Id switch
        {
            DocGen.Core.Editions.EditionCatalog.Id2021 => null,
            DocGen.Core.Editions.EditionCatalog.Id2019 => "not a docx"u8.ToArray(),
            _ => DocGen.Core.Word.TemplateBuilder.Build(e) is var t ? Stripped(t) : null,
        });
        Assert.Equal(3, faults.Count);
        Assert.Contains("2021版本没有模板", faults);
        Assert.Contains("2019版本的模板不是可读取的Word文档", faults);
        Assert.Contains(faults, f => f.EndsWith("的模板没有内容控件", StringComparison.Ordinal));
    }

    /// <summary>A real template with its content controls taken out (a restyle that lost them).</summary>
    private static byte[] Stripped(byte[] template)
    {
        using var ms = new MemoryStream();
        ms.Write(template);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(ms, true))
            foreach (var sdt in doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SdtElement>().ToList())
                sdt.Remove();
        return ms.ToArray();
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
