using DocGen.Core.Import;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Word;
using static DocGen.Core.Tests.Import.RoundTripAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Each sample rendered to .docx by DocGen imports back to the same report: every cell, every block.</summary>
public class DocxImportTests
{
    public static TheoryData<string> SampleNames() => Seeds.SampleNames();

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void A_rendered_sample_reads_back_cell_for_cell_and_block_for_block(string sample)
    {
        var expected = Sample(sample);
        var docx = WordRenderer.Render(expected);
        var result = ReportImporter.Import(docx, Path.ChangeExtension(sample, ".docx"));
        Assert.NotNull(result.Report);
        TitleBlock(expected, result.Report!);
        Tables(expected, result.Report!);
        RenderedNarrative(expected, result.Report!);
        Assert.False(result.HasErrors, Issues(result));
    }

    /// <summary>Every fifth value cell left empty in Word: each reads as blank (null), every other cell keeps its value.</summary>
    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Empty_Word_cells_read_as_blank(string sample)
    {
        var original = Sample(sample);
        var edition = DocGen.Core.Editions.EditionCatalog.Find(original.Edition)!;
        var expected = original;
        int n = 0;
        foreach (var table in edition.Tables.Where(t => original.Tables.ContainsKey(t.Id)))
            foreach (var cell in table.AllCells())
                if (n++ % 5 == 1) expected = expected.WithCell(table.Id, cell.RowKey, cell.Column, DocGen.Core.Model.CellValue.Blank);
        var result = ReportImporter.Import(WordRenderer.Render(expected), "blanks.docx");
        Tables(expected, result.Report!);
        Assert.Equal(expected.Tables.Values.Sum(t => t.Rows.Values.Sum(r => r.Count(c => c.Kind == DocGen.Core.Model.CellKind.Blank))),
            result.Issues.Count(i => i.Code == "BLANK_CELL"));
        Assert.All(result.Issues.Where(i => i.Code == "BLANK_CELL"), i => Assert.Matches(@"^第\d+个表格第\d+行", i.Where));
    }
}

/// <summary>
/// A Word document DocGen did not write: LibreOffice opens each rendered sample, saves it as .odt, and saves
/// that again as .docx with its own tables, merges and run formatting. It still reads back equal.
/// </summary>
public class DocxWrittenByLibreOfficeTests
{
    [Fact]
    public void Samples_saved_again_by_LibreOffice_read_back_equal()
    {
        string dir = Directory.CreateTempSubdirectory("docgen-docx-lo-").FullName;
        try
        {
            var names = Seeds.Samples.Select(s => s.Sample).ToList();
            foreach (var name in names)
                File.WriteAllBytes(Path.Combine(dir, Path.ChangeExtension(name, ".docx")), WordRenderer.Render(Sample(name)));
            string profile = $"-env:UserInstallation=file://{Path.Combine(dir, "profile")}";
            string odt = Path.Combine(dir, "odt"), again = Path.Combine(dir, "again");
            var (code, output) = Fixtures.ExternalTool.Run("soffice", [profile, "--headless", "--convert-to", "odt", "--outdir", odt,
                .. names.Select(n => Path.Combine(dir, Path.ChangeExtension(n, ".docx")))]);
            Assert.True(code == 0, output);
            (code, output) = Fixtures.ExternalTool.Run("soffice", [profile, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", again,
                .. names.Select(n => Path.Combine(odt, Path.ChangeExtension(n, ".odt")))]);
            Assert.True(code == 0, output);
            foreach (var name in names)
            {
                var expected = Sample(name);
                var bytes = File.ReadAllBytes(Path.Combine(again, Path.ChangeExtension(name, ".docx")));
                Assert.False(bytes.AsSpan().SequenceEqual(WordRenderer.Render(expected)));
                var result = ReportImporter.Import(bytes, name);
                Assert.NotNull(result.Report);
                TitleBlock(expected, result.Report!);
                Tables(expected, result.Report!);
                RenderedNarrative(expected, result.Report!);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
