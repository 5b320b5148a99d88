using System.Text.RegularExpressions;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;
using Block = DocGen.Core.Model.Block;

namespace DocGen.Core.Tests.Rendering;

/// <summary>The report PDF, checked with qpdf and poppler: valid, fonts embedded as subsets with Unicode maps, text intact.</summary>
public class ReportPdfTests
{
    private static readonly Lazy<FontResolver> Fonts = new(() => new FontResolver());

    public static TheoryData<string> Reports()
    {
        var data = new TheoryData<string>();
        foreach (var e in new[] { "2021", "2019", "legacy" }) data.Add("synthetic:" + e);
        foreach (var f in RepoPaths.SampleFiles()) data.Add(Path.GetFileName(f));
        return data;
    }

    internal static Report Load(string name) => name.StartsWith("synthetic:")
        ? ReportFactory.Consistent(name["synthetic:".Length..])
        : ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name))).Report!;

    [Theory]
    [MemberData(nameof(Reports))]
    public void Pdf_is_valid_embeds_subset_fonts_and_gives_back_the_text(string name)
    {
        var report = Load(name);
        using var dir = new TempDir();
        string path = dir.File("r.pdf");
        var bytes = PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(report), Fonts.Value, out var result);
        File.WriteAllBytes(path, bytes);

        var (qpdf, qout) = ExternalTool.Run("qpdf", "--check", path);
        Assert.True(qpdf == 0, qout);

        var (_, fonts) = ExternalTool.Run("pdffonts", path);
        var fontLines = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fontLines);
        foreach (var line in fontLines)
            Assert.Matches(@"\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$", line); // emb sub uni

        string text = ExternalTool.PdfText(path, raw: true);
        Assert.DoesNotMatch(@"[\u2F00-\u2FDF\u2E80-\u2EFF\uFFFD]", text);
        string squeezed = ExternalTool.Squeeze(text);
        var edition = EditionCatalog.Find(report.Edition)!;
        foreach (var section in report.Sections)
            Assert.Contains(ExternalTool.Squeeze(Punctuation.Normalise(section.Heading)), squeezed);
        foreach (var table in edition.Tables)
        {
            foreach (var label in table.Layout.SelectMany(r => r).Select(c => c.Text).OfType<string>())
                Assert.Contains(ExternalTool.Squeeze(label), squeezed);
        }
        // Narrative in order: each paragraph's first characters appear after the previous one's.
        int at = 0;
        // As printed: half-width punctuation between Chinese characters made full-width (the default).
        foreach (var p in Narrative(report).Select(t => ExternalTool.Squeeze(Punctuation.Normalise(t))).Where(t => t.Length >= 6))
        {
            int found = squeezed.IndexOf(p[..6], at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{p[..6]}” not found after offset {at}");
            at = found;
        }
        Assert.True(result.PageCount >= 1);
        Assert.Empty(result.Diagnostics.MissingCharacters);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_table_value_is_in_the_pdf_text_in_row_order(string name)
    {
        var report = Load(name);
        var edition = EditionCatalog.Find(report.Edition)!;
        using var dir = new TempDir();
        string path = dir.File("r.pdf");
        File.WriteAllBytes(path, PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(report), Fonts.Value, out _));
        var tokens = Regex.Matches(ExternalTool.PdfText(path, raw: true), @"\S+").Select(m => m.Value).ToList();
        foreach (var table in edition.Tables)
        {
            if (!report.Tables.TryGetValue(table.Id, out var data)) continue;
            var values = table.Layout.SelectMany(r => r).Where(c => c.Data is not null)
                .Select(c => ReportPdfBuilder.CellText(c, data)).Where(v => v.Length > 0).ToList();
            // Every value appears, in layout order, as a whole token.
            int at = 0;
            foreach (var v in values)
            {
                int found = tokens.IndexOf(v, at);
                Assert.True(found >= 0, $"{table.Name}: value {v} not found after token {at}");
                at = found + 1;
            }
        }
    }

    [Fact]
    public void Same_report_gives_the_same_bytes()
    {
        var report = ReportFactory.Consistent();
        var a = PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(report), Fonts.Value, out _);
        var b = PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(report), Fonts.Value, out _);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Hostile_content_still_gives_a_valid_pdf()
    {
        var report = ReportFactory.Consistent();
        var sections = report.Sections.ToList();
        sections[0] = sections[0] with
        {
            Blocks =
            [
                new Paragraph("控制字符\u0001\u0007\u001F之后的文字"),
                new Paragraph(string.Concat(Enumerable.Repeat("很长的段落，", 3400))),
                .. Enumerable.Range(1, 200).Select(i => new Subsection($"（{i}）第{i}个小节", [new Paragraph($"第{i}个小节的正文。")])),
            ],
        };
        report = (report with { Sections = sections }).WithCell("proactive", "licensing", 0, CellValue.Integer(9_999_999));
        using var dir = new TempDir();
        string path = dir.File("r.pdf");
        File.WriteAllBytes(path, PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(report), Fonts.Value, out var result));
        var (qpdf, qout) = ExternalTool.Run("qpdf", "--check", path);
        Assert.True(qpdf == 0, qout);
        string text = ExternalTool.Squeeze(ExternalTool.PdfText(path, raw: true));
        Assert.Contains("控制字符之后的文字", text);
        Assert.Contains("（200）第200个小节", text);
        Assert.Contains("9999999", text);
        Assert.True(result.PageCount > 20);
    }

    [Fact]
    public void Pages_are_a4()
    {
        using var dir = new TempDir();
        string path = dir.File("r.pdf");
        File.WriteAllBytes(path, PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(ReportFactory.Consistent()), Fonts.Value, out _));
        var (_, info) = ExternalTool.Run("pdfinfo", path);
        Assert.Matches(@"Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)", info);
    }

    private static IEnumerable<string> Narrative(Report report)
    {
        IEnumerable<string> Blocks(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
        {
            Paragraph p => [p.Text],
            Point pt => [pt.Lead + pt.Text],
            Subsection s => Blocks(s.Blocks).Prepend(s.Heading),
            _ => [],
        });
        return Blocks(report.Preface).Concat(report.Sections.SelectMany(s => Blocks(s.Blocks).Prepend(s.Heading)));
    }
}
