using DocGen.Core.Editions;
using DocGen.Core.Excel;
using DocGen.Core.Import;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Excel;

public class WorkbookRoundTripTests
{
    public static TheoryData<string> MandatedSamples => new(XlsxTestKit.SampleNames().Where(n => XlsxTestKit.Sample(n).Edition != EditionCatalog.IdLegacy));

    [Theory]
    [MemberData(nameof(MandatedSamples))]
    public void Sample_to_workbook_and_back_gives_every_cell_and_the_title_data(string name)
    {
        var report = XlsxTestKit.Sample(name);
        var result = XlsxTestKit.Import(WorkbookWriter.Render(report), name);
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var back = result.Report!;
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Find(report.Edition)!, report, back);
        Assert.Equal((report.Edition, report.Agency, report.Year, report.Title, report.PublicationDate, report.Contact),
            (back.Edition, back.Agency, back.Year, back.Title, back.PublicationDate, back.Contact));
        Assert.Equal(report.Sections.Select(s => (s.Key, s.Heading)), back.Sections.Select(s => (s.Key, s.Heading)));
    }

    [Theory]
    [InlineData(EditionCatalog.Id2021)]
    [InlineData(EditionCatalog.Id2019)]
    public void Blank_stays_blank_and_slash_stays_not_applicable(string id)
    {
        var report = XlsxTestKit.WithBlanks(ReportFactory.Consistent(id));
        var back = XlsxTestKit.Import(WorkbookWriter.Render(report)).Report!;
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Find(id)!, report, back);
        var requests = EditionCatalog.Find(id)!.Table(TableIds.Requests)!;
        Assert.Equal(CellKind.Blank, back.Tables[TableIds.Requests].Get(requests.Rows[3].Key, 2)!.Value.Kind);
        Assert.Equal(CellKind.NotApplicable, back.Tables[TableIds.Requests].Get(requests.Rows[5].Key, 4)!.Value.Kind);
        Assert.Equal(CellKind.Blank, back.Tables[TableIds.Reviews].Get("litigationDirect", 1)!.Value.Kind);
        // Through JSON as well: blank is null, never 0.
        var json = System.Text.Encoding.UTF8.GetString(ReportJsonWriter.Write(back));
        Assert.Contains("null", json);
    }

    [Theory]
    [InlineData(EditionCatalog.Id2021)]
    [InlineData(EditionCatalog.Id2019)]
    public void A_workbook_kept_by_an_office_is_read_by_its_labels_wherever_the_tables_start(string id)
    {
        var report = XlsxTestKit.WithBlanks(ReportFactory.Consistent(id));
        var result = XlsxTestKit.Import(ForeignWorkbook.Write(report), "foreign.xlsx");
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        var back = result.Report!;
        Assert.Equal(id, back.Edition);
        Assert.Equal((report.Agency, report.Year, report.PublicationDate), (back.Agency, back.Year, back.PublicationDate));
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Find(id)!, report, back);
    }

    [Fact]
    public void A_row_moved_by_an_inserted_line_is_found_by_its_label()
    {
        var report = XlsxTestKit.Sample("2021-changzhi-city.json");
        var back = XlsxTestKit.Import(ForeignWorkbook.Write(report, extraRowAfter: "granted"), "moved.xlsx").Report!;
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Edition2021, report, back);
    }

    [Fact]
    public void Samples_kept_by_an_office_import_with_every_cell()
    {
        foreach (var name in XlsxTestKit.SampleNames())
        {
            var report = XlsxTestKit.Sample(name);
            if (report.Edition == EditionCatalog.IdLegacy) continue;
            var back = XlsxTestKit.Import(ForeignWorkbook.Write(report), name).Report!;
            Assert.Equal(report.Edition, back.Edition);
            XlsxTestKit.AssertTablesEqual(EditionCatalog.Find(report.Edition)!, report, back);
        }
    }

    [Fact]
    public void A_workbook_without_one_of_the_tables_says_which_is_missing()
    {
        var report = ReportFactory.Consistent();
        var tables = report.Tables.Where(t => t.Key != TableIds.Reviews).ToDictionary(t => t.Key, t => t.Value);
        var partial = report with { Tables = tables };
        var xlsx = ForeignWorkbook.Write(partial);
        var result = XlsxTestKit.Import(xlsx, "partial.xlsx");
        var missing = Assert.Single(result.Issues, i => i.Code == "MISSING_TABLE");
        Assert.True(missing.IsError);
        Assert.Contains("表四", missing.Message);
        Assert.False(result.Report!.Tables.ContainsKey(TableIds.Reviews));
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Edition2021, partial, result.Report);
    }

    [Fact]
    public void Validator_finds_the_same_on_the_imported_workbook_as_on_the_sample()
    {
        foreach (var name in XlsxTestKit.SampleNames())
        {
            var report = XlsxTestKit.Sample(name);
            if (report.Edition == EditionCatalog.IdLegacy) continue;
            var back = XlsxTestKit.Import(WorkbookWriter.Render(report), name).Report!;
            static IEnumerable<string> TableFindings(Report r) => ReportValidator.Validate(r).Where(f => f.Pointer.StartsWith("/tables", StringComparison.Ordinal)).Select(f => f.ToString());
            Assert.Equal(TableFindings(report), TableFindings(back));
        }
    }

    [Fact]
    public void Cli_renders_the_workbook_and_imports_it_back()
    {
        using var dir = new TempDir();
        var sample = Path.Combine(RepoPaths.Samples, "2024-taiyuan-wanbailin-district.json");
        var render = CliRunner.Run("render", sample, Path.Combine(RepoPaths.Samples, "2016-gaoping-city.json"), "--out", dir.Path, "--format", "xlsx");
        Assert.True(render.ExitCode == 0, render.Stdout + render.Stderr);
        Assert.Contains("WORKBOOK_SKIPPED", render.Stderr);
        Assert.False(File.Exists(dir.File("2016-gaoping-city.xlsx")));
        var xlsx = dir.File("2024-taiyuan-wanbailin-district.xlsx");
        Assert.True(File.Exists(xlsx));
        Assert.False(File.Exists(dir.File("2024-taiyuan-wanbailin-district.docx")));
        var import = CliRunner.Run("import", xlsx, "-o", dir.File("back.json"));
        Assert.True(import.ExitCode == 0, import.Stderr);
        var back = ReportJsonReader.Read(File.ReadAllBytes(dir.File("back.json"))).Report!;
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Edition2021, XlsxTestKit.Sample("2024-taiyuan-wanbailin-district.json"), back);
    }

    [Fact]
    public void A_workbook_in_traditional_characters_imports_with_every_cell_in_simplified_labels()
    {
        using var dir = new TempDir();
        var report = XlsxTestKit.Sample("2020-shitai-county-office.json");
        var path = dir.File("traditional.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.Render(report));
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/sharedStrings.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            File.WriteAllText(dir.File("strings.xml"), xml);
            var (code, log) = ExternalTool.Run("opencc", "-c", "s2twp", "-i", dir.File("strings.xml"), "-o", dir.File("strings-t.xml"));
            Assert.True(code == 0, log);
            string traditional = File.ReadAllText(dir.File("strings-t.xml"));
            Assert.NotEqual(xml, traditional);
            Assert.Contains("資訊", traditional);
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            w.Write(traditional);
        }
        var result = XlsxTestKit.Import(File.ReadAllBytes(path), "traditional.xlsx");
        Assert.False(result.HasErrors, string.Join("\n", result.Issues));
        Assert.Contains(result.Issues, i => i.Code == "TRADITIONAL_CONVERTED" && !i.IsError);
        Assert.Equal(report.Edition, result.Report!.Edition);
        XlsxTestKit.AssertTablesEqual(EditionCatalog.Find(report.Edition)!, report, result.Report);
    }
}
