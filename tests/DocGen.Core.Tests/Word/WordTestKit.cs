using System.Diagnostics;
using System.Text;
using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Word;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace DocGen.Core.Tests.Word;

/// <summary>Helpers for the Word tests: synthetic reports, reading tables back by grid position, tools.</summary>
internal static class WordTestKit
{
    public static string RepoRoot() => Fixtures.RepoPaths.Root;

    /// <summary>A report with every cell a distinct value (derived from its position) and narrative in every section.</summary>
    public static Report Synthetic(Edition edition)
    {
        int n = 100;
        var tables = new Dictionary<string, TableData>();
        foreach (var table in edition.Tables)
        {
            var rows = new Dictionary<string, IReadOnlyList<CellValue>>();
            foreach (var row in table.Rows)
                rows[row.Key] = row.Columns.Select(c =>
                {
                    n++;
                    return c.Kind switch
                    {
                        ValueKind.Money => new CellValue(CellKind.Decimal, n + 0.25m),
                        ValueKind.Change => new CellValue(CellKind.Change, -n),
                        _ => CellValue.Integer(n),
                    };
                }).ToList();
            tables[table.Id] = new TableData(rows);
        }
        IReadOnlyList<Block> Narrative(string name) =>
        [
            new Model.Paragraph($"{name}的第一段正文，统计期限自1月1日起至12月31日止。"),
            new Subsection($"（一）{name}小节", [
                new Point($"1.{name}要点。", "要点的正文。"),
                new Subsection($"1.{name}三级标题", [new Model.Paragraph($"{name}三级正文。")]),
            ]),
        ];
        var sections = edition.Sections.Select(s => new Section
        {
            Key = edition.Mandated ? s.Key : null,
            Heading = s.Heading,
            Blocks = Narrative(s.Heading[2..]),
        }).ToList();
        return new Report
        {
            Edition = edition.Id,
            Agency = "测试市人民政府办公室",
            Year = edition.FirstYear ?? 2016,
            PublicationDate = new DateOnly((edition.FirstYear ?? 2016) + 1, 1, 20),
            Contact = new Contact { Address = "测试市人民路1号", Phone = "0000-1234567" },
            Preface = [new Model.Paragraph("根据《中华人民共和国政府信息公开条例》，现向社会公布本年度报告。")],
            Sections = sections,
            Tables = tables,
        };
    }

    /// <summary>Restyles a template the way a person would in Word: fonts, sizes, margins, a prototype's formatting.</summary>
    public static byte[] Restyle(byte[] template)
    {
        using var ms = new MemoryStream();
        ms.Write(template);
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var main = doc.MainDocumentPart!;
            foreach (var style in main.StyleDefinitionsPart!.Styles!.Elements<Style>())
            {
                var rPr = style.StyleRunProperties;
                if (rPr?.RunFonts is { } f) { f.EastAsia = "Noto Serif CJK SC"; f.Ascii = "Times New Roman"; f.HighAnsi = "Times New Roman"; }
                if (rPr?.FontSize is { } sz) sz.Val = (int.Parse(sz.Val!.Value!) - 2).ToString();
            }
            var defaults = main.StyleDefinitionsPart.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            defaults.RunFonts!.EastAsia = "Noto Serif CJK SC";
            defaults.FontSize!.Val = "24";
            var margin = main.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
            margin.Top = 1134; margin.Left = 1134; margin.Right = 1134; margin.Bottom = 1134;
            var proto = main.Document.Body.Descendants<SdtElement>()
                .First(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val == WordTags.ProtoParagraph);
            var run = proto.Descendants<Run>().First();
            run.RunProperties ??= new RunProperties();
            run.RunProperties.Italic = new Italic();
            main.Document.Save();
        }
        return ms.ToArray();
    }

    public static List<string> ValidationErrors(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var validator = new OpenXmlValidator();
        return validator.Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static void AssertValid(byte[] docx)
    {
        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Distinct().Take(12)));
    }

    /// <summary>One cell as read back: where it starts in the grid, its spans, and its text.</summary>
    public sealed record GridCell(int Row, int Column, int ColSpan, int RowSpan, string Text);

    /// <summary>Reads a Word table into cells positioned on the grid, resolving gridSpan and vMerge.</summary>
    public static List<GridCell> ReadGrid(Table table)
    {
        var cells = new List<GridCell>();
        var open = new Dictionary<int, int>(); // grid column -> index in cells of the cell a vMerge continues
        int r = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            int c = 0;
            foreach (var tc in row.Elements<TableCell>())
            {
                int span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var vm = tc.TableCellProperties?.VerticalMerge;
                bool continues = vm is not null && (vm.Val is null || vm.Val.Value == MergedCellValues.Continue);
                if (continues && open.TryGetValue(c, out int idx))
                {
                    cells[idx] = cells[idx] with { RowSpan = cells[idx].RowSpan + 1 };
                    Assert.Equal(cells[idx].ColSpan, span);
                    Assert.Equal("", CellText(tc));
                }
                else
                {
                    cells.Add(new GridCell(r, c, span, 1, CellText(tc)));
                    if (vm is not null) open[c] = cells.Count - 1; else open.Remove(c);
                }
                c += span;
            }
            r++;
        }
        return cells;
    }

    public static string CellText(TableCell tc) =>
        string.Join("\n", tc.Elements<WParagraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));

    /// <summary>Asserts that a Word table has the edition's layout and holds the report's values.</summary>
    public static void AssertTable(TableDef def, TableData? data, Table table)
    {
        var read = ReadGrid(table).ToDictionary(c => (c.Row, c.Column));
        int expectedCount = 0;
        for (int r = 0; r < def.Layout.Count; r++)
            foreach (var cell in def.Layout[r])
            {
                expectedCount++;
                Assert.True(read.TryGetValue((r, cell.Column), out var got), $"{def.Id}: no cell at row {r}, column {cell.Column}");
                Assert.Equal((cell.ColSpan, cell.RowSpan), (got!.ColSpan, got.RowSpan));
                string expected = cell.Data is { } d ? data?.Get(d.RowKey, d.Column)?.Display ?? "" : cell.Text ?? "";
                Assert.Equal(expected, got.Text);
            }
        Assert.Equal(expectedCount, read.Count);
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(def.Layout.Count, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.NotNull(rows[r].TableRowProperties?.GetFirstChild<CantSplit>());
            Assert.Equal(r < def.HeaderRows, rows[r].TableRowProperties?.GetFirstChild<TableHeader>() is not null);
        }
    }

    /// <summary>Every table of the document matched, in order, to the edition's tables.</summary>
    public static void AssertTables(Edition edition, Report report, byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var tables = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>().ToList();
        var defs = edition.Sections.Where(s => s.TableId is not null).Select(s => edition.Table(s.TableId!)!).ToList();
        Assert.Equal(defs.Count, tables.Count);
        for (int i = 0; i < defs.Count; i++)
            AssertTable(defs[i], report.Tables.GetValueOrDefault(defs[i].Id), tables[i]);
    }

    public static string BodyText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var sb = new StringBuilder();
        foreach (var p in doc.MainDocumentPart!.Document!.Body!.Descendants<WParagraph>())
            sb.AppendLine(string.Concat(p.Descendants<Text>().Select(t => t.Text)));
        return sb.ToString();
    }

    public static (int Code, string Out) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000)) { p.Kill(true); throw new TimeoutException(file); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static int _profiles;

    /// <summary>Converts .docx files to PDF with LibreOffice in one run with a private profile; returns the PDF paths.</summary>
    public static List<string> ToPdf(string dir, IReadOnlyList<string> docxFiles)
    {
        // One profile per call: LibreOffice refuses a second instance on a profile in use (tests run in parallel).
        var profile = Path.Combine(Path.GetTempPath(), $"docgen-lo-profile-{Environment.ProcessId}-{Interlocked.Increment(ref _profiles)}");
        var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", dir };
        args.AddRange(docxFiles);
        var (code, output) = Run("soffice", args.ToArray());
        try { Directory.Delete(profile, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* left for the OS to clean */ }
        Assert.True(code == 0, output);
        return docxFiles.Select(f => Path.Combine(dir, Path.GetFileNameWithoutExtension(f) + ".pdf")).ToList();
    }
}
