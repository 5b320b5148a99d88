using DocGen.Core.Editions;
using DocGen.Core.Excel;
using DocGen.Core.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Core.Tests.Excel;

public class WorkbookTemplateTests
{
    public static TheoryData<string> Editions => new(EditionCatalog.All.Where(WorkbookWriter.HasWorkbook).Select(e => e.Id));

    [Fact]
    public void Committed_workbook_templates_are_the_builders_output()
    {
        if (Environment.GetEnvironmentVariable("DOCGEN_UPDATE_TEMPLATES") == "1") foreach (var (name, build) in WorkbookWriter.Templates()) File.WriteAllBytes(Path.Combine(RepoPaths.Templates, name), build());
        Assert.Equal([EditionCatalog.Id2021, EditionCatalog.Id2019], EditionCatalog.All.Where(WorkbookWriter.HasWorkbook).Select(e => e.Id));
        foreach (var edition in EditionCatalog.All.Where(WorkbookWriter.HasWorkbook))
        {
            var path = Path.Combine(RepoPaths.Templates, WorkbookWriter.FileName(edition));
            Assert.True(File.Exists(path), $"{path} missing: run `docgen template build` (or this test with DOCGEN_UPDATE_TEMPLATES=1)");
            Assert.True(WorkbookWriter.Template(edition).AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} is stale: rebuild the templates");
        }
        Assert.False(File.Exists(Path.Combine(RepoPaths.Templates, "annual-report-legacy.xlsx")));
    }

    [Fact]
    public void Legacy_reports_have_no_workbook_because_they_have_no_mandated_tables()
    {
        var legacy = XlsxTestKit.Sample("2016-gaoping-city.json");
        Assert.Empty(legacy.Tables);
        var e = Assert.Throws<DocGenException>(() => WorkbookWriter.Render(legacy));
        Assert.Equal("WORKBOOK_NOT_FOR_EDITION", e.Code);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Template_passes_the_OpenXml_validator_and_has_the_official_layout(string id)
    {
        var edition = EditionCatalog.Find(id)!;
        var xlsx = WorkbookWriter.Template(edition);
        XlsxTestKit.AssertValid(xlsx);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = doc.WorkbookPart!;
        var names = book.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToArray();
        Assert.Equal(edition.Tables.Select(t => t.Name).Prepend(WorkbookLayout.TitleSheetName), names);
        var strings = book.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray();
        var xfs = book.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToArray();
        Assert.True(book.Workbook.CalculationProperties!.FullCalculationOnLoad!.Value);

        foreach (var sheet in WorkbookLayout.TableSheets(edition))
        {
            var ws = Worksheet(book, sheet.SheetName);
            var cells = ws.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            var merges = ws.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToHashSet();
            var protection = ws.GetFirstChild<SheetProtection>()!;
            Assert.True(protection.Sheet!.Value);
            Assert.Null(protection.Password);
            Assert.Null(protection.HashValue);
            var validated = ws.Descendants<DataValidation>().ToList();
            foreach (var (layout, row, col) in sheet.Cells())
            {
                string a = CellAddress.Of(row, col);
                var cell = cells[a];
                bool locked = xfs[(int)cell.StyleIndex!.Value].Protection?.Locked?.Value ?? true;
                if (layout.ColSpan > 1 || layout.RowSpan > 1)
                    Assert.Contains(CellAddress.Range(row, col, row + layout.RowSpan - 1, col + layout.ColSpan - 1), merges);
                if (layout.Data is { } data)
                {
                    Assert.False(locked, $"{sheet.SheetName}!{a} is a value cell and must be unlocked");
                    Assert.Null(cell.CellValue);
                    var kind = sheet.Table.Row(data.RowKey)!.Columns[data.Column].Kind;
                    var rule = Assert.Single(validated, v => Covers(v.SequenceOfReferences!.InnerText!, row, col));
                    Assert.Equal(DataValidationValues.Custom, rule.Type!.Value);
                    string formula = rule.Formula1!.Text;
                    Assert.Contains("=\"/\"", formula);
                    Assert.Contains(kind == ValueKind.Change ? "INT(" : ">=0", formula);
                    if (kind == ValueKind.Money) Assert.Contains(",2)", formula);
                }
                else
                {
                    Assert.True(locked, $"{sheet.SheetName}!{a} is a label and must be locked");
                    Assert.Equal(layout.Text, strings[int.Parse(cell.CellValue!.Text)]);
                }
            }
            // One check line per lane of every rule, each a formula; a conditional format per rule.
            var lines = WorkbookChecks.Lines(sheet);
            Assert.Equal(sheet.Table.Rules.Sum(r => r.Lanes.Count), lines.Count);
            int formulas = ws.Descendants<CellFormula>().Count();
            Assert.Equal(3 * lines.Count, formulas);
            Assert.Equal(sheet.Table.Rules.Count, ws.Elements<ConditionalFormatting>().Count());
        }

        var title = Worksheet(book, WorkbookLayout.TitleSheetName);
        var titleTexts = title.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.SharedString).Select(c => strings[int.Parse(c.CellValue!.Text)]).ToList();
        Assert.All(WorkbookLayout.TitleFields, f => Assert.Contains(f.Label, titleTexts));
        Assert.Contains(edition.Id, titleTexts);
    }

    [Fact]
    public void Filled_workbooks_of_the_samples_pass_the_OpenXml_validator()
    {
        foreach (var name in XlsxTestKit.SampleNames())
        {
            var report = XlsxTestKit.Sample(name);
            if (!WorkbookWriter.HasWorkbook(EditionCatalog.Find(report.Edition)!)) continue;
            var xlsx = WorkbookWriter.Render(report);
            XlsxTestKit.AssertValid(xlsx);
            Assert.True(xlsx.AsSpan().SequenceEqual(WorkbookWriter.Render(report)), $"{name}: same report, different bytes");
        }
    }

    private static Worksheet Worksheet(WorkbookPart book, string name)
    {
        var sheet = book.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)book.GetPartById(sheet.Id!.Value!)).Worksheet!;
    }

    private static bool Covers(string sqref, int row, int col) => sqref.Split(' ').Any(range =>
    {
        var ends = range.Split(':');
        CellAddress.TryParse(ends[0], out int r0, out int c0);
        int r1 = r0, c1 = c0;
        if (ends.Length == 2) CellAddress.TryParse(ends[1], out r1, out c1);
        return row >= r0 && row <= r1 && col >= c0 && col <= c1;
    });
}
