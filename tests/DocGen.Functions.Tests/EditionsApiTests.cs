using System.Net;
using System.Text.Json;
using DocGen.Core.Editions;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Tests;

/// <summary>GET /api/editions[/{id}] publish the editions as the code defines them; preview stores nothing.</summary>
public sealed class EditionsApiTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-editions-").FullName;
    private RunningService _service = null!;

    public async Task InitializeAsync() =>
        _service = await RunningService.StartAsync(new Dictionary<string, string?> { [StorageSettings.Root] = _root });

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        Directory.Delete(_root, true);
    }

    [Fact]
    public async Task Every_edition_is_published_with_its_rows_layout_and_rules_worded_as_the_validator_words_them()
    {
        using var client = _service.Client(null);
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/editions")).RootElement;
        Assert.Equal(EditionCatalog.All.Select(e => e.Id), list.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        foreach (var edition in EditionCatalog.All)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"/api/editions/{edition.Id}")).RootElement;
            var tables = json.GetProperty("tables").EnumerateArray().ToArray();
            Assert.Equal(edition.Tables.Select(t => t.Id), tables.Select(t => t.GetProperty("id").GetString()));
            foreach (var (table, published) in edition.Tables.Zip(tables))
            {
                Assert.Equal(table.Rows.Select(r => r.FullLabel),
                    published.GetProperty("rows").EnumerateArray().Select(r => string.Concat(r.GetProperty("labelPath").EnumerateArray().Select(l => l.GetString()))));
                Assert.Equal(table.Layout.Sum(r => r.Count), published.GetProperty("layout").EnumerateArray().Sum(r => r.GetArrayLength()));
                var lanes = published.GetProperty("rules").EnumerateArray().SelectMany(r => r.GetProperty("lanes").EnumerateArray()).ToArray();
                var expected = table.Rules.SelectMany(rule => rule.Lanes.Select(lane => RuleMessages.Lane(table, rule, lane, "{left}", "{right}")));
                Assert.Equal(expected, lanes.Select(l => l.GetProperty("message").GetString()));
            }
        }
        var requests = JsonDocument.Parse(await client.GetStringAsync("/api/editions/2021")).RootElement.GetProperty("tables")
            .EnumerateArray().Single(t => t.GetProperty("id").GetString() == TableIds.Requests);
        Assert.Equal(175, requests.GetProperty("layout").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Count(c => c.GetProperty("role").GetString() == "data"));
        var unknown = await client.GetAsync("/api/editions/1999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("1999", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preview_answers_a_pdf_and_writes_nothing_and_refuses_a_report_with_errors()
    {
        using var client = _service.Client(RunningService.AdminKey);
        string sample = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "2024-taiyuan-wanbailin-district.json"));
        var response = await client.PostAsync("/api/reports/preview", RunningService.Json(sample));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..5]);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));

        string broken = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "2021-changzhi-city.json"));
        var refused = await client.PostAsync("/api/reports/preview", RunningService.Json(broken));
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("BALANCE_MISMATCH", await refused.Content.ReadAsStringAsync());

        using var anonymous = _service.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/reports/preview", RunningService.Json(sample))).StatusCode);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_page_and_its_modules_are_served_and_an_unknown_file_is_a_clear_404()
    {
        using var client = _service.Client(null);
        var page = await client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/page/js/main.js", await page.Content.ReadAsStringAsync());
        var module = await client.GetAsync("/api/page/js/main.js");
        Assert.Equal("text/javascript", module.Content.Headers.ContentType?.MediaType);
        var missing = await client.GetAsync("/api/page/js/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("NOT_FOUND", await missing.Content.ReadAsStringAsync());
    }
}
