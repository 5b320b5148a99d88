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

    /// <summary>Parses the embedded template of an edition into the process's cache, so the first render finds it ready.</summary>
    public static void Prepare(string editionId)
    {
        if (EmbeddedTemplate(editionId) is { } template) TemplateCache.Get(template);
    }

    /// <summary>
    /// Whether a template has content controls to fill, read from this process's one parse of it (the parse renders
    /// use), so the service's health check parses nothing a second time; <see cref="WordTemplateException"/> when it
    /// is not a readable Word document.
    /// </summary>
    public static bool HasContentControls(byte[] template) => TemplateCache.Get(template).HasContentControls;

    internal static string ResourceName(Edition edition) => "DocGen.Templates." + TemplateBuilder.FileName(edition);

    public static byte[] Render(Report report, byte[]? template = null, WordRenderOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new WordRenderOptions();
        return Render(DocumentPlanner.Plan(report, options.Plan), report, template, options, cancel);
    }

    /// <summary>Fills the template with a plan already made (the one the PDF is drawn from).</summary>
    public static byte[] Render(DocumentPlan plan, Report report, byte[]? template, WordRenderOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new WordRenderOptions();
        var edition = plan.Edition;
        template ??= EmbeddedTemplate(edition.Id) ?? TemplateBuilder.Build(edition);

        var stamp = DocumentDates.Created(report).UtcDateTime;

        var parsed = TemplateCache.Get(template);
        var document = parsed.CloneDocument();
        Fill(plan, document.Body!, parsed.StyleIds, options, cancel);
        return parsed.Package.Write(document, WordPackage.CoreProperties(plan.Title, plan.Agency, stamp), stamp);
    }

    /// <summary>Fills a template's body with a plan; <paramref name="styleIds"/> are the template's styles.</summary>
    internal static void Fill(DocumentPlan plan, Body body, IReadOnlySet<string> styleIds, WordRenderOptions options, CancellationToken cancel) =>
        new Filler(plan, body, options, styleIds, cancel).Fill();

    private sealed class Filler(DocumentPlan plan, Body body, WordRenderOptions options, IReadOnlySet<string> styleIds, CancellationToken cancel)
    {
        private readonly Edition edition = plan.Edition;
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

            // The title's lines as the plan breaks them, one line break between each.
            SetText(WordTags.Title, string.Join("\n", plan.TitleLines));
            SetText(WordTags.Agency, plan.Agency);
            SetText(WordTags.Year, plan.Year.ToString(CultureInfo.InvariantCulture));
            SetText(WordTags.PublicationDate, plan.Date);
            if (plan.Date is null) BlankLineAfter(WordTags.Agency);
            SetBlocks(WordTags.Preface, Narrative(plan.Preface));
            SetBlocks(WordTags.Contact, plan.Contact is { } contact ? Narrative([contact]) : []);

            if (edition.Mandated)
            {
                foreach (var def in edition.Sections)
                {
                    var section = plan.Sections.FirstOrDefault(s => s.Key == def.Key);
                    SetBlocks(WordTags.Section(def.Key), Narrative(section?.Blocks ?? []));
                }
                foreach (var table in edition.Tables)
                {
                    var data = plan.Sections.Select(s => s.Table).FirstOrDefault(t => t?.Def.Id == table.Id)?.Data;
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

        /// <summary>Without a date the blank line under the front matter follows the agency, as in the PDF.</summary>
        private void BlankLineAfter(string tag)
        {
            if (!tags.TryGetValue(tag, out var list)) return;
            foreach (var p in list.Select(sdt => sdt.Ancestors<WParagraph>().FirstOrDefault() ?? sdt.Descendants<WParagraph>().FirstOrDefault()).OfType<WParagraph>())
            {
                var pPr = p.ParagraphProperties ??= new ParagraphProperties();
                pPr.SpacingBetweenLines = new SpacingBetweenLines { After = WordStyles.LinePitchTwips.ToString() };
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
            foreach (var section in plan.Sections)
            {
                cancel.ThrowIfCancellationRequested();
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
                        c.Append(Narrative(section.Blocks));
                    }
                }
                content.Append(clone);
            }
        }

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

        /// <summary>The plan's blocks as paragraphs cloned from the template's prototypes.</summary>
        private List<OpenXmlElement> Narrative(IReadOnlyList<PlanBlock> blocks)
        {
            var result = new List<OpenXmlElement>(blocks.Count);
            foreach (var block in blocks)
            {
                cancel.ThrowIfCancellationRequested();
                result.Add(block switch
                {
                    PlanHeading h => TextParagraph(protoHeadings[Math.Clamp(h.Level, WordTags.FirstSubHeadingLevel, WordTags.LastSubHeadingLevel)], h.Text),
                    PlanParagraph { Runs: [{ LeadLevel: 0 } only] } => TextParagraph(protoParagraph, only.Text),
                    PlanParagraph p => PointParagraph(p),
                    _ => throw new ArgumentOutOfRangeException(nameof(blocks)),
                });
            }
            return result;
        }

        private static WParagraph TextParagraph(WParagraph proto, string text)
        {
            var p = (WParagraph)proto.CloneNode(true);
            var rPr = p.Descendants<Run>().FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
            Emptied(p).Append(Runs(rPr, text));
            return p;
        }

        /// <summary>A paragraph with a run-in lead: the lead in its level's character style (<see cref="WordStyles.Lead"/>), the text plain.</summary>
        private WParagraph PointParagraph(PlanParagraph point)
        {
            var p = (WParagraph)protoPoint.CloneNode(true);
            var runs = p.Descendants<Run>().ToList();
            var leadPr = runs.FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
            var textPr = runs.Count > 1 ? runs[^1].RunProperties?.CloneNode(true) as RunProperties : null;
            Emptied(p);
            foreach (var run in point.Runs)
            {
                if (run.LeadLevel == 0) { p.Append(Runs(textPr, run.Text)); continue; }
                var pr = (RunProperties?)leadPr?.CloneNode(true) ?? new RunProperties();
                // A template without the level styles keeps its own lead style.
                if (styleIds.Contains(WordStyles.Lead(run.LeadLevel))) pr.RunStyle = new RunStyle { Val = WordStyles.Lead(run.LeadLevel) };
                p.Append(Runs(pr, run.Text));
            }
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

        /// <summary>
        /// Replaces every content control by its content; drops the empty ones and body paragraphs left empty by them.
        /// Each parent's children are rebuilt in one pass: moving them one by one costs the length of the list each
        /// time (OpenXML keeps children in a singly linked list), which made 100,000 paragraphs take minutes.
        /// </summary>
        private void Unwrap() => Flatten(body);

        /// <summary>Unwraps the controls under <paramref name="parent"/>; true when it held any.</summary>
        private bool Flatten(OpenXmlElement parent)
        {
            if (!parent.HasChildren) return false;
            bool rebuild = false;
            HashSet<OpenXmlElement>? drop = null;
            // Walked by sibling links and the lists made only for a parent that changes: most elements hold no control.
            for (var child = parent.FirstChild; child is not null; child = child.NextSibling())
            {
                cancel.ThrowIfCancellationRequested();
                if (child is SdtElement) rebuild = true;
                // A body paragraph that held only controls, now empty, goes too.
                if (Flatten(child) && parent is Body && child is WParagraph p && !p.ChildElements.Any(e => e is not ParagraphProperties))
                    rebuild = (drop ??= new HashSet<OpenXmlElement>(ReferenceEqualityComparer.Instance)).Add(p);
            }
            if (!rebuild) return false;
            var children = parent.ChildElements.ToList();
            var kept = new List<OpenXmlElement>(children.Count);
            foreach (var child in children)
            {
                if (drop?.Contains(child) == true) continue;
                if (child is not SdtElement sdt) { kept.Add(child); continue; }
                if (Content(sdt) is { } content)
                {
                    kept.AddRange(content.ChildElements);
                    content.RemoveAllChildren();
                }
            }
            parent.RemoveAllChildren();
            parent.Append(kept);
            return true;
        }
    }
}
