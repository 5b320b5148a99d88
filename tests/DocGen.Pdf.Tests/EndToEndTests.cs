using DocGen.Pdf.Fonts;
using static DocGen.Pdf.Tests.ExternalTools;

namespace DocGen.Pdf.Tests;

/// <summary>Writes a multi-page CJK report with every role and checks it with qpdf and poppler.</summary>
public class EndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docgen-pdf").FullName;
    private readonly string _path;
    private readonly RenderResult _result;
    private readonly byte[] _bytes;

    public EndToEndTests()
    {
        _path = Path.Combine(_dir, "report.pdf");
        var doc = Fixtures.SampleReport();
        doc.Add(ParagraphBlock.Of("页码字体：宋体", FontRole.PageNumber, 14));
        doc.Add(ParagraphBlock.Of("部首检验：人、工、口、日、月、言、金、门。", FontRole.Body));
        _bytes = PdfRenderer.RenderToBytes(doc, Fixtures.Fonts, out _result);
        File.WriteAllBytes(_path, _bytes);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void QpdfCheckPasses()
    {
        var (code, output) = Run("qpdf", "--check", _path);
        Assert.True(code == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output);
        Assert.DoesNotContain("WARNING", output);
    }

    [Fact]
    public void EveryFontIsEmbeddedSubsetAndHasUnicode()
    {
        var (code, output) = Run("pdffonts", _path);
        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.True(rows.Count >= 4, output); // title, body, heading 1, heading 2 faces at least
        foreach (var row in rows)
        {
            var cols = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // name type... encoding emb sub uni object ID: the three flags precede the object number.
            Assert.True(cols[^5] == "yes" && cols[^4] == "yes" && cols[^3] == "yes", row);
            Assert.Matches("^[A-Z]{6}\\+", cols[0]);
        }
        Assert.Contains("CID TrueType", output);     // LXGW WenKai
        Assert.Contains("CID Type 0C (OT)", output);  // Noto CJK (CFF)
    }

    [Fact]
    public void ExtractedTextIsExactAndHasNoRadicals()
    {
        var (code, text) = Run("pdftotext", "-enc", "UTF-8", _path, "-");
        Assert.Equal(0, code);
        string joined = text.Replace("\n", "").Replace("\f", "");
        Assert.Contains(Fixtures.Body, joined);
        Assert.Contains("部首检验：人、工、口、日、月、言、金、门。", joined);
        Assert.Contains("某某市人民政府2021年政府信息公开", joined);
        Assert.Contains("1.加粗小标题。正文接续加粗标题之后。", joined);
        // Footer numbers: poppler drops the spaces beside the full-width dashes in its word heuristics.
        string noSpaces = text.Replace(" ", "");
        Assert.Contains("—1—", noSpaces);
        Assert.Contains($"—{_result.PageCount}—", noSpaces);
        foreach (var r in text.EnumerateRunes())
        {
            Assert.False(r.Value is >= 0x2F00 and <= 0x2FDF, $"Kangxi radical U+{r.Value:X4} in extracted text");
            Assert.False(r.Value is >= 0x2E80 and <= 0x2EFF, $"CJK radical supplement U+{r.Value:X4} in extracted text");
        }
    }

    [Fact]
    public void PagesAreA4AndMetadataIsSet()
    {
        var (code, info) = Run("pdfinfo", _path);
        Assert.Equal(0, code);
        Assert.Contains("Page size:       595.28 x 841.89 pts (A4)", info);
        Assert.Contains($"Pages:           {_result.PageCount}", info);
        Assert.Contains("Title:           某某市人民政府2021年政府信息公开工作年度报告", info);
        Assert.Contains("Author:          某某市人民政府办公室", info);
        Assert.Contains("PDF version:     1.7", info);
        Assert.Contains("Metadata Stream: yes", info);
        var (_, meta) = Run("pdfinfo", "-meta", _path);
        Assert.Contains("<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li>", meta);
        Assert.Contains("某某市人民政府办公室", meta);
        Assert.True(_result.PageCount >= 5);
    }

    [Fact]
    public void OutlineHasTheHeadings()
    {
        var (code, json) = Run("qpdf", "--json", "--json-key=outlines", _path);
        Assert.Equal(0, code);
        Assert.Contains("一、总体情况", json);
        Assert.Contains("（一）主动公开", json);
    }

    [Fact]
    public void SameInputGivesIdenticalBytes()
    {
        using var freshFonts = new FontResolver(); // no shared caches between the two renders
        var doc = Fixtures.SampleReport();
        doc.Add(ParagraphBlock.Of("页码字体：宋体", FontRole.PageNumber, 14));
        doc.Add(ParagraphBlock.Of("部首检验：人、工、口、日、月、言、金、门。", FontRole.Body));
        var again = PdfRenderer.RenderToBytes(doc, freshFonts, out _);
        Assert.Equal(_bytes, again);
    }

    [Fact]
    public void RenumberedSubsetsDrawTheSameGlyphsAsSubsetsWithOriginalIds()
    {
        // Text extraction cannot see a wrong glyph; pixels can. Original glyph ids are the reference.
        using var retaining = new FontResolver(new FontResolverOptions { RetainGlyphIdsInSubsets = true });
        var doc = Fixtures.SampleReport();
        doc.Add(ParagraphBlock.Of("页码字体：宋体", FontRole.PageNumber, 14));
        doc.Add(ParagraphBlock.Of("部首检验：人、工、口、日、月、言、金、门。", FontRole.Body));
        string reference = Path.Combine(_dir, "reference.pdf");
        var refBytes = PdfRenderer.RenderToBytes(doc, retaining, out _);
        File.WriteAllBytes(reference, refBytes);
        Assert.True(refBytes.Length > _bytes.Length + 300_000, $"{refBytes.Length} vs {_bytes.Length}");
        foreach (int page in new[] { 1, _result.PageCount })
        {
            Assert.Equal(0, Run("pdftoppm", "-gray", "-r", "40", "-f", $"{page}", "-l", $"{page}", _path, Path.Combine(_dir, "a")).ExitCode);
            Assert.Equal(0, Run("pdftoppm", "-gray", "-r", "40", "-f", $"{page}", "-l", $"{page}", reference, Path.Combine(_dir, "b")).ExitCode);
            var a = Directory.GetFiles(_dir, "a-*.pgm").Single();
            var b = Directory.GetFiles(_dir, "b-*.pgm").Single();
            Assert.True(File.ReadAllBytes(a).SequenceEqual(File.ReadAllBytes(b)), $"page {page} differs");
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void ResultNamesTheFontFileOfEveryRole()
    {
        foreach (var role in Enum.GetValues<FontRole>())
        {
            Assert.True(_result.FontsByRole.TryGetValue(role, out var face), role.ToString());
            Assert.True(File.Exists(face.Path));
        }
        Assert.Contains("Noto Serif CJK SC Bold", _result.FontsByRole[FontRole.Title].FullNames);
        Assert.Empty(_result.Diagnostics.MissingCharacters);
        Assert.All(_result.EmbeddedFonts, f => Assert.True(f.SubsetBytes > 0 && f.GlyphCount > 0));
        Assert.Equal(_bytes.Length, _result.ByteCount);
    }
}

public class RendererEdgeTests
{
    [Fact]
    public void ParallelRendersShareOneResolverAndGiveIdenticalBytes()
    {
        var outputs = new byte[4][];
        Parallel.For(0, outputs.Length, i => outputs[i] = PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), Fixtures.Fonts, out _));
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
    }

    [Fact]
    public void EmptyDocumentIsOneValidPage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"docgen-empty-{Environment.ProcessId}.pdf");
        try
        {
            File.WriteAllBytes(path, PdfRenderer.RenderToBytes(new PdfDocumentModel(), Fixtures.Fonts, out var result));
            Assert.Equal(1, result.PageCount);
            var (code, output) = ExternalTools.Run("qpdf", "--check", path);
            Assert.True(code == 0, output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void PageNumbersSitOutsideOneCharacterInAndBelowTheTextBlock()
    {
        var doc = new PdfDocumentModel();
        doc.Add(ParagraphBlock.Of("第一页")).Add(new PageBreakBlock()).Add(ParagraphBlock.Of("第二页"));
        var bytes = PdfRenderer.RenderToBytes(doc, Fixtures.Fonts, out var result);
        string path = Path.Combine(Path.GetTempPath(), $"docgen-pn-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, bytes);
        try
        {
            Assert.Equal(2, result.PageCount);
            var (_, xml) = ExternalTools.Run("pdftotext", "-bbox", path, "-");
            var page = PageSetup.GbT9704();
            double left = page.MarginLeft, right = page.MarginLeft + page.TextWidth, bottom = page.MarginTop + page.TextHeight;
            var words = System.Text.RegularExpressions.Regex.Matches(xml,
                "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">—</word>");
            // Two dashes on each page; odd page: the right dash ends one 14 pt character inside the block's right edge.
            Assert.Equal(4, words.Count);
            double X(int i, int g) => double.Parse(words[i].Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(right - 14, X(1, 3), 0.5);
            Assert.Equal(left + 14, X(2, 1), 0.5);   // even page: left dash starts one character in
            Assert.True(X(0, 2) > bottom && X(0, 2) < bottom + Units.Mm(10), "numbers sit just below the text block");
        }
        finally { File.Delete(path); }
    }
}
