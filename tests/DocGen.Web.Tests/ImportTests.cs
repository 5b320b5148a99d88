using System.Text;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Word;

namespace DocGen.Web.Tests;

/// <summary>Prefilling the page by uploading a document through POST /api/reports/import, and uploads that fail.</summary>
[Collection(PageCollection.Name)]
public sealed class ImportTests(PageFixture service)
{
    private const string SampleName = "2024-taiyuan-wanbailin-district.json";

    private async Task<(Microsoft.Playwright.IBrowserContext Browser, PageDriver Page)> OpenSignedInAsync()
    {
        var opened = await service.OpenPageAsync();
        await opened.Page.SignInAsync(PageFixture.Key);
        return opened;
    }

    private static string TempFile(string name, byte[] bytes)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("docgen-web-upload-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_word_report_uploaded_prefills_every_cell_and_the_narrative()
    {
        byte[] json = await File.ReadAllBytesAsync(service.Sample(SampleName));
        var report = ReportJsonReader.Read(json).Report!;
        string docx = TempFile("上年报告.docx", WordRenderer.Render(report));
        var before = service.StoredFiles();
        var (browser, page) = await OpenSignedInAsync();
        await using var _ = browser;

        await page.Page.SetInputFilesAsync("#upload", docx);
        await page.WaitForMessageAsync("预填");
        Assert.Equal(report.Agency, await page.Page.InputValueAsync("#agency"));
        Assert.Equal("2024", await page.Page.InputValueAsync("#year"));
        var sample = JsonDocument.Parse(json).RootElement;
        foreach (var table in sample.GetProperty("tables").EnumerateObject())
        {
            var def = DocGen.Core.Editions.EditionCatalog.Edition2021.Table(table.Name)!;
            foreach (var row in table.Value.EnumerateObject())
            {
                var cells = row.Value.EnumerateArray().ToArray();
                for (int c = 0; c < cells.Length; c++)
                    Assert.Equal(PageDriver.CellText(cells[c]),
                        await page.Cell(WordTags.Cell(def, new DocGen.Core.Editions.CellRef(row.Name, c))).InputValueAsync());
            }
        }
        // The .docx holds the preface as DocGen prints it: half-width punctuation between Chinese made full-width.
        Assert.Equal(DocGen.Core.Rendering.Punctuation.Normalise(sample.GetProperty("preface")[0].GetString()!),
            await page.Page.InputValueAsync("#preface .block textarea"));
        Assert.Equal("表格勾稽关系全部相符。", await page.Page.TextContentAsync("#check-summary"));
        Assert.Equal(before, service.StoredFiles());
    }

    [Fact]
    public async Task A_filled_workbook_uploaded_prefills_every_cell_and_the_title_data()
    {
        byte[] json = await File.ReadAllBytesAsync(service.Sample(SampleName));
        var report = ReportJsonReader.Read(json).Report!;
        string xlsx = TempFile("各部门填报.xlsx", DocGen.Core.Excel.WorkbookWriter.Render(report));
        var before = service.StoredFiles();
        var (browser, page) = await OpenSignedInAsync();
        await using var _ = browser;

        await page.Page.SetInputFilesAsync("#upload", xlsx);
        await page.WaitForMessageAsync("预填");
        Assert.Equal(report.Agency, await page.Page.InputValueAsync("#agency"));
        Assert.Equal("2024", await page.Page.InputValueAsync("#year"));
        var sample = JsonDocument.Parse(json).RootElement;
        int compared = 0;
        foreach (var table in sample.GetProperty("tables").EnumerateObject())
        {
            var def = DocGen.Core.Editions.EditionCatalog.Edition2021.Table(table.Name)!;
            foreach (var row in table.Value.EnumerateObject())
            {
                var cells = row.Value.EnumerateArray().ToArray();
                for (int c = 0; c < cells.Length; c++, compared++)
                    Assert.Equal(PageDriver.CellText(cells[c]),
                        await page.Cell(WordTags.Cell(def, new DocGen.Core.Editions.CellRef(row.Name, c))).InputValueAsync());
            }
        }
        Assert.Equal(200, compared); // 表二 10, 表三 175, 表四 15
        Assert.Equal(before, service.StoredFiles());
    }

    [Fact]
    public async Task A_corrupt_workbook_is_refused_with_a_clear_message_and_the_page_keeps_working()
    {
        byte[] corrupt = [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 4000))];
        string path = TempFile("各部门填报.xlsx", corrupt);
        var (browser, page) = await OpenSignedInAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#agency", "某县人民政府");

        await page.Page.SetInputFilesAsync("#upload", path);
        await page.WaitForMessageAsync("读取“各部门填报.xlsx”失败");
        string message = await page.MessageAsync();
        Assert.Matches("（[A-Z_]+）$", message); // the service's stable code
        Assert.Equal("alert", await page.Page.GetAttributeAsync("#message", "role"));
        // Nothing of the draft was replaced.
        Assert.Equal("某县人民政府", await page.Page.InputValueAsync("#agency"));
        await page.Cell(WordTags.Cell("requests", "newRequests", "natural")).FillAsync("5");
        Assert.Equal("5", await page.Cell(WordTags.Cell("requests", "newRequests", "natural")).InputValueAsync());
    }

    [Fact]
    public async Task A_document_that_is_not_a_report_leaves_the_draft_as_it_was_and_lists_what_was_missing()
    {
        string path = TempFile("会议通知.txt", Encoding.UTF8.GetBytes("关于召开会议的通知\n请各单位准时参加。\n"));
        var (browser, page) = await OpenSignedInAsync();
        await using var _ = browser;
        await page.Page.FillAsync("#agency", "某县人民政府");
        await page.Page.SetInputFilesAsync("#upload", path);
        await page.WaitForMessageAsync("未预填；草稿保持不变");
        Assert.Equal("某县人民政府", await page.Page.InputValueAsync("#agency"));
        Assert.True(await page.Page.Locator("#findings li.error").CountAsync() > 0);
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_with_a_clear_message_and_the_page_keeps_working()
    {
        string path = TempFile("很大的报告.docx", new byte[DocGen.Core.Import.ReportImporter.MaxSourceBytes + 1024]);
        var (browser, page) = await OpenSignedInAsync();
        await using var _ = browser;
        await page.Page.SetInputFilesAsync("#upload", path);
        await page.WaitForMessageAsync("BODY_TOO_LARGE");
        Assert.Contains("读取“很大的报告.docx”失败", await page.MessageAsync());
        await page.Page.FillAsync("#year", "2023");
        Assert.Equal("2021", await page.Page.InputValueAsync("#edition"));
    }
}
