using System.IO.Compression;
using DocGen.Core.Editions;
using DocGen.Core.Excel;
using DocGen.Core.Import;
using DocGen.Core.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Core.Tests.Excel;

/// <summary>Workbooks that cannot be read: each refused by `docgen import` with a code, exit 2, no stack trace, the output left alone.</summary>
public class WorkbookBadInputTests
{
    private const string Kept = "{\"kept\": true}";

    private static void AssertRefused(string file, string code)
    {
        using var dir = new TempDir();
        var output = dir.Write("out.json", Kept);
        var run = CliRunner.Run("import", file, "-o", output);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains(code, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.Equal("", run.Stdout.Trim());
        Assert.Equal(Kept, File.ReadAllText(output));
    }

    private static byte[] Sample() => WorkbookWriter.Render(XlsxTestKit.Sample("2024-taiyuan-wanbailin-district.json"));

    [Fact]
    public void A_password_protected_workbook_is_refused() => AssertRefused(XlsxTestKit.Fixture("encrypted.xlsx"), "PACKAGE_ENCRYPTED");

    [Fact]
    public void A_truncated_workbook_is_refused()
    {
        using var dir = new TempDir();
        var bytes = Sample();
        File.WriteAllBytes(dir.File("cut.xlsx"), bytes[..(bytes.Length / 2)]);
        AssertRefused(dir.File("cut.xlsx"), "CORRUPT_PACKAGE");
    }

    [Fact]
    public void Bytes_that_are_not_a_workbook_are_refused()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("noise.xlsx"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        AssertRefused(dir.File("noise.xlsx"), "NOT_A_PACKAGE");
    }

    [Fact]
    public void A_workbook_whose_parts_are_broken_xml_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("broken.xlsx");
        File.WriteAllBytes(path, Sample());
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/worksheets/sheet2.xml")!.Delete();
            using var s = zip.CreateEntry("xl/worksheets/sheet2.xml").Open();
            s.Write("<worksheet><sheetData><row"u8);
        }
        AssertRefused(path, "CORRUPT_XLSX");
    }

    [Fact]
    public void A_zip_bomb_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var s = zip.CreateEntry("xl/workbook.xml").Open()) s.Write("<workbook/>"u8);
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) sheet.Write(zeros);
        }
        Assert.True(new FileInfo(path).Length < 1 << 20);
        AssertRefused(path, "ZIP_BOMB");
    }

    [Fact]
    public void A_50_MB_workbook_is_refused_before_it_is_read()
    {
        using var dir = new TempDir();
        var path = dir.File("big.xlsx");
        using (var f = File.Create(path))
        {
            f.Write(Sample());
            f.SetLength(50L * 1024 * 1024);
        }
        AssertRefused(path, "FILE_TOO_LARGE");
        // The API path has the same bound on the content it is given.
        var e = Assert.Throws<ImportException>(() => ReportImporter.Import(new byte[XlsxReader.MaxFileBytes + 1], "big.xlsx"));
        Assert.Equal("FILE_TOO_LARGE", e.Code);
    }

    [Fact]
    public void A_formula_in_a_value_cell_without_a_computed_result_is_refused_naming_the_cell()
    {
        using var dir = new TempDir();
        var path = dir.File("formula.xlsx");
        File.WriteAllBytes(path, Sample());
        var requests = EditionCatalog.Edition2021.Table(TableIds.Requests)!;
        var (row, col) = new TableSheet(requests, requests.Name, "").DataCells()[new CellRef("granted", 6)];
        string address = CellAddress.Of(row, col);
        using (var doc = SpreadsheetDocument.Open(path, true))
        {
            var book = doc.WorkbookPart!;
            var sheet = book.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == requests.Name);
            var cell = ((WorksheetPart)book.GetPartById(sheet.Id!.Value!)).Worksheet!.Descendants<Cell>().Single(c => c.CellReference == address);
            cell.CellValue = null;
            cell.DataType = null;
            cell.CellFormula = new CellFormula($"SUM({CellAddress.Of(row, col - 6)}:{CellAddress.Of(row, col - 1)})");
        }
        AssertRefused(path, "FORMULA_NOT_COMPUTED");
        var run = CliRunner.Run("import", path);
        Assert.Contains($"{requests.Name}!{address}", run.Stderr);
    }
}
