using DocGen.Core.Editions;
using DocGen.Core.Model;
using Block = DocGen.Core.Model.Block;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Core.Rendering;

/// <summary>
/// Turns a report into the PDF engine's document model: the same title block, preface, headings,
/// narrative and tables as the .docx, read from the same edition definitions, in GB/T 9704 styles.
/// </summary>
public static class ReportPdfBuilder
{
    /// <summary>GB/T 9704: 22 lines in the 225 mm text block.</summary>
    public const double LinePitch = 28.95;
    public const double BodySize = 16;
    public const double TitleSize = 22;
    public const double TableSize = 10.5;

    public static PdfDocumentModel Build(Report report)
    {
        var edition = EditionCatalog.Find(report.Edition) ?? throw new ArgumentException($"unknown edition {report.Edition}");
        var doc = new PdfDocumentModel();
        doc.Info.Title = Clean(report.EffectiveTitle);
        doc.Info.Author = Clean(report.Agency);
        doc.Info.Subject = $"{report.Year}年政府信息公开工作年度报告";
        doc.Info.Creator = "DocGen";
        doc.Info.CreationDate = DocumentDates.Created(report);

        foreach (var block in TitleBlock(report)) doc.Add(block);
        foreach (var b in report.Preface) AddBlock(doc, b, 0);
        if (ReportText.ContactLine(report) is { } contact) doc.Add(Body(contact));
        foreach (var section in report.Sections)
        {
            doc.Add(Heading(section.Heading, FontRole.Heading1, level: 0));
            foreach (var b in section.Blocks) AddBlock(doc, b, 1);
            var tableId = section.Key is null ? null : edition.Section(section.Key)?.TableId;
            if (tableId is not null && edition.Table(tableId) is { } def)
                doc.Add(Table(def, report.Tables.GetValueOrDefault(def.Id)));
        }
        return doc;
    }

    private static IEnumerable<ParagraphBlock> TitleBlock(Report report)
    {
        var title = ParagraphBlock.Of(Clean(report.EffectiveTitle), FontRole.Title, TitleSize)
            .Aligned(TextAlign.Center).Pitch(36).Spacing(0, LinePitch / 2);
        title.Outline = new OutlineEntry(Clean(report.EffectiveTitle));
        yield return title;
        // As in the Word template: the agency, then the publication date, centred under the title.
        yield return ParagraphBlock.Of(Clean(report.Agency), FontRole.Body, BodySize).Aligned(TextAlign.Center).Pitch(LinePitch);
        if (ReportText.PublicationDate(report) is { } date)
            yield return ParagraphBlock.Of(date, FontRole.Body, BodySize).Aligned(TextAlign.Center).Pitch(LinePitch);
    }

    private static void AddBlock(PdfDocumentModel doc, Block block, int depth)
    {
        switch (block)
        {
            case Paragraph p:
                doc.Add(Body(p.Text));
                break;
            case Point pt:
                var para = Body(pt.Lead, bold: true);
                if (pt.Text.Length > 0) para.Add(Clean(pt.Text), FontRole.Body, BodySize);
                doc.Add(para);
                break;
            case Subsection sub:
                // 一、 is 黑体, （一） is 楷体, deeper levels are 仿宋 bold (GB/T 9704 heading levels).
                doc.Add(depth <= 1
                    ? Heading(sub.Heading, FontRole.Heading2, level: 1)
                    : Heading(sub.Heading, FontRole.Body, level: depth, bold: true));
                foreach (var b in sub.Blocks) AddBlock(doc, b, depth + 1);
                break;
        }
    }

    /// <summary>GB/T 9704: 28 characters a line, 22 lines a page.</summary>
    public const int CharsPerLine = 28;

    private static readonly double TextWidth = PageSetup.GbT9704().TextWidth;

    private static ParagraphBlock Body(string text, bool bold = false) =>
        ParagraphBlock.Of(Clean(text), FontRole.Body, BodySize, bold).Indent(2).Pitch(LinePitch).Grid(CharsPerLine, TextWidth, BodySize);

    private static ParagraphBlock Heading(string text, FontRole role, int level, bool bold = false)
    {
        var p = ParagraphBlock.Of(Clean(text), role, BodySize, bold).Indent(2).Pitch(LinePitch).Grid(CharsPerLine, TextWidth, BodySize).KeepNext();
        p.Outline = new OutlineEntry(Clean(text), level + 1);
        p.Align = TextAlign.Left;
        return p;
    }

    private static TableBlock Table(TableDef def, TableData? data)
    {
        var table = new TableBlock { HeaderRowCount = def.HeaderRows, SpaceBefore = 6, SpaceAfter = LinePitch / 2 };
        table.Columns.AddRange(def.ColumnWidths.Select(ColumnWidth.Relative));
        for (int r = 0; r < def.Layout.Count; r++)
        {
            var row = def.Layout[r];
            // Every cell centred, as in the Word template.
            table.AddRow(row.Select(cell =>
            {
                var c = TableCell.Of(CellText(cell, data), FontRole.Table, TableSize, TextAlign.Center, colSpan: cell.ColSpan, rowSpan: cell.RowSpan);
                if (cell.RowSpan > 1 && cell.Text is { } label) c.ShortText = Numbering.Of(label);
                return c;
            }).ToArray());
            // A caption or a header inside the body (table 二's blocks) never ends a page.
            table.Rows[^1].KeepWithNext = r >= def.HeaderRows && row.All(c => c.Role is CellRole.Caption or CellRole.ColumnHeader);
        }
        return table;
    }

    /// <summary>The printed text of a layout cell: its label, or the published form of its value.</summary>
    public static string CellText(LayoutCell cell, TableData? data) =>
        cell.Data is { } r ? data?.Get(r.RowKey, r.Column)?.Display ?? "" : cell.Text ?? "";

    /// <summary>Drops control characters, which no document can hold.</summary>
    public static string Clean(string text) => TextCleaner.Clean(text);
}
