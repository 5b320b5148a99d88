using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Core.Rendering;

/// <summary>
/// Renders a <see cref="DocumentPlan"/> as the PDF engine's document model, in GB/T 9704 styles: the same
/// title lines, front matter, headings, runs and tables the Word filler writes from the same plan.
/// </summary>
public static class ReportPdfBuilder
{
    /// <summary>GB/T 9704: 22 lines in the 225 mm text block.</summary>
    public const double LinePitch = 28.95;
    public const double BodySize = 16;
    public const double TitleSize = 22;
    /// <summary>The title's line pitch, as the Word title style's exact 35 pt.</summary>
    public const double TitlePitch = 35;
    public const double TableSize = 10.5;
    /// <summary>GB/T 9704: 28 characters a line, 22 lines a page.</summary>
    public const int CharsPerLine = 28;

    private static readonly double TextWidth = PageSetup.GbT9704().TextWidth;

    public static PdfDocumentModel Build(Report report, PlanOptions? options = null) =>
        Build(DocumentPlanner.Plan(report, options), report);

    public static PdfDocumentModel Build(DocumentPlan plan, Report report)
    {
        var doc = new PdfDocumentModel();
        doc.Info.Title = plan.Title;
        doc.Info.Author = plan.Agency;
        doc.Info.Subject = $"{report.Year}年政府信息公开工作年度报告";
        doc.Info.Creator = "DocGen";
        doc.Info.CreationDate = DocumentDates.Created(report);

        foreach (var block in FrontMatter(plan)) doc.Add(block);
        foreach (var b in plan.Preface) doc.Add(Block(b));
        if (plan.Contact is { } contact) doc.Add(Block(contact));
        foreach (var section in plan.Sections)
        {
            doc.Add(Heading(section.Heading, 1));
            foreach (var b in section.Blocks) doc.Add(Block(b));
            if (section.Table is { } table) doc.Add(Table(table));
        }
        return doc;
    }

    /// <summary>Title lines, a blank line, the agency and the date centred, a blank line: as the Word template's styles.</summary>
    private static IEnumerable<ParagraphBlock> FrontMatter(DocumentPlan plan)
    {
        var title = ParagraphBlock.Of(string.Join("\n", plan.TitleLines), FontRole.Title, TitleSize)
            .Aligned(TextAlign.Center).Pitch(TitlePitch).Spacing(0, LinePitch);
        title.Outline = new OutlineEntry(plan.Title);
        title.KeepWithNext = true;
        var agency = ParagraphBlock.Of(plan.Agency, FontRole.Body, BodySize).Aligned(TextAlign.Center).Pitch(LinePitch);
        agency.KeepWithNext = true;
        yield return title;
        yield return agency;
        if (plan.Date is { } date)
            yield return ParagraphBlock.Of(date, FontRole.Body, BodySize).Aligned(TextAlign.Center).Pitch(LinePitch).Spacing(0, LinePitch);
        else agency.SpaceAfter = LinePitch;
    }

    private static ParagraphBlock Block(PlanBlock block) => block switch
    {
        PlanHeading h => Heading(h.Text, h.Level),
        PlanParagraph p => Paragraph(p),
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };

    private static ParagraphBlock Paragraph(PlanParagraph p)
    {
        var para = new ParagraphBlock().Indent(2).Pitch(LinePitch).Grid(CharsPerLine, TextWidth, BodySize);
        foreach (var run in p.Runs)
        {
            var (role, bold) = run.LeadLevel == 0 ? (FontRole.Body, false) : LevelFont(run.LeadLevel);
            para.Add(run.Text, role, BodySize, bold);
        }
        return para;
    }

    /// <summary>The font of a heading or lead level (<see cref="LevelStyles"/>).</summary>
    public static (FontRole Role, bool Bold) LevelFont(int level)
    {
        var (face, bold) = LevelStyles.For(level);
        return (face switch { Face.HeiTi => FontRole.Heading1, Face.KaiTi => FontRole.Heading2, _ => FontRole.Body }, bold);
    }

    private static ParagraphBlock Heading(string text, int level)
    {
        var (role, bold) = LevelFont(level);
        var p = ParagraphBlock.Of(text, role, BodySize, bold).Indent(2).Pitch(LinePitch).Grid(CharsPerLine, TextWidth, BodySize).KeepNext();
        p.Outline = new OutlineEntry(text, level);
        p.Align = TextAlign.Left;
        return p;
    }

    private static TableBlock Table(PlanTable plan)
    {
        var def = plan.Def;
        // The plan's row keeps decide what moves whole, as in the .docx.
        var table = new TableBlock { HeaderRowCount = def.HeaderRows, SpaceBefore = 0, SpaceAfter = LinePitch / 2, KeepWholeGroupHeight = 0 };
        table.Columns.AddRange(def.ColumnWidths.Select(ColumnWidth.Relative));
        for (int r = 0; r < def.Layout.Count; r++)
        {
            // Every cell centred, as in the Word template.
            table.AddRow(def.Layout[r].Select(cell =>
            {
                var c = TableCell.Of(plan.CellText(cell), FontRole.Table, TableSize, TextAlign.Center, colSpan: cell.ColSpan, rowSpan: cell.RowSpan);
                if (cell.RowSpan > 1 && cell.Text is { } label) c.ShortText = Numbering.Of(label);
                return c;
            }).ToArray());
            table.Rows[^1].KeepWithNext = plan.KeepWithNext[r];
        }
        return table;
    }

    /// <summary>The printed text of a layout cell: its label, or the published form of its value.</summary>
    public static string CellText(LayoutCell cell, TableData? data) => PlanTable.CellText(cell, data);
}
