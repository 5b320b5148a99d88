using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Excel;
using DocGen.Core.Import;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellValue = DocGen.Core.Model.CellValue;

namespace DocGen.Core.Tests.Excel;

/// <summary>LibreOffice, which nobody here wrote, opens the workbooks, computes the check formulas and draws their colours.</summary>
public class WorkbookLibreOfficeTests
{
    private const string Wanbailin = "2024-taiyuan-wanbailin-district.json";

    [Fact]
    public void LibreOffice_computes_every_check_cell_as_the_rules_say_and_flags_a_broken_rule()
    {
        using var dir = new TempDir();
        var reports = new Dictionary<string, Report>();
        foreach (var name in XlsxTestKit.SampleNames())
        {
            var r = XlsxTestKit.Sample(name);
            if (r.Edition != EditionCatalog.IdLegacy) reports[Path.GetFileNameWithoutExtension(name)] = r;
        }
        reports["blanks-2021"] = XlsxTestKit.WithBlanks(ReportFactory.Consistent(EditionCatalog.Id2021));
        reports["blanks-2019"] = XlsxTestKit.WithBlanks(ReportFactory.Consistent(EditionCatalog.Id2019));
        foreach (var (stem, report) in reports) File.WriteAllBytes(dir.File(stem + ".xlsx"), WorkbookWriter.Render(report));

        // Break a rule the way a person would: type another figure into a value cell of the workbook.
        var sample = XlsxTestKit.Sample(Wanbailin);
        var natural = sample.Tables[TableIds.Requests].Get("newRequests", 0)!.Value;
        var broken = sample.WithCell(TableIds.Requests, "newRequests", 0, CellValue.Integer((long)natural.Number + 7));
        File.WriteAllBytes(dir.File("broken.xlsx"), WorkbookWriter.Render(sample));
        TypeInto(dir.File("broken.xlsx"), EditionCatalog.Edition2021, TableIds.Requests, new CellRef("newRequests", 0), (long)natural.Number + 7);
        reports["broken"] = broken;

        XlsxTestKit.LibreOffice(dir.Path, XlsxTestKit.CsvAllSheets, reports.Keys.Select(s => dir.File(s + ".xlsx")).ToArray());

        int checkedLines = 0;
        foreach (var (stem, report) in reports)
        {
            foreach (var sheet in WorkbookLayout.TableSheets(EditionCatalog.Find(report.Edition)!))
            {
                var csv = XlsxTestKit.Csv(dir.File($"{stem}-{sheet.SheetName}.csv"));
                var lines = WorkbookChecks.Lines(sheet);
                for (int i = 0; i < lines.Count; i++)
                {
                    var (left, right, result) = Expected(report, lines[i]);
                    var row = csv[TableSheet.FirstRow + i];
                    int c = sheet.CheckColumn - 1;
                    string where = $"{stem} {sheet.SheetName} line {i + 1} “{lines[i].Description}”";
                    Assert.True(row.Length > c + 3, where);
                    Assert.Equal(lines[i].Description, row[c]);
                    Assert.True(left == decimal.Parse(row[c + 1], CultureInfo.InvariantCulture), $"{where}: left {row[c + 1]}, expected {left}");
                    Assert.True(right == decimal.Parse(row[c + 2], CultureInfo.InvariantCulture), $"{where}: right {row[c + 2]}, expected {right}");
                    Assert.True(result == row[c + 3], $"{where}: {row[c + 3]}, expected {result}");
                    checkedLines++;
                }
            }
        }
        Assert.Equal(reports.Values.Sum(r => EditionCatalog.Find(r.Edition)!.Tables.Sum(t => t.Rules.Sum(rule => rule.Lanes.Count))), checkedLines);

        // The cells LibreOffice flags in the broken workbook are the lanes the validator names.
        var requests = EditionCatalog.Edition2021.Table(TableIds.Requests)!;
        var flagged = XlsxTestKit.Csv(dir.File($"broken-{requests.Name}.csv")).Where(r => r.Contains(WorkbookChecks.Mismatch)).Select(r => r.First(f => f.Contains('：'))).ToList();
        Assert.Equal(["“一、本年新收政府信息公开申请数量”行：总计应等于自然人至其他六列之和", "自然人列：一加二之和应等于三（七）加四之和"], flagged);
        var codes = ReportValidator.Validate(broken).Where(f => f.Code.EndsWith("MISMATCH", StringComparison.Ordinal)).Select(f => f.Code).Order().ToList();
        Assert.Equal(["BALANCE_MISMATCH", "ROW_TOTAL_MISMATCH"], codes);
    }

    [Fact]
    public void LibreOffice_paints_a_failed_check_red_and_a_blank_lane_amber()
    {
        using var dir = new TempDir();
        var sample = XlsxTestKit.Sample(Wanbailin);
        File.WriteAllBytes(dir.File("good.xlsx"), WorkbookWriter.Render(sample));
        File.WriteAllBytes(dir.File("broken.xlsx"), WorkbookWriter.Render(sample));
        TypeInto(dir.File("broken.xlsx"), EditionCatalog.Edition2021, TableIds.Reviews, new CellRef("review", 0), 99);
        File.WriteAllBytes(dir.File("blank.xlsx"), WorkbookWriter.Render(sample.WithCell(TableIds.Reviews, "review", 0, CellValue.Blank)));
        XlsxTestKit.LibreOffice(dir.Path, "pdf", dir.File("good.xlsx"), dir.File("broken.xlsx"), dir.File("blank.xlsx"));

        var good = Colours(dir, "good");
        var broken = Colours(dir, "broken");
        var blank = Colours(dir, "blank");
        Assert.Equal((0, 0), good);
        Assert.True(broken.Red > 0 && broken.Amber == 0, $"broken: {broken}");
        Assert.True(blank.Amber > 0 && blank.Red == 0, $"blank: {blank}");
    }

    [Fact]
    public void A_workbook_saved_by_LibreOffice_reads_back_and_a_formula_in_a_value_cell_is_read_by_its_result()
    {
        using var dir = new TempDir();
        var sample = XlsxTestKit.Sample(Wanbailin);
        Directory.CreateDirectory(dir.File("in"));
        File.WriteAllBytes(dir.File("in/plain.xlsx"), WorkbookWriter.Render(sample));
        // An office that adds its figures up in the sheet: 总计 of 行政复议 as a formula, never computed yet.
        var reviews = EditionCatalog.Edition2021.Table(TableIds.Reviews)!;
        File.WriteAllBytes(dir.File("in/formula.xlsx"), WorkbookWriter.Render(sample));
        var cells = new TableSheet(reviews, reviews.Name, "").DataCells();
        string first = CellAddress.Of(cells[new CellRef("review", 0)].Row, cells[new CellRef("review", 0)].Col);
        string fourth = CellAddress.Of(cells[new CellRef("review", 3)].Row, cells[new CellRef("review", 3)].Col);
        SetFormula(dir.File("in/formula.xlsx"), reviews.Name, cells[new CellRef("review", 4)], $"SUM({first}:{fourth})");

        var uncomputed = Assert.Throws<ImportException>(() => XlsxTestKit.Import(File.ReadAllBytes(dir.File("in/formula.xlsx"))));
        Assert.Equal("FORMULA_NOT_COMPUTED", uncomputed.Code);
        Assert.Contains("表四", uncomputed.Message);

        XlsxTestKit.LibreOffice(dir.Path, "xlsx:Calc MS Excel 2007 XML", dir.File("in/plain.xlsx"), dir.File("in/formula.xlsx"));
        var plain = XlsxTestKit.Import(File.ReadAllBytes(dir.File("plain.xlsx")), "plain.xlsx");
        Assert.False(plain.HasErrors, string.Join("\n", plain.Issues));
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Edition2021, sample, plain.Report!);
        Assert.Equal((sample.Agency, sample.Year, sample.PublicationDate, sample.Contact), (plain.Report!.Agency, plain.Report.Year, plain.Report.PublicationDate, plain.Report.Contact));

        var computed = XlsxTestKit.Import(File.ReadAllBytes(dir.File("formula.xlsx")), "formula.xlsx");
        Assert.False(computed.HasErrors, string.Join("\n", computed.Issues));
        var warning = Assert.Single(computed.Issues, i => i.Code == "FORMULA_VALUE");
        Assert.False(warning.IsError);
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Edition2021, sample, computed.Report!);
    }

    [Fact]
    public void An_old_binary_xls_saved_by_LibreOffice_is_refused_with_a_code()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        File.WriteAllBytes(dir.File("in/old.xlsx"), WorkbookWriter.Render(XlsxTestKit.Sample(Wanbailin)));
        XlsxTestKit.LibreOffice(dir.Path, "xls", dir.File("in/old.xlsx"));
        var e = Assert.Throws<ImportException>(() => XlsxTestKit.Import(File.ReadAllBytes(dir.File("old.xls"))));
        Assert.Equal("LEGACY_BINARY_FORMAT", e.Code);
    }

    /// <summary>What the check line should show: both sums, and 相符/不符, or 有空白 when a cell of the lane is blank.</summary>
    private static (decimal Left, decimal Right, string Result) Expected(Report report, CheckLine line)
    {
        var data = report.Tables.First(t => EditionCatalog.Find(report.Edition)!.Table(t.Key)!.Rules.Contains(line.Rule)).Value;
        CellValue Cell(CellRef c) => data.Get(c.RowKey, c.Column)!.Value;
        decimal left = line.Lane.Left.Sum(c => Cell(c).Arithmetic), right = line.Lane.Right.Sum(c => Cell(c).Arithmetic);
        if (line.Lane.Left.Concat(line.Lane.Right).Any(c => Cell(c).Kind == CellKind.Blank)) return (left, right, WorkbookChecks.HasBlank);
        bool holds = line.Rule.Comparison == Comparison.AtLeast ? left >= right : left == right;
        return (left, right, holds ? WorkbookChecks.Match : WorkbookChecks.Mismatch);
    }

    private static void TypeInto(string path, Edition edition, string tableId, CellRef cell, long value)
    {
        var table = edition.Table(tableId)!;
        var (row, col) = new TableSheet(table, table.Name, "").DataCells()[cell];
        using var doc = SpreadsheetDocument.Open(path, true);
        var target = FindCell(doc, table.Name, CellAddress.Of(row, col));
        target.DataType = null;
        target.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static void SetFormula(string path, string sheetName, (int Row, int Col) at, string formula)
    {
        using var doc = SpreadsheetDocument.Open(path, true);
        var target = FindCell(doc, sheetName, CellAddress.Of(at.Row, at.Col));
        target.DataType = null;
        target.CellValue = null;
        target.CellFormula = new CellFormula(formula);
    }

    private static Cell FindCell(SpreadsheetDocument doc, string sheetName, string address)
    {
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var ws = ((WorksheetPart)book.GetPartById(sheet.Id!.Value!)).Worksheet!;
        return ws.Descendants<Cell>().Single(c => c.CellReference == address);
    }

    /// <summary>Pixels of the pages LibreOffice printed in the conditional formats' fills (light red FFC7CE, amber FFEB9C).</summary>
    private static (int Red, int Amber) Colours(TempDir dir, string stem)
    {
        var (code, output) = ExternalTool.Run("pdftoppm", "-r", "40", dir.File(stem + ".pdf"), dir.File(stem));
        Assert.True(code == 0, output);
        int red = 0, amber = 0;
        foreach (var ppm in Directory.GetFiles(dir.Path, stem + "-*.ppm"))
        {
            var bytes = File.ReadAllBytes(ppm);
            int start = HeaderLength(bytes);
            for (int i = start; i + 2 < bytes.Length; i += 3)
            {
                int r = bytes[i], g = bytes[i + 1], b = bytes[i + 2];
                if (Near(r, g, b, 0xFF, 0xC7, 0xCE)) red++;
                else if (Near(r, g, b, 0xFF, 0xEB, 0x9C)) amber++;
            }
        }
        return (red, amber);
    }

    private static bool Near(int r, int g, int b, int R, int G, int B) => Math.Abs(r - R) <= 6 && Math.Abs(g - G) <= 6 && Math.Abs(b - B) <= 6;

    /// <summary>A binary PPM (P6) header: magic, width, height, maximum, each followed by white space.</summary>
    private static int HeaderLength(byte[] ppm)
    {
        int fields = 0, i = 0;
        while (fields < 4)
        {
            while (char.IsWhiteSpace((char)ppm[i])) i++;
            while (!char.IsWhiteSpace((char)ppm[i])) i++;
            fields++;
        }
        return i + 1;
    }
}
