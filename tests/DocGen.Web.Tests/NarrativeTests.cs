using System.Text.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Word;

namespace DocGen.Web.Tests;

/// <summary>Editing the narrative (add, remove, reorder), starting from last year's report, and the departments' workbook.</summary>
[Collection(PageCollection.Name)]
public sealed class NarrativeTests(PageFixture service)
{
    private const string DraftKey = "docgen.draft.v1";

    private Task<(Microsoft.Playwright.IBrowserContext Browser, PageDriver Page)> OpenAsync() => service.OpenPageAsync();

    private static async Task<JsonElement> DraftAsync(PageDriver page)
    {
        await page.Page.WaitForTimeoutAsync(400); // the draft is written 250 ms after the last change
        return JsonDocument.Parse(await page.Page.EvaluateAsync<string>($"() => localStorage.getItem('{DraftKey}')")).RootElement;
    }

    [Fact]
    public async Task Blocks_are_added_removed_and_reordered_and_subsections_hold_their_own_blocks()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2024");
        var overview = page.Page.Locator("section.part[data-pointer=\"/sections/0\"] > div").First;
        foreach (var text in new[] { "甲", "乙", "丙" })
        {
            await overview.Locator(":scope > .add-bar [data-add=paragraph]").ClickAsync();
            await overview.Locator(":scope > .block-list > li:last-child > textarea").FillAsync(text);
        }
        // Move 丙 up, then remove 甲.
        await overview.Locator(":scope > .block-list > li:nth-child(3) button[aria-label^=上移]").ClickAsync();
        await overview.Locator(":scope > .block-list > li:nth-child(1) button[aria-label^=删除]").ClickAsync();
        await overview.Locator(":scope > .add-bar [data-add=subsection]").ClickAsync();
        var sub = overview.Locator(":scope > .block-list > li:nth-child(3)");
        await sub.Locator(":scope > input[data-field=heading]").FillAsync("（一）主动公开");
        await sub.Locator(":scope > div.blocks > .add-bar [data-add=point]").ClickAsync();
        await sub.Locator("input[data-field=lead]").FillAsync("1.及时发布。");
        await sub.Locator("textarea[data-field=text]").FillAsync("全年发布信息。");

        var blocks = (await DraftAsync(page)).GetProperty("sections")[0].GetProperty("blocks");
        Assert.Equal(3, blocks.GetArrayLength());
        Assert.Equal("丙", blocks[0].GetProperty("text").GetString());
        Assert.Equal("乙", blocks[1].GetProperty("text").GetString());
        Assert.Equal("subsection", blocks[2].GetProperty("type").GetString());
        Assert.Equal("（一）主动公开", blocks[2].GetProperty("heading").GetString());
        Assert.Equal("1.及时发布。", blocks[2].GetProperty("blocks")[0].GetProperty("lead").GetString());
        // The inputs say where they are for screen readers.
        Assert.Equal("一、总体情况第3项小节第1项要点的加粗首句", await sub.Locator("input[data-field=lead]").GetAttributeAsync("aria-label"));
    }

    [Fact]
    public async Task A_legacy_report_has_free_sections_that_are_added_removed_and_reordered()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2016");
        Assert.Equal("legacy", await page.Page.InputValueAsync("#edition"));
        Assert.Equal(0, await page.Page.Locator("input[data-cell]").CountAsync());
        int before = await page.Page.Locator("section.part").CountAsync();
        await page.Page.ClickAsync("#add-section");
        await page.Page.Locator("section.part").Last.Locator("input[aria-label$=章标题]").FillAsync("七、附则");
        await page.Page.Locator("section.part").Last.Locator("button[aria-label^=上移]").ClickAsync();
        var sections = (await DraftAsync(page)).GetProperty("sections");
        Assert.Equal(before + 1, sections.GetArrayLength());
        Assert.Equal("七、附则", sections[before - 1].GetProperty("heading").GetString());
        await page.Page.Locator($"section.part[data-pointer=\"/sections/{before - 1}\"] button[aria-label^=删除]").ClickAsync();
        Assert.Equal(before, (await DraftAsync(page)).GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task Last_years_report_starts_this_year_with_its_carried_forward_figures_in_carried_over()
    {
        var sample = JsonDocument.Parse(await File.ReadAllTextAsync(service.Sample("2024-taiyuan-wanbailin-district.json"))).RootElement;
        var forward = sample.GetProperty("tables").GetProperty("requests").GetProperty("carriedForward").EnumerateArray().Select(PageDriver.CellText).ToArray();
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.CheckAsync("input[name=prefill-mode][value=last]");
        await page.Page.SetInputFilesAsync("#upload", service.Sample("2024-taiyuan-wanbailin-district.json"));
        await page.WaitForMessageAsync("已从上年报告开始");

        Assert.Equal("2025", await page.Page.InputValueAsync("#year"));
        string[] columns = ["natural", "commercial", "research", "publicInterest", "legalService", "other", "total"];
        for (int c = 0; c < columns.Length; c++)
        {
            Assert.Equal(forward[c], await page.Cell(WordTags.Cell("requests", "carriedOver", columns[c])).InputValueAsync());
            Assert.Equal("", await page.Cell(WordTags.Cell("requests", "newRequests", columns[c])).InputValueAsync());
        }
        // The narrative comes along as a starting point; other tables start empty.
        Assert.Equal(sample.GetProperty("preface")[0].GetString(), await page.Page.InputValueAsync("#preface .block textarea"));
        Assert.Equal("", await page.Page.Locator("input[data-cell^='cell:proactive:licensing:']").InputValueAsync());
    }

    [Fact]
    public async Task The_empty_workbook_downloads_where_the_build_has_one_and_otherwise_says_so()
    {
        var (browser, page) = await OpenAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#year", "2024");
        string template = Path.Combine(RepoPaths.Templates, "annual-report-2021.xlsx");
        if (File.Exists(template))
        {
            var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync("#download-workbook"));
            Assert.Equal("annual-report-2021.xlsx", download.SuggestedFilename);
            string saved = Path.Combine(Path.GetTempPath(), $"wb-{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(saved);
            Assert.Equal(await File.ReadAllBytesAsync(template), await File.ReadAllBytesAsync(saved));
            File.Delete(saved);
        }
        else
        {
            await page.Page.ClickAsync("#download-workbook");
            await page.WaitForMessageAsync("下载填报工作簿失败");
            Assert.Contains("找不到该版本的填报工作簿", await page.MessageAsync());
        }
    }
}
