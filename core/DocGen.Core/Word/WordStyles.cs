using DocGen.Core.Rendering;
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

    /// <summary>The character style of a run-in lead of a level; level 3 ("1.") keeps the historic PointLead id.</summary>
    public static string Lead(int level) => level == 3 ? PointLead : $"PointLead{Math.Clamp(level, 1, 4)}";

    public static string FontName(Face face) => face switch
    {
        Face.HeiTi => HeiTi,
        Face.KaiTi => KaiTi,
        _ => FangSong,
    };

    /// <summary>The table text's line: 1.4 × 10.5 pt, as the PDF engine sets a line without a fixed pitch.</summary>
    public const int TableLineTwips = 294;

    /// <summary>Body text condensed by −5 twentieths of a point (see the Normal style).</summary>
    public const int BodyCondenseTwips = -5;

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

        // GB/T 9704's 28 characters of 3号 in the 156 mm line: 15.79 pt a character, 0.21 pt less than 16 pt.
        // Body text is condensed by a quarter point, so Word, WPS and LibreOffice all set 28 characters a line.
        // (A linesAndChars grid with charSpace −849 says the same to Word, but LibreOffice gives every 16 pt
        // character two 15.79 pt cells, 14 characters a line, so the grid stays lines-only.)
        styles.Append(ParagraphStyle(Normal, "Normal", null, isDefault: true,
            new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Both } },
            new StyleRunProperties
            {
                Spacing = new Spacing { Val = BodyCondenseTwips },
                FontSize = new FontSize { Val = "32" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "32" },
            }));
        styles.Append(ParagraphStyle(Title, "公文标题", Normal, false,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = LinePitchTwips.ToString(), Line = "700", LineRule = LineSpacingRuleValues.Exact },
                Justification = new Justification { Val = JustificationValues.Center },
                OutlineLevel = new OutlineLevel { Val = 0 },
            },
            Uncondensed(RunProps(XiaoBiaoSong, 44, bold: false))));
        // The agency and the date in 仿宋, as in the PDF; one blank line after the title and one after the date.
        styles.Append(ParagraphStyle(Agency, "发布机关", Normal, false,
            new StyleParagraphProperties { KeepNext = new KeepNext(), Justification = new Justification { Val = JustificationValues.Center } },
            RunProps(FangSong, 32, bold: false)));
        styles.Append(ParagraphStyle(Date, "发布日期", Normal, false,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = LinePitchTwips.ToString() },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            RunProps(FangSong, 32, bold: false)));
        styles.Append(ParagraphStyle(Body, "公文正文", Normal, false, BodyIndent(), new StyleRunProperties()));

        // Headings and run-in leads of a level share one face (LevelStyles), as in the PDF.
        for (int level = 1; level <= 4; level++)
        {
            var (face, bold) = LevelStyles.For(level);
            var pPr = BodyIndent();
            pPr.KeepNext = new KeepNext();
            pPr.OutlineLevel = new OutlineLevel { Val = level - 1 };
            var style = ParagraphStyle($"Heading{level}", $"heading {level}", Normal, false, pPr, RunProps(FontName(face), 32, bold));
            style.NextParagraphStyle = new NextParagraphStyle { Val = Body };
            styles.Append(style);

            var lead = new Style { Type = StyleValues.Character, StyleId = Lead(level), CustomStyle = true };
            var leadRun = new StyleRunProperties { RunFonts = Fonts(FontName(face)) };
            if (bold) { leadRun.Bold = new Bold(); leadRun.BoldComplexScript = new BoldComplexScript(); }
            lead.Append(new StyleName { Val = level == 3 ? "要点引导句" : $"要点引导句（{level}级）" }, new PrimaryStyle(), leadRun);
            styles.Append(lead);
        }

        var tablePPr = new StyleParagraphProperties
        {
            SnapToGrid = new SnapToGrid { Val = false },
            // Rows as tall as the PDF's: 10.5 pt text on a 14.7 pt line (1.4 em), 3 pt above and below (the cell margins).
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = TableLineTwips.ToString(), LineRule = LineSpacingRuleValues.Exact },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        styles.Append(ParagraphStyle(TableText, "表格文字", Normal, false, tablePPr, Uncondensed(RunProps(FangSong, 21, bold: false))));
        styles.Append(ParagraphStyle(TableHeader, "表格标题行", TableText, false,
            new StyleParagraphProperties { KeepNext = new KeepNext() }, new StyleRunProperties()));
        styles.Append(ParagraphStyle(PageNumber, "页码", Normal, false,
            new StyleParagraphProperties
            {
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
            },
            Uncondensed(RunProps(SongTi, 28, bold: false))));

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
                    new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        styles.Append(table);
        return styles;
    }

    private static StyleParagraphProperties BodyIndent() => new()
    {
        Indentation = new Indentation { FirstLineChars = 200, FirstLine = "640" },
        Justification = new Justification { Val = JustificationValues.Both },
    };

    /// <summary>Off the character grid (title, tables, page numbers) text keeps its natural spacing.</summary>
    private static StyleRunProperties Uncondensed(StyleRunProperties r)
    {
        r.Spacing = new Spacing { Val = 0 };
        return r;
    }

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
