using System.Text;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace DocGen.Core.Tests.Excel;

/// <summary>Helpers of the workbook tests: samples, the OpenXML validator, LibreOffice, CSV, cell-by-cell comparison.</summary>
internal static class XlsxTestKit
{
    public static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "DocGen.Core.Tests", "Excel", "Fixtures", name);

    /// <summary>Imports a workbook the way the CLI and the API do: reader chosen by content and name, then the matcher.</summary>
    public static DocGen.Core.Import.ImportResult Import(byte[] xlsx, string name = "workbook.xlsx") => DocGen.Core.Import.ReportImporter.Import(xlsx, name);

    public static Report Sample(string file)
    {
        var result = ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, file)));
        Assert.True(result.Report is not null, string.Join("\n", result.Errors));
        return result.Report!;
    }

    public static IEnumerable<string> SampleNames() => RepoPaths.SampleFiles().Select(Path.GetFileName)!;

    public static void AssertValid(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Distinct().Take(12)));
    }

    /// <summary>Every cell of every table of the edition, compared with its kind, number and unit.</summary>
    public static void AssertTablesEqual(Edition edition, Report expected, Report actual)
    {
        Assert.Equal(expected.Tables.Keys.Order(), actual.Tables.Keys.Order());
        int compared = 0;
        foreach (var table in edition.Tables.Where(t => expected.Tables.ContainsKey(t.Id)))
        {
            foreach (var row in table.Rows)
            {
                for (int c = 0; c < row.Columns.Count; c++)
                {
                    var want = expected.Tables[table.Id].Get(row.Key, c);
                    var got = actual.Tables[table.Id].Get(row.Key, c);
                    Assert.True(want == got, $"{table.Name} {row.FullLabel} {row.Columns[c].Label}: expected {want}, got {got}");
                    compared++;
                }
            }
        }
        Assert.Equal(edition.Tables.Where(t => expected.Tables.ContainsKey(t.Id)).Sum(t => t.Rows.Sum(r => r.Columns.Count)), compared);
    }

    /// <summary>
    /// Runs LibreOffice headless with a profile of its own (tests run in parallel, and LibreOffice refuses a
    /// profile another instance holds) and converts <paramref name="files"/> into <paramref name="outDir"/>.
    /// </summary>
    public static void LibreOffice(string outDir, string convertTo, params string[] files)
    {
        var profile = Directory.CreateTempSubdirectory("docgen-lo-xlsx-").FullName;
        try
        {
            var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", convertTo, "--outdir", outDir };
            args.AddRange(files);
            var (code, output) = ExternalTool.Run("soffice", args.ToArray());
            Assert.True(code == 0, output);
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { }
        }
    }

    /// <summary>LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, formulas' results, every sheet to its own file.</summary>
    public const string CsvAllSheets = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    /// <summary>A CSV file LibreOffice wrote, as rows of fields (quotes and doubled quotes undone).</summary>
    public static List<string[]> Csv(string path)
    {
        var rows = new List<string[]>();
        var text = File.ReadAllText(path, Encoding.UTF8);
        var field = new StringBuilder();
        var row = new List<string>();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add(row.ToArray()); row.Clear();
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }

    /// <summary>A report with some cells blank, some "/", as real reports leave them.</summary>
    public static Report WithBlanks(Report report)
    {
        var edition = EditionCatalog.Find(report.Edition)!;
        var requests = edition.Table(TableIds.Requests)!;
        return report
            .WithCell(TableIds.Requests, requests.Rows[3].Key, 2, CellValue.Blank)
            .WithCell(TableIds.Requests, requests.Rows[5].Key, 4, CellValue.NotApplicable)
            .WithCell(TableIds.Reviews, "litigationDirect", 1, CellValue.Blank)
            .WithCell(TableIds.Proactive, edition.Table(TableIds.Proactive)!.Rows[0].Key, 1, CellValue.NotApplicable);
    }
}
