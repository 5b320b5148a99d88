using System.Globalization;
using System.Reflection;
using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace DocGen.Core.Word;

/// <summary>
/// Fills a .docx template with a report: writes each value into the content control with its tag,
/// builds the narrative from the template's prototype paragraphs, then unwraps the controls.
/// </summary>
public static class WordRenderer
{
    /// <summary>The template embedded for an edition, or null when the assembly carries none.</summary>
    public static byte[]? EmbeddedTemplate(string editionId)
    {
        var edition = EditionCatalog.Find(editionId);
        if (edition is null) return null;
        using var s = typeof(WordRenderer).Assembly.GetManifestResourceStream(ResourceName(edition));
        if (s is null) return null;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    internal static string ResourceName(Edition edition) => "DocGen.Templates." + TemplateBuilder.FileName(edition);

    public static byte[] Render(Report report, byte[]? template = null, WordRenderOptions? options = null)
    {
        options ??= new WordRenderOptions();
        var edition = EditionCatalog.Find(report.Edition)
            ?? throw new ArgumentException($"未知的格式版本“{report.Edition}”", nameof(report));
        template ??= EmbeddedTemplate(edition.Id) ?? TemplateBuilder.Build(edition);

        var stamp = DocumentDates.Created(report).UtcDateTime;

        using var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        WordprocessingDocument doc;
        try
        {
            doc = WordprocessingDocument.Open(stream, true);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new WordTemplateException(WordTemplateException.Unreadable, "", $"模板不是可读取的Word文档（.docx）：{e.Message}");
        }
        using (doc)
        {
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new WordTemplateException(WordTemplateException.Unreadable, "", "模板中没有正文（word/document.xml）");
            new Filler(report, edition, body, options).Fill();
            WordPackage.WriteCoreProperties(doc, report.EffectiveTitle, report.Agency, stamp);
        }
        return WordPackage.Normalise(stream.ToArray(), stamp);
    }

    private sealed class Filler(Report report, Edition edition, Body body, WordRenderOptions options)
    {
        private readonly Dictionary<string, List<SdtElement>> tags = new(StringComparer.Ordinal);
        private WParagraph protoParagraph = null!;
        private WParagraph protoPoint = null!;
        private readonly WParagraph[] protoHeadings = new WParagraph[WordTags.LastSubHeadingLevel + 1];

        public void Fill()
        {
            Index();
            foreach (var tag in WordTags.Required(edition))
                if (!tags.ContainsKey(tag))
                    throw new WordTemplateException(WordTemplateException.TagMissing, tag,
                        $"模板缺少标记为“{tag}”的内容控件，无法填写{edition.Id}版年度报告（{WordTemplateException.TagMissing}）");

            protoParagraph = Prototype(WordTags.ProtoParagraph);
            protoPoint = Prototype(WordTags.ProtoPoint);
            for (int level = WordTags.FirstSubHeadingLevel; level <= WordTags.LastSubHeadingLevel; level++)
                protoHeadings[level] = Prototype(WordTags.ProtoHeading(level));

            SetText(WordTags.Title, report.EffectiveTitle);
            SetText(WordTags.Agency, report.Agency);
            SetText(WordTags.Year, report.Year.ToString(CultureInfo.InvariantCulture));
            SetText(WordTags.PublicationDate, ReportText.PublicationDate(report));
            SetBlocks(WordTags.Preface, Narrative(report.Preface, 0));
            SetBlocks(WordTags.Contact, ContactParagraphs());

            if (edition.Mandated)
            {
                foreach (var def in edition.Sections)
                {
                    var section = report.Sections.FirstOrDefault(s => s.Key == def.Key);
                    SetBlocks(WordTags.Section(def.Key), Narrative(section?.Blocks ?? [], 0));
                }
                foreach (var table in edition.Tables)
                {
                    report.Tables.TryGetValue(table.Id, out var data);
                    foreach (var cell in table.AllCells())
                        SetText(WordTags.Cell(table, cell), data?.Get(cell.RowKey, cell.Column)?.Display ?? "");
                }
            }
            else
            {
                FillFreeSections();
            }

            if (!options.KeepContentControls)
            {
                foreach (var sdt in tags[WordTags.Prototypes]) sdt.Remove();
                Unwrap();
            }
        }

        private void Index()
        {
            foreach (var sdt in body.Descendants<SdtElement>())
            {
                var tag = sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
                if (tag is null) continue;
                if (!tags.TryGetValue(tag, out var list)) tags[tag] = list = [];
                list.Add(sdt);
            }
        }

        private WParagraph Prototype(string tag) =>
            (WParagraph)(tags[tag][0].Descendants<WParagraph>().FirstOrDefault()
                ?? throw new WordTemplateException(WordTemplateException.TagMissing, tag,
                    $"模板中标记为“{tag}”的内容控件没有段落可作原型（{WordTemplateException.TagMissing}）")).CloneNode(true);

        private static OpenXmlElement? Content(SdtElement sdt) =>
            sdt.ChildElements.FirstOrDefault(e => e is SdtContentBlock or SdtContentRun or SdtContentCell or SdtContentRow);

        /// <summary>Writes a text into every control with the tag, in the formatting of its first run.</summary>
        private void SetText(string tag, string? text)
        {
            if (!tags.TryGetValue(tag, out var list)) return;
            foreach (var sdt in list)
            {
                Filled(sdt);
                var content = Content(sdt);
                if (content is null) continue;
                var rPr = FieldRunProperties(content);
                if (string.IsNullOrEmpty(text) && !options.KeepContentControls)
                {
                    content.RemoveAllChildren();
                    continue;
                }
                if (content is SdtContentBlock or SdtContentCell or SdtContentRow)
                {
                    // A block-level control for a field: keep its first paragraph, replace the runs.
                    var p = content.Descendants<WParagraph>().FirstOrDefault();
                    if (p is null) continue;
                    var keep = (WParagraph)p.CloneNode(true);
                    foreach (var r in keep.ChildElements.Where(e => e is not ParagraphProperties).ToList()) r.Remove();
                    keep.Append(Runs(rPr, text ?? ""));
                    p.InsertAfterSelf(keep);
                    p.Remove();
                    continue;
                }
                content.RemoveAllChildren();
                content.Append(Runs(rPr, text ?? ""));
            }
        }

        private void SetBlocks(string tag, IReadOnlyList<OpenXmlElement> blocks)
        {
            if (!tags.TryGetValue(tag, out var list)) return;
            foreach (var sdt in list)
            {
                Filled(sdt);
                var content = Content(sdt);
                if (content is not SdtContentBlock) continue;
                content.RemoveAllChildren();
                content.Append(blocks.Select(b => b.CloneNode(true)));
                if (blocks.Count == 0 && options.KeepContentControls) content.Append(Emptied((WParagraph)protoParagraph.CloneNode(true)));
            }
        }

        private static WParagraph Emptied(WParagraph p)
        {
            foreach (var e in p.ChildElements.Where(e => e is not ParagraphProperties).ToList()) e.Remove();
            return p;
        }

        private void FillFreeSections()
        {
            var container = tags[WordTags.Sections][0];
            var item = tags[WordTags.SectionItem].FirstOrDefault(s => s.Ancestors<SdtElement>().Contains(container));
            if (item is null)
                throw new WordTemplateException(WordTemplateException.TagMissing, WordTags.SectionItem,
                    $"模板中“{WordTags.Sections}”内容控件里缺少标记为“{WordTags.SectionItem}”的内容控件（{WordTemplateException.TagMissing}）");
            var pattern = (SdtElement)item.CloneNode(true);
            var content = Content(container)!;
            content.RemoveAllChildren();
            foreach (var section in report.Sections)
            {
                var clone = (SdtElement)pattern.CloneNode(true);
                var inner = clone.Descendants<SdtElement>().ToList();
                foreach (var sdt in inner)
                {
                    var tag = sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
                    if (tag == WordTags.SectionHeading)
                    {
                        var c = Content(sdt)!;
                        var rPr = FieldRunProperties(c);
                        c.RemoveAllChildren();
                        c.Append(Runs(rPr, section.Heading));
                    }
                    else if (tag == WordTags.SectionBody && Content(sdt) is SdtContentBlock c)
                    {
                        c.RemoveAllChildren();
                        c.Append(Narrative(section.Blocks, 0));
                    }
                }
                content.Append(clone);
            }
        }

        /// <summary>The contact paragraph, worded as in the PDF (<see cref="ReportText.ContactLine"/>).</summary>
        private List<OpenXmlElement> ContactParagraphs() =>
            ReportText.ContactLine(report) is { } line ? [TextParagraph(protoParagraph, line)] : [];

        /// <summary>
        /// The formatting of a field's first run, without Word's grey "Placeholder Text" character style
        /// that Word puts on the text of a control showing its placeholder.
        /// </summary>
        private static RunProperties? FieldRunProperties(OpenXmlElement content)
        {
            var rPr = content.Descendants<Run>().FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
            if (rPr?.RunStyle?.Val?.Value == "PlaceholderText") rPr.RunStyle = null;
            return rPr;
        }

        /// <summary>A filled control is no longer a placeholder (Word would grey it out and clear it on click).</summary>
        private static void Filled(SdtElement sdt)
        {
            sdt.SdtProperties?.RemoveAllChildren<ShowingPlaceholder>();
            sdt.SdtProperties?.RemoveAllChildren<TemporarySdt>();
        }

        private List<OpenXmlElement> Narrative(IReadOnlyList<Block> blocks, int depth)
        {
            var result = new List<OpenXmlElement>();
            Walk(blocks, depth, result);
            return result;
        }

        private void Walk(IReadOnlyList<Block> blocks, int depth, List<OpenXmlElement> into)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Model.Paragraph p:
                        into.Add(TextParagraph(protoParagraph, p.Text));
                        break;
                    case Point pt:
                        into.Add(PointParagraph(pt));
                        break;
                    case Subsection sub:
                        int level = Math.Min(WordTags.FirstSubHeadingLevel + depth, WordTags.LastSubHeadingLevel);
                        into.Add(TextParagraph(protoHeadings[level], sub.Heading));
                        Walk(sub.Blocks, depth + 1, into);
                        break;
                }
            }
        }

        private static WParagraph TextParagraph(WParagraph proto, string text)
        {
            var p = (WParagraph)proto.CloneNode(true);
            var rPr = p.Descendants<Run>().FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
            Emptied(p).Append(Runs(rPr, text));
            return p;
        }

        private WParagraph PointParagraph(Point point)
        {
            var p = (WParagraph)protoPoint.CloneNode(true);
            var runs = p.Descendants<Run>().ToList();
            var leadPr = runs.FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
            var textPr = runs.Count > 1 ? runs[^1].RunProperties?.CloneNode(true) as RunProperties : null;
            Emptied(p).Append(Runs(leadPr, point.Lead));
            if (!string.IsNullOrEmpty(point.Text)) p.Append(Runs(textPr, point.Text));
            return p;
        }

        /// <summary>Runs for a text: XML-invalid characters dropped, line breaks and tabs as Word elements.</summary>
        private static IEnumerable<Run> Runs(RunProperties? rPr, string text)
        {
            text = TextCleaner.Clean(text).Replace("\r\n", "\n").Replace('\r', '\n');
            var run = new Run();
            if (rPr is not null) run.Append(rPr.CloneNode(true));
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != '\n' && text[i] != '\t') continue;
                if (i > start) run.Append(TemplateBuilder.Text(text[start..i]));
                if (i < text.Length) run.Append(text[i] == '\n' ? new Break() : new TabChar());
                start = i + 1;
            }
            if (!run.ChildElements.Any(e => e is not RunProperties)) run.Append(TemplateBuilder.Text(""));
            yield return run;
        }

        /// <summary>Replaces every content control by its content; drops the empty ones and paragraphs left empty by them.</summary>
        private void Unwrap()
        {
            foreach (var sdt in body.Descendants<SdtElement>().Reverse().ToList())
            {
                var parent = sdt.Parent;
                var content = Content(sdt);
                if (content is not null)
                    foreach (var child in content.ChildElements.ToList())
                    {
                        child.Remove();
                        sdt.InsertBeforeSelf(child);
                    }
                sdt.Remove();
                if (parent is WParagraph p && !p.ChildElements.Any(e => e is not ParagraphProperties) && p.Parent is Body)
                    p.Remove();
            }
        }
    }
}
