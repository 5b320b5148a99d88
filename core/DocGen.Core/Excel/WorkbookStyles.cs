using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Core.Excel;

/// <summary>
/// The cell formats of the workbook. Label cells stay locked (the default), value cells are unlocked, so
/// sheet protection without a password keeps the official labels and the checks intact while figures are typed.
/// </summary>
internal static class WorkbookStyles
{
    public const uint Heading = 1;
    public const uint Label = 2;
    public const uint RowLabel = 3;
    public const uint Count = 4;
    public const uint Money = 5;
    public const uint CheckText = 6;
    public const uint CheckValue = 7;
    public const uint TitleText = 8;
    public const uint TitleNumber = 9;

    /// <summary>Differential formats of the conditional formatting: a failed error rule, a failed warning rule or a blank lane.</summary>
    public const uint ErrorFormat = 0;
    public const uint WarningFormat = 1;

    public static Stylesheet Build()
    {
        var fonts = new Fonts(
            Font("宋体", 11, bold: false),
            Font("宋体", 14, bold: true));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder()));
        var formats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            Format(1, 0, 0, 0, locked: true, HorizontalAlignmentValues.Left),                     // Heading
            Format(0, 2, 1, 0, locked: true, HorizontalAlignmentValues.Center),                   // Label
            Format(0, 2, 1, 0, locked: true, HorizontalAlignmentValues.Left),                     // RowLabel
            Format(0, 0, 1, 0, locked: false, HorizontalAlignmentValues.Center),                  // Count
            Format(0, 0, 1, 2, locked: false, HorizontalAlignmentValues.Center),                  // Money: 0.00
            Format(0, 0, 1, 0, locked: true, HorizontalAlignmentValues.Left),                     // CheckText
            Format(0, 0, 1, 0, locked: true, HorizontalAlignmentValues.Center),                   // CheckValue
            Format(0, 0, 1, 49, locked: false, HorizontalAlignmentValues.Left),                   // TitleText: text, keeps 030001
            Format(0, 0, 1, 0, locked: false, HorizontalAlignmentValues.Left));                   // TitleNumber
        var differential = new DifferentialFormats(
            Differential("FF9C0006", "FFFFC7CE"),
            Differential("FF9C5700", "FFFFEB9C"));
        return new Stylesheet(
            fonts, fills, borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }),
            differential);
    }

    private static Font Font(string name, double size, bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size }, new FontName { Val = name }, new FontCharSet { Val = 134 });
        return font;
    }

    private static T Side<T>() where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

    private static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, bool locked, HorizontalAlignmentValues horizontal) => new(
        new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = true },
        new Protection { Locked = locked })
    {
        FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat, FormatId = 0,
        ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = numberFormat != 0,
        ApplyAlignment = true, ApplyProtection = true,
    };

    private static DifferentialFormat Differential(string text, string fill) => new(
        new Font(new Bold(), new Color { Rgb = text }),
        new Fill(new PatternFill(new ForegroundColor { Rgb = fill }, new BackgroundColor { Rgb = fill }) { PatternType = PatternValues.Solid }));
}
