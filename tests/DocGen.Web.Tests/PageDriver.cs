using System.Text.Json;
using Microsoft.Playwright;

namespace DocGen.Web.Tests;

/// <summary>What a clerk does on the page, step by step, through the page's own controls.</summary>
public sealed class PageDriver(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(Uri baseAddress)
    {
        await page.GotoAsync(baseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");
    }

    public async Task SignInAsync(string key)
    {
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#message')?.textContent.length > 0");
    }

    public Task<string> MessageAsync() => page.TextContentAsync("#message").ContinueWith(t => t.Result ?? "");

    public async Task WaitForMessageAsync(string contains)
    {
        await page.WaitForFunctionAsync("text => document.querySelector('#message')?.textContent.includes(text)", contains,
            new() { Timeout = 60_000 });
    }

    public ILocator Cell(string tag) => page.Locator($"input[data-cell=\"{tag}\"]");

    /// <summary>Types a whole report in: title data, preface and sections block by block, then every table cell.</summary>
    public async Task TypeReportAsync(JsonElement report, JsonElement edition)
    {
        await page.FillAsync("#year", report.GetProperty("year").GetRawText());
        await page.SelectOptionAsync("#edition", report.GetProperty("edition").GetString()!);
        await page.FillAsync("#agency", report.GetProperty("agency").GetString()!);
        if (report.TryGetProperty("title", out var title)) await page.FillAsync("#title", title.GetString()!);
        if (report.TryGetProperty("publicationDate", out var date)) await page.FillAsync("#publicationDate", date.GetString()!);
        if (report.TryGetProperty("contact", out var contact))
            foreach (var field in contact.EnumerateObject())
                await page.FillAsync($"[data-contact={field.Name}]", field.Value.GetString()!);

        await TypeBlocksAsync(page.Locator("#preface"), report.GetProperty("preface"));
        int i = 0;
        foreach (var section in report.GetProperty("sections").EnumerateArray())
        {
            var part = page.Locator($"section.part[data-pointer=\"/sections/{i}\"] > div").First;
            await TypeBlocksAsync(part, section.GetProperty("blocks"));
            i++;
        }
        foreach (var table in edition.GetProperty("tables").EnumerateArray())
        {
            var rows = report.GetProperty("tables").GetProperty(table.GetProperty("id").GetString()!);
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var cells = rows.GetProperty(row.GetProperty("key").GetString()!).EnumerateArray().ToArray();
                var columns = row.GetProperty("columns").EnumerateArray().ToArray();
                for (int c = 0; c < columns.Length; c++)
                {
                    string tag = $"cell:{table.GetProperty("id").GetString()}:{row.GetProperty("key").GetString()}:{columns[c].GetProperty("key").GetString()}";
                    await Cell(tag).FillAsync(CellText(cells[c]));
                }
            }
        }
    }

    /// <summary>The text a clerk types for a JSON cell: the number as written, "/" or nothing.</summary>
    public static string CellText(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Number => cell.GetRawText(),
        JsonValueKind.String => cell.GetString()!,
        _ => cell.GetProperty("value").GetRawText() + cell.GetProperty("unit").GetString(),
    };

    /// <summary>Adds each block with the list's own add buttons and types its text.</summary>
    private async Task TypeBlocksAsync(ILocator container, JsonElement blocks)
    {
        int n = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            n++;
            var bar = container.Locator(":scope > .add-bar");
            var item = container.Locator($":scope > .block-list > li:nth-child({n})");
            switch (block.ValueKind)
            {
                case JsonValueKind.String:
                    await bar.Locator("[data-add=paragraph]").ClickAsync();
                    await item.Locator(":scope > textarea").FillAsync(block.GetString()!);
                    break;
                case JsonValueKind.Object when block.TryGetProperty("heading", out var heading):
                    await bar.Locator("[data-add=subsection]").ClickAsync();
                    await item.Locator(":scope > input[data-field=heading]").FillAsync(heading.GetString()!);
                    await TypeBlocksAsync(item.Locator(":scope > div.blocks"), block.GetProperty("blocks"));
                    break;
                default:
                    await bar.Locator("[data-add=point]").ClickAsync();
                    await item.Locator(":scope > input[data-field=lead]").FillAsync(block.GetProperty("lead").GetString()!);
                    await item.Locator(":scope > textarea[data-field=text]").FillAsync(block.GetProperty("text").GetString()!);
                    break;
            }
        }
    }
}
