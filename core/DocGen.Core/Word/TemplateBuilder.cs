using DocGen.Core.Editions;
using DocGen.Core.Rendering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Word;

/// <summary>
/// Builds the .docx template of an edition from its definition: GB/T 9704-2012 page and styles, the
/// title block, the section headings, every mandated table with its merged cells, content controls
/// for every value, and the prototype paragraphs the filler clones. Same edition, same bytes.
/// </summary>
public static class TemplateBuilder
{
    /// <summary>The file name of an edition's template under <c>templates/</c>.</summary>
    public static string FileName(Edition edition) => $"annual-report-{edition.Id}.docx";

    /// <summary>Every edition's template: its file name under <c>templates/</c> and how to build it.</summary>
    public static IEnumerable<(string FileName, Func<byte[]> Build)> Templates() =>
        EditionCatalog.All.Select(e => (FileName(e), (Func<byte[]>)(() => Build(e))));

    public static byte[] Build(Edition edition)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = WordStyles.Build();
            var fontTable = main.AddNewPart<FontTablePart>("rIdFonts");
            fontTable.Fonts = WordFontTable.Build();
            var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
            settings.Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 640 },
                new EvenAndOddHeaders(),
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }),
                // East Asian text is Chinese: editors pick the Chinese forms of punctuation and the zh-CN font fallbacks.
                new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
            var oddFooter = main.AddNewPart<FooterPart>("rIdFooterOdd");
            oddFooter.Footer = PageNumberFooter(odd: true);
            var evenFooter = main.AddNewPart<FooterPart>("rIdFooterEven");
            evenFooter.Footer = PageNumberFooter(odd: false);

            var body = new Body();
            body.Append(TitleBlock());
            body.Append(BlockSdt(WordTags.Preface, "前言", EmptyBody()));
            body.Append(BlockSdt(WordTags.Contact, "联系方式", EmptyBody()));
            if (edition.Mandated)
            {
                foreach (var section in edition.Sections)
                {
                    body.Append(Para(WordStyles.Heading1, section.Heading));
                    body.Append(BlockSdt(WordTags.Section(section.Key), section.Heading, EmptyBody()));
                    if (section.TableId is { } id && edition.Table(id) is { } table)
                    {
                        body.Append(Table(table));
                        body.Append(SpaceAfterTable());
                    }
                }
            }
            else
            {
                // The customary parts of a pre-2019 report, each a repeatable item: the filler repeats the first
                // one for every section of the report, so a person may also delete or add parts here.
                var items = edition.Sections.Select(section =>
                {
                    var heading = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.Heading1 }),
                        RunSdt(WordTags.SectionHeading, "部分标题", section.Heading));
                    return (OpenXmlElement)BlockSdt(WordTags.SectionItem, "部分", heading, BlockSdt(WordTags.SectionBody, "部分正文", EmptyBody()));
                }).ToArray();
                body.Append(BlockSdt(WordTags.Sections, "各部分（可重复）", items));
            }
            body.Append(Prototypes());
            body.Append(SectionProperties());
            main.Document = new Document(body);
            WordPackage.WriteCoreProperties(doc, $"政府信息公开工作年度报告模板（{edition.Id}）", "DocGen",
                new DateTime(edition.FirstYear ?? 2008, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
        return WordPackage.Normalise(stream.ToArray(), new DateTime(edition.FirstYear ?? 2008, 1, 1));
    }

    private static IEnumerable<OpenXmlElement> TitleBlock()
    {
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.Title }),
            RunSdt(WordTags.Title, "标题", "××××××××年政府信息公开工作年度报告"));
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.Agency }),
            RunSdt(WordTags.Agency, "发布机关", "××××××"));
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.Date }),
            RunSdt(WordTags.PublicationDate, "发布日期", "××××年×月×日"));
    }

    private static Paragraph EmptyBody() => new(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.Body }));

    private static SdtBlock Prototypes()
    {
        var point = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.Body }),
            new Run(new RunProperties(new RunStyle { Val = WordStyles.PointLead }), Text("1.要点引导句。")),
            new Run(Text("要点正文（样式原型，填写时删除）。")));
        var content = new List<OpenXmlElement>
        {
            BlockSdt(WordTags.ProtoParagraph, "原型：正文段落", Para(WordStyles.Body, "正文段落（样式原型，填写时删除）。")),
            BlockSdt(WordTags.ProtoPoint, "原型：要点", point),
            BlockSdt(WordTags.ProtoHeading(2), "原型：二级标题", Para(WordStyles.Heading2, "（一）二级标题（样式原型）")),
            BlockSdt(WordTags.ProtoHeading(3), "原型：三级标题", Para(WordStyles.Heading3, "1.三级标题（样式原型）")),
            BlockSdt(WordTags.ProtoHeading(4), "原型：四级标题", Para(WordStyles.Heading4, "（1）四级标题（样式原型）")),
        };
        return BlockSdt(WordTags.Prototypes, "样式原型（填写时删除）", content.ToArray());
    }

    /// <summary>Half a line below a table, as in the PDF, so the next heading does not sit on the table's bottom rule.</summary>
    private static Paragraph SpaceAfterTable() => new(new ParagraphProperties(
        new ParagraphStyleId { Val = WordStyles.Body },
        new SnapToGrid { Val = false },
        new SpacingBetweenLines { Before = "0", After = "0", Line = (WordStyles.LinePitchTwips / 2).ToString(), LineRule = LineSpacingRuleValues.Exact }));

    internal static Table Table(TableDef def)
    {
        var keeps = DocumentPlanner.Table(def, null).KeepWithNext;
        int g = def.GridColumns;
        // Integral twips widths that add up to the text block exactly.
        double sum = def.ColumnWidths.Sum();
        var widths = new int[g];
        int used = 0;
        for (int i = 0; i < g; i++)
        {
            widths[i] = i == g - 1 ? WordStyles.TextWidthTwips - used : (int)Math.Round(def.ColumnWidths[i] / sum * WordStyles.TextWidthTwips);
            used += widths[i];
        }

        var table = new Table(new TableProperties(
            new TableStyle { Val = WordStyles.TableGrid },
            new TableWidth { Width = WordStyles.TextWidthTwips.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        // Which layout cell starts at or covers each grid position.
        int rows = def.Layout.Count;
        var owner = new LayoutCell?[rows, g];
        var ownerRow = new int[rows, g];
        for (int r = 0; r < rows; r++)
            foreach (var cell in def.Layout[r])
                for (int dr = 0; dr < cell.RowSpan && r + dr < rows; dr++)
                    for (int dc = 0; dc < cell.ColSpan && cell.Column + dc < g; dc++)
                    {
                        owner[r + dr, cell.Column + dc] = cell;
                        ownerRow[r + dr, cell.Column + dc] = r;
                    }

        for (int r = 0; r < rows; r++)
        {
            var trPr = new TableRowProperties(new CantSplit());
            if (r < def.HeaderRows) trPr.Append(new TableHeader());
            var row = new TableRow(trPr);
            for (int c = 0; c < g;)
            {
                var cell = owner[r, c];
                if (cell is null || cell.Column != c)
                {
                    var empty = new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.TableText });
                    if (keeps[r]) empty.KeepNext = new KeepNext();
                    row.Append(Cell(widths[c], 1, null, new Paragraph(empty)));
                    c++;
                    continue;
                }
                int width = widths.Skip(c).Take(cell.ColSpan).Sum();
                bool first = ownerRow[r, c] == r;
                VerticalMerge? merge = cell.RowSpan > 1
                    ? first ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge()
                    : null;
                string style = cell.Role is CellRole.Caption or CellRole.ColumnHeader ? WordStyles.TableHeader : WordStyles.TableText;
                var pPr = new ParagraphProperties(new ParagraphStyleId { Val = style });
                // Word keeps a row with the next when its paragraphs keep with the next: no block of 表二 is split.
                if (keeps[r]) pPr.KeepNext = new KeepNext();
                var p = new Paragraph(pPr);
                if (first)
                {
                    if (cell.Data is { } data)
                    {
                        var rowDef = def.Row(data.RowKey)!;
                        var column = rowDef.Columns[data.Column];
                        p.Append(RunSdt(WordTags.Cell(def, data), $"{def.Name} {rowDef.FullLabel} {column.Label}", ""));
                    }
                    else if (!string.IsNullOrEmpty(cell.Text))
                    {
                        p.Append(new Run(Text(cell.Text)));
                    }
                }
                row.Append(Cell(width, cell.ColSpan, merge, p));
                c += cell.ColSpan;
            }
            table.Append(row);
        }
        return table;
    }

    private static TableCell Cell(int width, int span, VerticalMerge? merge, Paragraph p)
    {
        var pr = new TableCellProperties { TableCellWidth = new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa } };
        if (span > 1) pr.GridSpan = new GridSpan { Val = span };
        if (merge is not null) pr.VerticalMerge = merge;
        pr.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center };
        return new TableCell(pr, p);
    }

    private static Footer PageNumberFooter(bool odd)
    {
        var pPr = new ParagraphProperties(
            new ParagraphStyleId { Val = WordStyles.PageNumber },
            odd ? new Indentation { Right = WordStyles.PageNumberInset.ToString() } : new Indentation { Left = WordStyles.PageNumberInset.ToString() },
            new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left });
        return new Footer(new Paragraph(pPr,
            new Run(Text("— ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Text(" —"))));
    }

    private static SectionProperties SectionProperties() => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooterOdd" },
        new FooterReference { Type = HeaderFooterValues.Even, Id = "rIdFooterEven" },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin
        {
            Top = WordStyles.Mm(37), Bottom = WordStyles.Mm(35), Left = (uint)WordStyles.Mm(28), Right = (uint)WordStyles.Mm(26),
            Header = (uint)WordStyles.Mm(15), Footer = (uint)WordStyles.Mm(FooterDistanceMm), Gutter = 0,
        },
        new Columns { Space = "425" },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = WordStyles.LinePitchTwips });

    /// <summary>
    /// The footer's distance from the page's bottom edge that puts the page number's dashes 7 mm below the text
    /// block (GB/T 9704), as the PDF does. Measured in LibreOffice's rendering with mutool: at 23.5 mm the dash
    /// sat 8.9 mm below the block, so the footer rises by the difference.
    /// </summary>
    private const double FooterDistanceMm = 25.4;

    internal static Paragraph Para(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(Text(text)));

    internal static Text Text(string s) => new(s) { Space = SpaceProcessingModeValues.Preserve };

    private static SdtRun RunSdt(string tag, string alias, string placeholder) =>
        new(new SdtProperties(new SdtAlias { Val = alias }, new Tag { Val = tag }),
            new SdtContentRun(new Run(Text(placeholder))));

    private static SdtBlock BlockSdt(string tag, string alias, params OpenXmlElement[] content) =>
        new(new SdtProperties(new SdtAlias { Val = alias }, new Tag { Val = tag }), new SdtContentBlock(content));
}
