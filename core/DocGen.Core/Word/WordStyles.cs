using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Word;

/// <summary>
/// The named styles of the templates, per GB/T 9704-2012: body 3号 仿宋_GB2312 on a 28.95 pt line
/// pitch with a two-character first-line indent, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold, the
/// title 2号 方正小标宋简体, page numbers 4号 宋体. A person restyles the document by editing these.
/// </summary>
internal static class WordStyles
{
    public const string Normal = "Normal";
    public const string Title = "DocTitle";
    public const string Agency = "DocAgency";
    public const string Date = "DocDate";
    public const string Body = "DocBody";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string Heading4 = "Heading4";
    public const string PointLead = "PointLead";
    public const string TableText = "TableText";
    public const string TableHeader = "TableHeading";
    public const string TableGrid = "DocTable";
    public const string PageNumber = "PageNumber";

    public const string FangSong = "仿宋_GB2312";
    public const string HeiTi = "黑体";
    public const string KaiTi = "楷体_GB2312";
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string SongTi = "宋体";

    /// <summary>28.95 pt in twentieths of a point.</summary>
    public const int LinePitchTwips = 579;
    /// <summary>The 156 mm text block.</summary>
    public static readonly int TextWidthTwips = Mm(156);
    /// <summary>One 4号 character: the page number sits this far in from the edge of the text block.</summary>
    public const int PageNumberInset = 280;

    public static int Mm(double mm) => (int)Math.Round(mm / 25.4 * 1440);

    public static Styles Build()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = Fonts(FangSong),
                FontSize = new FontSize { Val = "32" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "32" },
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitchTwips.ToString(), LineRule = LineSpacingRuleValues.Exact },
            })));

        styles.Append(ParagraphStyle(Normal, "Normal", null, isDefault: true,
            new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Both } },
            new StyleRunProperties()));
        styles.Append(ParagraphStyle(Title, "公文标题", Normal, false,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = LinePitchTwips.ToString(), Line = "700", LineRule = LineSpacingRuleValues.Exact },
                Justification = new Justification { Val = JustificationValues.Center },
                OutlineLevel = new OutlineLevel { Val = 0 },
            },
            RunProps(XiaoBiaoSong, 44, bold: false)));
        styles.Append(ParagraphStyle(Agency, "发布机关", Normal, false,
            new StyleParagraphProperties { KeepNext = new KeepNext(), Justification = new Justification { Val = JustificationValues.Center } },
            RunProps(KaiTi, 32, bold: false)));
        styles.Append(ParagraphStyle(Date, "发布日期", Normal, false,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = LinePitchTwips.ToString() },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            RunProps(FangSong, 32, bold: false)));
        styles.Append(ParagraphStyle(Body, "公文正文", Normal, false, BodyIndent(), new StyleRunProperties()));

        var headings = new (string Id, string Name, string Font, bool Bold, int Level)[]
        {
            (Heading1, "heading 1", HeiTi, false, 0),
            (Heading2, "heading 2", KaiTi, false, 1),
            (Heading3, "heading 3", FangSong, true, 2),
            (Heading4, "heading 4", FangSong, true, 3),
        };
        foreach (var h in headings)
        {
            var pPr = BodyIndent();
            pPr.KeepNext = new KeepNext();
            pPr.OutlineLevel = new OutlineLevel { Val = h.Level };
            var style = ParagraphStyle(h.Id, h.Name, Normal, false, pPr, RunProps(h.Font, 32, h.Bold));
            style.NextParagraphStyle = new NextParagraphStyle { Val = Body };
            styles.Append(style);
        }

        var lead = new Style { Type = StyleValues.Character, StyleId = PointLead, CustomStyle = true };
        lead.Append(new StyleName { Val = "要点引导句" }, new PrimaryStyle(),
            new StyleRunProperties { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() });
        styles.Append(lead);

        var tablePPr = new StyleParagraphProperties
        {
            SnapToGrid = new SnapToGrid { Val = false },
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "260", LineRule = LineSpacingRuleValues.AtLeast },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        styles.Append(ParagraphStyle(TableText, "表格文字", Normal, false, tablePPr, RunProps(FangSong, 21, bold: false)));
        styles.Append(ParagraphStyle(TableHeader, "表格标题行", TableText, false,
            new StyleParagraphProperties { KeepNext = new KeepNext() }, new StyleRunProperties()));
        styles.Append(ParagraphStyle(PageNumber, "页码", Normal, false,
            new StyleParagraphProperties
            {
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
            },
            RunProps(SongTi, 28, bold: false)));

        var table = new Style { Type = StyleValues.Table, StyleId = TableGrid, CustomStyle = true };
        var border = () => new { Val = BorderValues.Single, Size = 4u, Space = 0u, Color = "000000" };
        var b = border();
        table.Append(new StyleName { Val = "公文表格" }, new PrimaryStyle(),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = b.Val, Size = b.Size, Space = b.Space, Color = b.Color },
                    new LeftBorder { Val = b.Val, Size = b.Size, Space = b.Space, Color = b.Color },
                    new BottomBorder { Val = b.Val, Size = b.Size, Space = b.Space, Color = b.Color },
                    new RightBorder { Val = b.Val, Size = b.Size, Space = b.Space, Color = b.Color },
                    new InsideHorizontalBorder { Val = b.Val, Size = b.Size, Space = b.Space, Color = b.Color },
                    new InsideVerticalBorder { Val = b.Val, Size = b.Size, Space = b.Space, Color = b.Color }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        styles.Append(table);
        return styles;
    }

    private static StyleParagraphProperties BodyIndent() => new()
    {
        Indentation = new Indentation { FirstLineChars = 200, FirstLine = "640" },
        Justification = new Justification { Val = JustificationValues.Both },
    };

    private static RunFonts Fonts(string font) => new()
    {
        Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia,
    };

    private static StyleRunProperties RunProps(string font, int halfPoints, bool bold)
    {
        var r = new StyleRunProperties
        {
            RunFonts = Fonts(font),
            FontSize = new FontSize { Val = halfPoints.ToString() },
            FontSizeComplexScript = new FontSizeComplexScript { Val = halfPoints.ToString() },
        };
        if (bold)
        {
            r.Bold = new Bold();
            r.BoldComplexScript = new BoldComplexScript();
        }
        return r;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault,
        StyleParagraphProperties pPr, StyleRunProperties rPr)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        else if (!id.StartsWith("Heading", StringComparison.Ordinal)) style.CustomStyle = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle());
        style.Append(pPr);
        style.Append(rPr);
        return style;
    }
}
