using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocGen.Core.Excel;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Functions.Tests;

/// <summary>POST /api/reports/import with a workbook over real HTTP on 127.0.0.1: every cell back; an encrypted workbook is 400 with its code; nothing stored.</summary>
public sealed class ImportWorkbookApiTests : IAsyncLifetime
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly string _data = Directory.CreateTempSubdirectory("docgen-import-xlsx-api-").FullName;
    private RunningService _service = null!;

    public async Task InitializeAsync() =>
        _service = await RunningService.StartAsync(new Dictionary<string, string?> { [DocGen.Storage.StorageSettings.Root] = _data });

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        Directory.Delete(_data, true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> Post(byte[] body)
    {
        using var client = _service.Client(RunningService.KeyA);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(XlsxType);
        var response = await client.PostAsync("/api/reports/import", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_workbook_body_answers_the_report_json_with_every_cell()
    {
        var sample = ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "2020-luoyang-jili-district.json"))).Report!;
        var (status, json) = await Post(WorkbookWriter.Render(sample));
        Assert.Equal(HttpStatusCode.OK, status);
        var report = ReportJsonReader.Read(Encoding.UTF8.GetBytes(json.GetProperty("report").GetRawText())).Report!;
        Assert.Equal((sample.Edition, sample.Agency, sample.Year), (report.Edition, report.Agency, report.Year));
        foreach (var (id, table) in sample.Tables)
            foreach (var (row, cells) in table.Rows)
                Assert.Equal(cells, report.Tables[id].Rows[row]);
        Assert.Empty(Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_encrypted_workbook_gets_400_with_its_code()
    {
        var encrypted = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "DocGen.Core.Tests", "Excel", "Fixtures", "encrypted.xlsx"));
        var (status, json) = await Post(encrypted);
        Assert.Equal((HttpStatusCode.BadRequest, "PACKAGE_ENCRYPTED"), (status, json.GetProperty("code").GetString()));
        Assert.DoesNotContain("   at ", json.GetRawText());
        Assert.Empty(Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories));
    }
}
