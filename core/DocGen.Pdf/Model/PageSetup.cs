namespace DocGen.Pdf;

/// <summary>Paper size and text block, in points; the default is GB/T 9704-2012 on A4.</summary>
public sealed class PageSetup
{
    /// <summary>Page width (A4: 595.28 pt).</summary>
    public double Width { get; set; } = 595.28;
    /// <summary>Page height (A4: 841.89 pt).</summary>
    public double Height { get; set; } = 841.89;
    /// <summary>Distance from the top edge to the text block (GB/T 9704: 37 mm).</summary>
    public double MarginTop { get; set; } = Units.Mm(37);
    /// <summary>Distance from the left edge to the text block (GB/T 9704: 28 mm).</summary>
    public double MarginLeft { get; set; } = Units.Mm(28);
    /// <summary>Text block width (GB/T 9704: 156 mm).</summary>
    public double TextWidth { get; set; } = Units.Mm(156);
    /// <summary>Text block height (GB/T 9704: 225 mm).</summary>
    public double TextHeight { get; set; } = Units.Mm(225);
    /// <summary>Footer page numbers; null for none.</summary>
    public PageNumberStyle? PageNumbers { get; set; } = new();

    /// <summary>A4 with the GB/T 9704-2012 text block and page numbers.</summary>
    public static PageSetup GbT9704() => new();
}

/// <summary>How footer page numbers look (GB/T 9704: "— 1 —", 4号 Song, 7 mm below the text block).</summary>
public sealed class PageNumberStyle
{
    /// <summary>Composite format with {0} for the number; em dashes U+2014 with spaces by default.</summary>
    public string Format { get; set; } = "\u2014 {0} \u2014";
    /// <summary>Font size in points (4号 = 14 pt).</summary>
    public double FontSize { get; set; } = 14;
    /// <summary>Font role of the numbers.</summary>
    public FontRole Role { get; set; } = FontRole.PageNumber;
    /// <summary>Distance from the text block's bottom edge down to the dashes' line.</summary>
    public double DistanceBelowText { get; set; } = Units.Mm(7);
    /// <summary>Inset from the text block's side edge, in characters of <see cref="FontSize"/>.</summary>
    public double InsetChars { get; set; } = 1;
    /// <summary>Odd pages right, even pages left (true); or always centred (false).</summary>
    public bool OutsideAligned { get; set; } = true;
    /// <summary>Number printed on the first page.</summary>
    public int StartNumber { get; set; } = 1;
}
