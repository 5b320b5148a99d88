using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Word;

namespace DocGen.Functions.Tests;

/// <summary>The service on 127.0.0.1 over a store in a fresh folder, removed afterwards.</summary>
public abstract class ServiceOnDisk : IAsyncLifetime
{
    protected string DataFolder { get; } = Directory.CreateTempSubdirectory("docgen-import-api-").FullName;
    protected RunningService Service { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Service = await RunningService.StartAsync(new Dictionary<string, string?> { [DocGen.Storage.StorageSettings.Root] = DataFolder });

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        Directory.Delete(DataFolder, true);
    }
}

/// <summary>POST /api/reports/import over real HTTP on 127.0.0.1: each format by its content type; bad packages get 400 with a code; nothing is stored.</summary>
public sealed class ImportApiTests : ServiceOnDisk
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static Report Sample(string name) =>
        ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name))).Report!;

    private static ByteArrayContent Body(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private async Task<(HttpStatusCode Status, JsonElement Json, string? Type)> Post(HttpContent content, string? key = RunningService.KeyA)
    {
        using var client = Service.Client(key);
        var response = await client.PostAsync("/api/reports/import", content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_docx_body_answers_the_report_json_and_the_findings()
    {
        var sample = Sample("2021-changzhi-city.json");
        var (status, json, _) = await Post(Body(WordRenderer.Render(sample), DocxType));
        Assert.Equal(HttpStatusCode.OK, status);
        var report = ReportJsonReader.Read(Encoding.UTF8.GetBytes(json.GetProperty("report").GetRawText())).Report!;
        foreach (var (id, table) in sample.Tables)
            foreach (var (row, cells) in table.Rows)
                Assert.Equal(cells, report.Tables[id].Rows[row]);
        Assert.Equal(sample.Agency, report.Agency);
        Assert.Equal(0, json.GetProperty("errors").GetInt32());
        Assert.Equal(json.GetProperty("warnings").GetInt32(), json.GetProperty("findings").GetArrayLength());
        Assert.Empty(Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Html_and_text_bodies_are_read_by_their_content_type()
    {
        var lines = File.ReadAllText(Path.Combine(RepoPaths.Seeds, "004_d63969c0f6426144.txt"));
        var (status, json, _) = await Post(new StringContent(lines, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2021", json.GetProperty("report").GetProperty("edition").GetString());

        string html = "<html><body><script>track()</script><p>" + lines.Replace("\n", "</p><p>") + "</p></body></html>";
        (status, json, _) = await Post(new StringContent(html, Encoding.UTF8, "text/html"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "SCRIPTS_IGNORED");
        Assert.Equal(64142, json.GetProperty("report").GetProperty("tables").GetProperty("proactive").GetProperty("licensing")[0].GetInt32());
    }

    [Fact]
    public async Task Bad_packages_get_400_with_a_code_and_theService_keeps_serving()
    {
        var docx = WordRenderer.Render(Sample("2024-taiyuan-wanbailin-district.json"));
        var (status, json, type) = await Post(Body(docx[..(docx.Length / 2)], DocxType));
        Assert.Equal((HttpStatusCode.BadRequest, "CORRUPT_PACKAGE", "application/problem+json"), (status, json.GetProperty("code").GetString(), type));

        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open())
            for (int i = 0; i < 32; i++) s.Write(new byte[1 << 20]);
        (status, json, _) = await Post(Body(bomb.ToArray(), DocxType));
        Assert.Equal((HttpStatusCode.BadRequest, "ZIP_BOMB"), (status, json.GetProperty("code").GetString()));
        Assert.DoesNotContain("   at ", json.GetRawText());

        (status, json, _) = await Post(Body("<html><body><script>app()</script></body></html>"u8.ToArray(), "text/html"));
        Assert.Equal((HttpStatusCode.BadRequest, "HTML_SCRIPT_ONLY"), (status, json.GetProperty("code").GetString()));

        (status, json, _) = await Post(Body("%PDF-1.7"u8.ToArray(), "application/pdf"));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"), (status, json.GetProperty("code").GetString()));

        (status, json, _) = await Post(Body(docx, DocxType), key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);

        using var client = Service.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        Assert.Empty(Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories));
    }
}

/// <summary>POST /api/reports with a Word document: it is imported, then validated, rendered and stored like its JSON.</summary>
public sealed class GenerateFromDocxTests : ServiceOnDisk
{

    [Fact]
    public async Task A_docx_body_is_generated_and_stored()
    {
        var report = ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024, PublicationDate = new DateOnly(2025, 1, 20) };
        var content = new ByteArrayContent(WordRenderer.Render(report));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var client = Service.Client(RunningService.KeyA);
        var response = await client.PostAsync("/api/reports?formats=pdf", content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        string id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        var pdf = await client.GetAsync($"/api/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        var broken = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        broken.Headers.ContentType = content.Headers.ContentType;
        var bad = await client.PostAsync("/api/reports", broken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("CORRUPT_PACKAGE", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}
