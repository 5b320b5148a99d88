using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;
using DocGen.Core.Word;
using DocGen.Functions.Tests;
using DocGen.Storage;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DocGen.Web.Tests;

/// <summary>The page in a real browser over the real service: typing, checks, paste, preview, submit, draft.</summary>
[Collection(PageCollection.Name)]
public sealed class PageTests(PageFixture service, ITestOutputHelper output)
{
    private const string SampleName = "2024-taiyuan-wanbailin-district.json";
    private string SamplePath => service.Sample(SampleName);
    private static string NewRequestsNatural => WordTags.Cell("requests", "newRequests", "natural");

    private async Task<JsonElement> EditionAsync(string id)
    {
        using var client = service.Client(null);
        return JsonDocument.Parse(await client.GetStringAsync($"/api/editions/{id}")).RootElement.Clone();
    }

    private Task<(IBrowserContext Browser, PageDriver Page)> OpenAsync() => service.OpenPageAsync(output.WriteLine);

    /// <summary>Opens the sample through the upload control (report JSON is read in the page).</summary>
    private static async Task LoadSampleAsync(PageDriver page, string path)
    {
        await page.Page.SetInputFilesAsync("#upload", path);
        await page.WaitForMessageAsync("预填");
    }

    private static readonly string[] RequestColumns = ["natural", "commercial", "research", "publicInterest", "legalService", "other", "total"];

    /// <summary>Types one row of table 三 whose total is off by one: its row lane fails (a blank lane is not checked).</summary>
    private static async Task TypeWrongRowAsync(PageDriver page, string rowKey)
    {
        for (int c = 0; c < RequestColumns.Length; c++)
            await page.Cell(WordTags.Cell("requests", rowKey, RequestColumns[c])).FillAsync(c < 6 ? "1" : "7");
    }

    [Fact]
    public async Task Table_three_of_2021_is_drawn_from_the_published_layout_with_its_merges_and_labels()
    {
        var edition = await EditionAsync("2021");
        var requests = edition.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "requests");
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2024");

        var inputs = page.Page.Locator("table[data-table=requests] input[data-cell]");
        Assert.Equal(175, await inputs.CountAsync());
        // Every merged cell of the published layout is drawn with its spans and its text.
        var drawn = await page.Page.EvalOnSelectorAllAsync<string[]>("table[data-table=requests] th",
            "cells => cells.map(c => `${c.rowSpan}x${c.colSpan}:${c.textContent}`)");
        var published = requests.GetProperty("layout").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Where(c => c.GetProperty("role").GetString() != "data")
            .Select(c => $"{c.GetProperty("rowSpan").GetInt32()}x{c.GetProperty("colSpan").GetInt32()}:{c.GetProperty("text").GetString()}").ToArray();
        Assert.Equal(published, drawn);
        Assert.Contains("8x1:（三）不予公开", drawn);
        // Each value input is labelled with its row labels and its column label.
        string label = (await page.Cell(WordTags.Cell("requests", "withheldStateSecret", "commercial")).GetAttributeAsync("aria-label"))!;
        Assert.Equal("表三 三、本年度办理结果 （三）不予公开 1.属于国家秘密 商业企业", label);
        // 2019 has a single （六）其他处理 row: the table follows the year.
        await page.Page.FillAsync("#year", "2020");
        Assert.Equal("2019", await page.Page.InputValueAsync("#edition"));
        var rows2019 = (await EditionAsync("2019")).GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == "requests").GetProperty("rows").GetArrayLength();
        Assert.Equal(rows2019 * 7, await inputs.CountAsync());
        Assert.Equal(1, await page.Page.Locator("input[data-cell=\"cell:requests:otherHandling:natural\"]").CountAsync());
    }

    [Fact]
    public async Task A_whole_sample_typed_in_and_submitted_is_stored_as_the_sample()
    {
        var sampleBytes = await File.ReadAllBytesAsync(SamplePath);
        var sample = JsonDocument.Parse(sampleBytes).RootElement;
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.SignInAsync(PageFixture.Key);
        await page.TypeReportAsync(sample, await EditionAsync(sample.GetProperty("edition").GetString()!));
        Assert.Equal("表格勾稽关系全部相符。", await page.Page.TextContentAsync("#check-summary"));

        await page.Page.ClickAsync("#submit");
        await page.WaitForMessageAsync("报告已生成并保存");

        var stored = await service.Repository.ListReportsAsync(PageFixture.Agency, 2024);
        var manifest = Assert.Single(stored);
        await using var input = (await service.Repository.OpenFileAsync(manifest.ReportId, ReportFileNames.Input))!;
        using var reader = new StreamReader(input, Encoding.UTF8);
        string expected = Encoding.UTF8.GetString(ReportJsonWriter.Write(ReportJsonReader.Read(sampleBytes).Report!));
        Assert.Equal(expected, await reader.ReadToEndAsync());
        // The stored report is listed with its documents, and the signed PDF is taken for the archive.
        var row = page.Page.Locator($"#stored tr[data-report=\"{manifest.ReportId}\"]");
        await row.WaitForAsync();
        var download = await page.Page.RunAndWaitForDownloadAsync(() => row.Locator("button", new() { HasText = "下载PDF" }).ClickAsync());
        var signedPath = Path.Combine(Path.GetTempPath(), $"signed-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(signedPath);
        var pdf = await service.Client().GetByteArrayAsync($"/api/reports/{manifest.ReportId}/pdf");
        Assert.Equal(pdf, await File.ReadAllBytesAsync(signedPath));
        var docx = await page.Page.RunAndWaitForDownloadAsync(() => row.Locator("button", new() { HasText = "下载Word" }).ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename);
        await page.Page.SetInputFilesAsync($"#stored tr[data-report=\"{manifest.ReportId}\"] input[type=file]", signedPath);
        await page.WaitForMessageAsync("签章版PDF已归档为第1版");
        File.Delete(signedPath);
    }

    [Fact]
    public async Task A_broken_rule_is_marked_on_its_cells_with_the_validators_words_and_goes_when_fixed()
    {
        // What the validator says about the sample with one figure changed.
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(SamplePath))!;
        broken["tables"]!["requests"]!["newRequests"]![0] = 97;
        var edition = DocGen.Core.Editions.EditionCatalog.Edition2021;
        var ruleCodes = edition.Tables.SelectMany(t => t.Rules).Select(r => r.Code).ToHashSet();
        var expected = ReportValidator.Validate(ReportJsonReader.Read(Encoding.UTF8.GetBytes(broken.ToJsonString())).Report!)
            .Where(f => ruleCodes.Contains(f.Code)).Select(f => f.Message).Order().ToArray();
        Assert.NotEmpty(expected);

        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await LoadSampleAsync(page, SamplePath);
        Assert.Equal(0, await page.Page.Locator("input.failing").CountAsync());

        var cell = page.Cell(NewRequestsNatural);
        await cell.FillAsync("97");
        var shown = (await page.Page.Locator(".lane-failures[data-table=requests] li").AllTextContentsAsync()).Order().ToArray();
        Assert.Equal(expected, shown);
        string title = (await cell.GetAttributeAsync("title"))!;
        foreach (var message in expected) Assert.Contains(message, title);
        // The cells on the other side of the lane carry the same message.
        string balance = expected.Single(m => m.Contains("自然人列"));
        Assert.Contains(balance, (await page.Cell(WordTags.Cell("requests", "resultTotal", "natural")).GetAttributeAsync("title"))!);
        Assert.Contains(balance, (await page.Cell(WordTags.Cell("requests", "carriedForward", "natural")).GetAttributeAsync("title"))!);
        Assert.Equal("true", await cell.GetAttributeAsync("aria-invalid"));
        Directory.CreateDirectory(ScreenshotFolder);
        await page.Page.Locator("section.part[data-pointer=\"/sections/2\"]").ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "page-failing-check.png") });

        // The full validator before submit: its finding is shown next to the cell it points at.
        await page.SignInAsync(PageFixture.Key);
        await page.Page.ClickAsync("#submit");
        await page.WaitForMessageAsync("个错误，请按标注修改后再提交");
        var note = page.Page.Locator($"td:has(input[data-cell=\"{NewRequestsNatural}\"]) .finding-note");
        Assert.Contains("BALANCE_MISMATCH", await note.First.TextContentAsync());
        await page.Page.SetViewportSizeAsync(1280, 800);
        await cell.FocusAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "page-1280x800.png") });

        await cell.FillAsync("96");
        Assert.Equal(0, await page.Page.Locator("input.failing").CountAsync());
        Assert.Equal(0, await page.Page.Locator(".lane-failures li").CountAsync());
        Assert.Equal("", await cell.GetAttributeAsync("title"));
        Assert.Null(await cell.GetAttributeAsync("aria-invalid"));
    }

    /// <summary>Screenshots land in the test output; set DOCGEN_PAGE_SCREENSHOTS to put them elsewhere (docs/images).</summary>
    private static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("DOCGEN_PAGE_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task A_block_of_seven_by_four_cells_pasted_from_a_spreadsheet_fills_the_block()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2024");
        string[] rows = ["newRequests", "carriedOver", "granted", "partlyGranted"];
        string[] columns = RequestColumns;
        // Excel and WPS copy a block as tab-separated lines ending in CRLF.
        string block = string.Concat(rows.Select((_, r) => string.Join('\t', columns.Select((_, c) => (r * 10 + c).ToString())) + "\r\n"));
        await page.Page.EvaluateAsync("text => navigator.clipboard.writeText(text)", block);
        await page.Cell(NewRequestsNatural).FocusAsync();
        await page.Page.Keyboard.PressAsync("Control+V");

        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < columns.Length; c++)
                Assert.Equal((r * 10 + c).ToString(), await page.Cell(WordTags.Cell("requests", rows[r], columns[c])).InputValueAsync());
        Assert.Equal("", await page.Cell(WordTags.Cell("requests", "withheldStateSecret", "natural")).InputValueAsync());
        // The pasted figures are checked at once: each full row's total is off; lanes with blank cells wait.
        var failures = await page.Page.Locator(".lane-failures[data-table=requests] li").AllTextContentsAsync();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("总计为6，自然人至其他六列之和为15"));
        Assert.Contains("尚未核对", await page.Page.TextContentAsync("#check-summary"));

        // On a tablet held upright the page fits the screen's width; only a wide table scrolls inside its frame.
        await page.Page.SetViewportSizeAsync(820, 1180);
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await page.Cell(NewRequestsNatural).FocusAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "page-tablet.png") });
    }

    [Fact]
    public async Task Arrows_Enter_and_Tab_move_between_cells_as_in_a_spreadsheet()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2024");
        await page.Cell(NewRequestsNatural).FocusAsync();
        async Task<string?> Focused() => await page.Page.EvaluateAsync<string?>("() => document.activeElement?.dataset.cell ?? null");
        await page.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(WordTags.Cell("requests", "newRequests", "commercial"), await Focused());
        await page.Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(WordTags.Cell("requests", "carriedOver", "commercial"), await Focused());
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.Equal(WordTags.Cell("requests", "granted", "commercial"), await Focused());
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.Equal(WordTags.Cell("requests", "granted", "research"), await Focused());
        await page.Page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(WordTags.Cell("requests", "carriedOver", "research"), await Focused());
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(WordTags.Cell("requests", "carriedOver", "commercial"), await Focused());
    }

    [Fact]
    public async Task Preview_returns_a_pdf_and_stores_nothing()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.SignInAsync(PageFixture.Key);
        await LoadSampleAsync(page, SamplePath);
        var before = service.StoredFiles();
        var listedBefore = await service.Client().GetFromJsonAsync<JsonElement>("/api/reports");

        var response = await page.Page.RunAndWaitForResponseAsync(() => page.Page.ClickAsync("#preview"), r => r.Url.EndsWith("/api/reports/preview"));
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        await page.WaitForMessageAsync("预览已生成，未保存任何内容");
        Assert.True(await page.Page.IsVisibleAsync("#preview-link"));
        // What the page holds behind its preview link is the PDF.
        string head = await page.Page.EvaluateAsync<string>(
            "async () => new TextDecoder().decode((await (await fetch(document.querySelector('#preview-link').href)).arrayBuffer()).slice(0, 5))");
        Assert.Equal("%PDF-", head);

        Assert.Equal(before, service.StoredFiles());
        var listed = await service.Client().GetFromJsonAsync<JsonElement>("/api/reports");
        Assert.Equal(listedBefore.GetProperty("reports").GetArrayLength(), listed.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task The_draft_survives_a_reload()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2024");
        await page.Page.FillAsync("#agency", "某县人民政府");
        await page.Page.ClickAsync("#preface > .add-bar [data-add=point]");
        await page.Page.FillAsync("#preface .block input[data-field=lead]", "1.及时发布权威信息。");
        await page.Page.FillAsync("#preface .block textarea[data-field=text]", "全年发布信息1639条。");
        await TypeWrongRowAsync(page, "newRequests");
        await page.Page.WaitForFunctionAsync("() => (localStorage.getItem('docgen.draft.v1') ?? '').includes('\"7\"')");

        await page.Page.ReloadAsync();
        await page.Page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Equal("2024", await page.Page.InputValueAsync("#year"));
        Assert.Equal("某县人民政府", await page.Page.InputValueAsync("#agency"));
        Assert.Equal("1.及时发布权威信息。", await page.Page.InputValueAsync("#preface .block input[data-field=lead]"));
        Assert.Equal("全年发布信息1639条。", await page.Page.InputValueAsync("#preface .block textarea[data-field=text]"));
        Assert.Equal("7", await page.Cell(WordTags.Cell("requests", "newRequests", "total")).InputValueAsync());
        // The check is recomputed on load: six ones do not make seven.
        Assert.True(await page.Cell(NewRequestsNatural).EvaluateAsync<bool>("e => e.classList.contains('failing')"));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_clearly_and_the_page_keeps_working()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.SignInAsync("not-a-key");
        Assert.Contains("API密钥无效", await page.MessageAsync());
        Assert.Contains("API_KEY_INVALID", await page.MessageAsync());
        Assert.True(await page.Page.IsVisibleAsync("#signin-form"));
        Assert.Null(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('docgen.apiKey')"));

        await page.Page.FillAsync("#year", "2024");
        await TypeWrongRowAsync(page, "newRequests");
        Assert.Equal(1, await page.Page.Locator(".lane-failures[data-table=requests] li").CountAsync());
        await page.SignInAsync(PageFixture.Key);
        await page.WaitForMessageAsync($"已登录：{PageFixture.Agency}");
        Assert.Equal(PageFixture.Key, await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('docgen.apiKey')"));
    }

    [Fact]
    public async Task Once_loaded_the_page_works_offline_and_says_so_when_the_service_is_needed()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.SignInAsync(PageFixture.Key);
        await LoadSampleAsync(page, SamplePath);
        await browser.SetOfflineAsync(true);
        await page.Cell(NewRequestsNatural).FillAsync("97");
        Assert.Equal(2, await page.Page.Locator(".lane-failures[data-table=requests] li").CountAsync());
        await page.Cell(NewRequestsNatural).FillAsync("abc");
        Assert.True(await page.Cell(NewRequestsNatural).EvaluateAsync<bool>("e => e.classList.contains('unreadable')"));
        Assert.Contains("无法识别的数值", (await page.Cell(NewRequestsNatural).GetAttributeAsync("title"))!);
        await page.Page.ClickAsync("#preview");
        await page.WaitForMessageAsync("无法连接服务");
        await browser.SetOfflineAsync(false);
        await page.Cell(NewRequestsNatural).FillAsync("96");
        await page.Page.ClickAsync("#preview");
        await page.WaitForMessageAsync("预览已生成");
    }

    [Fact]
    public async Task The_compiling_offices_key_signs_in_and_lists_the_named_agencys_reports()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#agency", PageFixture.Agency);
        await page.SignInAsync(RunningService.AdminKey);
        await page.WaitForMessageAsync("编制机关");
        Assert.Equal("编制机关", await page.Page.TextContentAsync("#who"));
        Assert.False(await page.Page.IsVisibleAsync("#signin-form"));
        await page.Page.ClickAsync("#signout");
        Assert.True(await page.Page.IsVisibleAsync("#signin-form"));
        Assert.Null(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('docgen.apiKey')"));
    }

    [Fact]
    public async Task An_oversize_signed_pdf_is_refused_clearly_and_the_page_keeps_working()
    {
        // A report of this test's own to upload against.
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(SamplePath))!;
        sample["year"] = 2023;
        sample["publicationDate"] = "2024-01-20";
        using var client = service.Client();
        var created = await client.PostAsync("/api/reports", new StringContent(sample.ToJsonString(), Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        string id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.SignInAsync(PageFixture.Key);
        await page.Page.WaitForSelectorAsync($"#stored tr[data-report=\"{id}\"]");
        var big = Path.Combine(Path.GetTempPath(), $"oversize-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(big, [.. "%PDF-1.7\n"u8, .. new byte[21 * 1024 * 1024]]);
        try
        {
            await page.Page.SetInputFilesAsync($"#stored tr[data-report=\"{id}\"] input[type=file]", big);
            await page.WaitForMessageAsync("BODY_TOO_LARGE");
            Assert.Contains("上传签章版PDF失败", await page.MessageAsync());
        }
        finally { File.Delete(big); }
        await TypeWrongRowAsync(page, "granted");
        Assert.Equal(1, await page.Page.Locator(".lane-failures[data-table=requests] li").CountAsync());
    }

    [Fact]
    public async Task Keystroke_to_check_time_over_the_200_inputs_of_the_2021_tables_is_measured()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await LoadSampleAsync(page, SamplePath);
        int inputs = await page.Page.Locator("input[data-cell]").CountAsync();
        Assert.True(inputs >= 200, $"{inputs} value inputs");
        await page.Page.EvaluateAsync("() => { window.docgenTimings.length = 0; }");
        var cell = page.Cell(WordTags.Cell("requests", "granted", "natural"));
        await cell.ClickAsync();
        for (int i = 0; i < 30; i++)
        {
            await page.Page.Keyboard.PressAsync("End");
            await page.Page.Keyboard.PressAsync(i % 2 == 0 ? "1" : "Backspace");
        }
        await page.Page.WaitForFunctionAsync("() => window.docgenTimings.length >= 30");
        var checkedMs = await page.Page.EvaluateAsync<double[]>("() => window.docgenTimings.map(t => t.checked)");
        var paintedMs = await page.Page.EvaluateAsync<double[]>("() => window.docgenTimings.map(t => t.painted)");
        string line = $"keystroke→check over {inputs} inputs, {checkedMs.Length} keystrokes: checked median {Median(checkedMs):F2} ms, max {checkedMs.Max():F2} ms; painted median {Median(paintedMs):F2} ms, max {paintedMs.Max():F2} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(30, checkedMs.Length);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
