using System.IO.Compression;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Word;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DocGen.Core.Tests.Word.WordTestKit;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace DocGen.Core.Tests.Word;

public class WordRendererTests
{
    public static TheoryData<string> Editions => new(EditionCatalog.All.Select(e => e.Id));

    private static Edition Ed(string id) => EditionCatalog.Find(id)!;

    [Theory]
    [MemberData(nameof(Editions))]
    public void Template_is_valid_and_has_the_layout_of_every_table(string id)
    {
        var edition = Ed(id);
        var template = TemplateBuilder.Build(edition);
        AssertValid(template);
        using var doc = WordprocessingDocument.Open(new MemoryStream(template), false);
        var tags = doc.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!).ToHashSet();
        Assert.All(WordTags.Required(edition), t => Assert.Contains(t, tags));
        var settings = doc.MainDocumentPart.DocumentSettingsPart!.Settings!;
        Assert.NotNull(settings.GetFirstChild<EvenAndOddHeaders>());
        var margin = doc.MainDocumentPart.Document.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1587u, 1474u, 1984), (margin.Top!.Value, margin.Left!.Value, margin.Right!.Value, margin.Bottom!.Value));
    }

    [Fact]
    public void Committed_templates_are_the_builders_output()
    {
        var dir = Path.Combine(RepoRoot(), "templates");
        if (Environment.GetEnvironmentVariable("DOCGEN_UPDATE_TEMPLATES") == "1") foreach (var (name, build) in TemplateBuilder.Templates()) File.WriteAllBytes(Path.Combine(dir, name), build());
        foreach (var edition in EditionCatalog.All)
        {
            var path = Path.Combine(dir, TemplateBuilder.FileName(edition));
            Assert.True(File.Exists(path), $"{path} missing: run `docgen template build` (or this test with DOCGEN_UPDATE_TEMPLATES=1)");
            Assert.True(TemplateBuilder.Build(edition).AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} is stale: rebuild the templates");
            Assert.True(TemplateBuilder.Build(edition).AsSpan().SequenceEqual(WordRenderer.EmbeddedTemplate(edition.Id)), $"embedded {path} is stale: rebuild");
        }
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Synthetic_report_fills_every_cell_and_passes_the_validator(string id)
    {
        var edition = Ed(id);
        var report = Synthetic(edition);
        var docx = WordRenderer.Render(report);
        AssertValid(docx);
        AssertTables(edition, report, docx);
        AssertNarrative(edition, report, docx);
        AssertNoContentControls(docx);
    }

    [Fact]
    public void Sample_reports_fill_every_cell_and_pass_the_validator()
    {
        var dir = Path.Combine(RepoRoot(), "templates", "samples");
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        foreach (var file in files)
        {
            var read = ReportJsonReader.Read(File.ReadAllBytes(file));
            Assert.True(read.Report is not null, $"{file}: {string.Join("; ", read.Errors.Select(e => e.ToString()))}");
            var report = read.Report!;
            var edition = Ed(report.Edition);
            var docx = WordRenderer.Render(report);
            var errors = ValidationErrors(docx);
            Assert.True(errors.Count == 0, $"{file}: {string.Join("\n", errors)}");
            AssertTables(edition, report, docx);
            AssertNarrative(edition, report, docx);
        }
    }

    private static void AssertNarrative(Edition edition, Report report, byte[] docx)
    {
        var text = BodyText(docx);
        Assert.Contains(report.EffectiveTitle, text);
        Assert.Contains(report.Agency, text);
        var headings = edition.Mandated ? edition.Sections.Select(s => s.Heading) : report.Sections.Select(s => s.Heading);
        foreach (var h in headings) Assert.Contains(h, text);
        // As printed: half-width punctuation between Chinese characters made full-width (the default).
        foreach (var section in report.Sections)
            foreach (var t in Texts(section.Blocks)) Assert.Contains(Punctuation.Normalise(t), text);
        Assert.DoesNotContain("样式原型", text);
    }

    private static IEnumerable<string> Texts(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Model.Paragraph p => [p.Text],
        Point pt => [pt.Lead + pt.Text],
        Subsection s => Texts(s.Blocks).Prepend(s.Heading),
        _ => Array.Empty<string>(),
    }).Where(t => t.Length > 0);

    private static IEnumerable<string> SubHeadings(IEnumerable<Block> blocks) =>
        blocks.OfType<Subsection>().SelectMany(s => SubHeadings(s.Blocks).Prepend(s.Heading));

    private static void AssertNoContentControls(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(doc.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>());
    }

    [Fact]
    public void Points_have_a_bold_lead_and_subsections_take_heading_styles_by_depth()
    {
        var report = Synthetic(EditionCatalog.Edition2021);
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(report)), false);
        var paras = doc.MainDocumentPart!.Document!.Body!.Elements<WParagraph>().ToList();
        var point = paras.First(p => p.InnerText.StartsWith("1.总体情况要点。", StringComparison.Ordinal));
        var runs = point.Elements<Run>().ToList();
        Assert.Equal("PointLead", runs[0].RunProperties?.RunStyle?.Val?.Value);
        Assert.Null(runs[1].RunProperties?.RunStyle);
        string Style(string start) => paras.First(p => p.InnerText == start).ParagraphProperties!.ParagraphStyleId!.Val!.Value!;
        Assert.Equal("Heading1", Style("一、总体情况"));
        Assert.Equal("Heading2", Style("（一）总体情况小节"));
        Assert.Equal("Heading3", Style("1.总体情况三级标题"));
    }

    [Fact]
    public void Same_report_gives_the_same_bytes_and_properties_come_from_the_report()
    {
        var report = Synthetic(EditionCatalog.Edition2021);
        var a = WordRenderer.Render(report);
        Thread.Sleep(2100); // zip times have a two-second grain
        var b = WordRenderer.Render(report);
        Assert.Equal(a, b);
        using var doc = WordprocessingDocument.Open(new MemoryStream(a), false);
        var props = doc.PackageProperties;
        Assert.Equal(report.EffectiveTitle, props.Title);
        Assert.Equal(report.Agency, props.Creator);
        Assert.Equal(new DateTime(2022, 1, 20), props.Created!.Value.ToUniversalTime().Date);
        using var zip = new ZipArchive(new MemoryStream(a));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2022, 1, 20), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Contact_is_printed_once()
    {
        var report = Synthetic(EditionCatalog.Edition2021);
        var text = BodyText(WordRenderer.Render(report));
        Assert.Contains("联系地址：测试市人民路1号；联系电话：0000-1234567。", text);
        var inPreface = report with { Preface = [new Model.Paragraph("如有疑问请联系：测试市人民路1号，电话0000-1234567。")] };
        text = BodyText(WordRenderer.Render(inPreface));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "0000-1234567"));
    }

    [Fact]
    public void Placeholder_flags_set_by_Word_are_cleared_on_fill()
    {
        var edition = EditionCatalog.Edition2021;
        using var ms = new MemoryStream();
        ms.Write(TemplateBuilder.Build(edition));
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            foreach (var pr in doc.MainDocumentPart!.Document!.Body!.Descendants<SdtProperties>()) pr.Append(new ShowingPlaceholder());
            foreach (var run in doc.MainDocumentPart.Document.Body.Descendants<SdtContentRun>().SelectMany(c => c.Elements<Run>()))
                run.PrependChild(new RunProperties(new RunStyle { Val = "PlaceholderText" }));
            doc.MainDocumentPart.Document.Save();
        }
        var kept = WordRenderer.Render(Synthetic(edition), ms.ToArray(), new WordRenderOptions { KeepContentControls = true });
        AssertValid(kept);
        using var filled = WordprocessingDocument.Open(new MemoryStream(kept), false);
        var flagged = filled.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Where(s => s.SdtProperties!.GetFirstChild<ShowingPlaceholder>() is not null)
            .Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!).ToList();
        Assert.All(flagged, t => Assert.StartsWith("proto", t));
        Assert.DoesNotContain(filled.MainDocumentPart.Document.Body.Descendants<RunStyle>(), s => s.Val == "PlaceholderText");
    }

    [Fact]
    public void Values_are_written_as_published()
    {
        var edition = EditionCatalog.Edition2019;
        var report = Synthetic(edition);
        var proactive = report.Tables[TableIds.Proactive].Rows.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        proactive["licensing"][1] = new CellValue(CellKind.Change, -12);
        proactive["penalties"][1] = new CellValue(CellKind.Change, 7);
        proactive["procurement"][1] = new CellValue(CellKind.Decimal, 12.5000m);
        proactive["fees"][0] = CellValue.NotApplicable;
        proactive["fees"][1] = CellValue.Blank;
        var tables = report.Tables.ToDictionary(kv => kv.Key, kv => kv.Value);
        tables[TableIds.Proactive] = new TableData(proactive.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<CellValue>)kv.Value));
        report = report with { Tables = tables };
        var docx = WordRenderer.Render(report);
        AssertValid(docx);
        AssertTables(edition, report, docx);
        var text = BodyText(docx);
        Assert.Contains("-12", text);
        Assert.Contains("12.5000", text);
    }

    [Fact]
    public void Restyled_template_fills_with_the_same_text()
    {
        var edition = EditionCatalog.Edition2021;
        var report = Synthetic(edition);
        var restyled = Restyle(TemplateBuilder.Build(edition));
        var plain = WordRenderer.Render(report);
        var fromRestyled = WordRenderer.Render(report, restyled);
        AssertValid(fromRestyled);
        Assert.Equal(BodyText(plain), BodyText(fromRestyled));
        AssertTables(edition, report, fromRestyled);
        using var doc = WordprocessingDocument.Open(new MemoryStream(fromRestyled), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.Equal(1134, body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!.Top!.Value);
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        Assert.Equal("Noto Serif CJK SC", styles.Elements<Style>().First(s => s.StyleId == "Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        // The run formatting put on the prototype paragraph is carried into the narrative.
        var para = body.Elements<WParagraph>().First(p => p.InnerText.StartsWith("总体情况的第一段正文", StringComparison.Ordinal));
        Assert.NotNull(para.Elements<Run>().First().RunProperties?.Italic);
    }

    [Theory]
    [InlineData("cell:requests:granted:natural")]
    [InlineData("section:problems")]
    [InlineData("title")]
    [InlineData("proto:point")]
    public void Template_missing_a_tag_is_refused_naming_it(string tag)
    {
        var edition = EditionCatalog.Edition2021;
        using var ms = new MemoryStream();
        ms.Write(TemplateBuilder.Build(edition));
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var sdt = doc.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
                .First(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val == tag);
            sdt.SdtProperties!.GetFirstChild<Tag>()!.Remove();
            doc.MainDocumentPart.Document.Save();
        }
        var e = Assert.Throws<WordTemplateException>(() => WordRenderer.Render(Synthetic(edition), ms.ToArray()));
        Assert.Equal("TEMPLATE_TAG_MISSING", e.Code);
        Assert.Equal(tag, e.Tag);
        Assert.Contains($"“{tag}”", e.Message);
        Assert.Contains("模板缺少", e.Message);
    }

    [Fact]
    public void Kept_content_controls_can_be_filled_again()
    {
        var edition = EditionCatalog.Edition2021;
        var first = Synthetic(edition);
        var kept = WordRenderer.Render(first, options: new WordRenderOptions { KeepContentControls = true });
        AssertValid(kept);
        var second = first with { Agency = "另一个机关", Tables = Synthetic(EditionCatalog.Edition2021).Tables };
        var again = WordRenderer.Render(second, kept);
        AssertValid(again);
        Assert.Equal(BodyText(WordRenderer.Render(second)), BodyText(again));
    }

    [Fact]
    public void Legacy_sections_repeat_and_refill()
    {
        var edition = EditionCatalog.Legacy;
        var report = Synthetic(edition) with
        {
            Sections = Enumerable.Range(1, 3).Select(i => new Section { Heading = $"第{i}部分", Blocks = [new Model.Paragraph($"正文{i}")] }).ToList(),
        };
        var docx = WordRenderer.Render(report);
        AssertValid(docx);
        var text = BodyText(docx);
        Assert.Contains("第3部分\n正文3", text.ReplaceLineEndings("\n"));
        var kept = WordRenderer.Render(report, options: new WordRenderOptions { KeepContentControls = true });
        Assert.Equal(text, BodyText(WordRenderer.Render(report, kept)));
    }

    [Fact]
    public void Edge_cases_give_valid_documents()
    {
        var edition = EditionCatalog.Edition2021;
        var report = Synthetic(edition);
        string control = "控制\u0001字符\u0008与\u000B换页\u000C\uFFFE及孤立代理\uD800结束\t制表\n换行";
        string huge = string.Concat(Enumerable.Repeat("很长的段落文字，", 2500));
        var subsections = Enumerable.Range(1, 200).Select(i =>
            (Block)new Subsection($"（{i}）小节{i}", [new Model.Paragraph($"小节{i}的正文。"), new Point($"{i}.要点。", "")])).ToList();
        var nested = new Subsection("深层1", [new Subsection("深层2", [new Subsection("深层3", [new Subsection("深层4", [new Subsection("深层5", [new Model.Paragraph("最深处")])])])])]);
        var requests = report.Tables[TableIds.Requests].Rows.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        requests["granted"][0] = CellValue.Integer(9999999);
        var reviews = report.Tables[TableIds.Reviews].Rows.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        reviews["review"][4] = CellValue.Integer(9999999);
        var tables = report.Tables.ToDictionary(kv => kv.Key, kv => kv.Value);
        tables[TableIds.Requests] = new TableData(requests.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<CellValue>)kv.Value));
        tables[TableIds.Reviews] = new TableData(reviews.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<CellValue>)kv.Value));
        report = report with
        {
            Agency = "机关\u0002名称",
            Title = "标题\u001F含控制字符",
            Preface = [new Model.Paragraph(control), new Model.Paragraph(huge)],
            Sections = report.Sections.Select(s => s.Key == SectionKeys.Overview ? s with { Blocks = [.. subsections, nested] } : s).ToList(),
            Tables = tables,
        };
        Assert.Equal(20_000, huge.Length);
        var docx = WordRenderer.Render(report);
        AssertValid(docx);
        AssertTables(edition, report, docx);
        var text = BodyText(docx);
        Assert.Contains("控制字符与换页及孤立代理结束", text);
        Assert.Contains(huge, text);
        Assert.Contains("（200）小节200", text);
        Assert.Contains("最深处", text);
        Assert.Contains("9999999", text);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Equal("机关名称", doc.PackageProperties.Creator);
        var deep = doc.MainDocumentPart!.Document!.Body!.Elements<WParagraph>().First(p => p.InnerText == "深层5");
        Assert.Equal("Heading4", deep.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void Missing_table_data_and_dates_leave_cells_blank_and_use_new_year()
    {
        var edition = EditionCatalog.Edition2021;
        var report = Synthetic(edition) with { Tables = new Dictionary<string, TableData>(), PublicationDate = null, Contact = null, Sections = [] };
        var docx = WordRenderer.Render(report);
        AssertValid(docx);
        AssertTables(edition, report, docx);
        AssertNoContentControls(docx);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Equal(new DateTime(2022, 1, 1), doc.PackageProperties.Created!.Value.ToUniversalTime().Date);
    }

    [Fact]
    public void LibreOffice_converts_the_outputs_with_every_heading_and_value()
    {
        var dir = Directory.CreateTempSubdirectory("docgen-word-").FullName;
        try
        {
            var reports = EditionCatalog.All.Select(e => (Name: "synthetic-" + e.Id, Report: Synthetic(e))).ToList();
            var samples = Path.Combine(RepoRoot(), "templates", "samples");
            if (Directory.Exists(samples))
                foreach (var f in Directory.GetFiles(samples, "*.json").Order(StringComparer.Ordinal))
                    if (ReportJsonReader.Read(File.ReadAllBytes(f)).Report is { } r) reports.Add(("sample-" + Path.GetFileNameWithoutExtension(f), r));
            var files = reports.Select(r =>
            {
                var path = Path.Combine(dir, r.Name + ".docx");
                File.WriteAllBytes(path, WordRenderer.Render(r.Report));
                return path;
            }).ToList();
            var pdfs = ToPdf(dir, files);
            // To look at the pages: DOCGEN_WORD_KEEP=/some/dir keeps the .docx and PDF files.
            if (Environment.GetEnvironmentVariable("DOCGEN_WORD_KEEP") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var f in files.Concat(pdfs)) File.Copy(f, Path.Combine(keep, Path.GetFileName(f)), true);
            }
            for (int i = 0; i < reports.Count; i++)
            {
                var (code, text) = Run("pdftotext", pdfs[i], "-");
                Assert.Equal(0, code);
                var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
                var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet();
                var report = reports[i].Report;
                var edition = Ed(report.Edition);
                var headings = edition.Mandated ? edition.Sections.Select(s => s.Heading) : report.Sections.Select(s => s.Heading);
                var subheadings = report.Sections.SelectMany(s => SubHeadings(s.Blocks));
                foreach (var h in headings.Append(report.EffectiveTitle).Concat(subheadings).Select(Punctuation.Normalise))
                    Assert.True(compact.Contains(string.Concat(h.Where(c => !char.IsWhiteSpace(c)))), $"{reports[i].Name}: heading {h} missing from the PDF");
                foreach (var table in edition.Tables)
                    foreach (var cell in table.AllCells())
                    {
                        var v = report.Tables.GetValueOrDefault(table.Id)?.Get(cell.RowKey, cell.Column)?.Display;
                        if (string.IsNullOrEmpty(v)) continue;
                        // A value with a unit may wrap inside its narrow cell; bare numbers must come out whole.
                        bool found = tokens.Contains(v) || (!v.All(c => char.IsAsciiDigit(c) || c is '.' or '-') && compact.Contains(v));
                        Assert.True(found, $"{reports[i].Name}: {table.Id}/{cell.RowKey}/{cell.Column} = {v} missing from the PDF");
                    }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
