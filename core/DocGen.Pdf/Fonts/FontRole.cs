namespace DocGen.Pdf;

/// <summary>The typographic roles of an official document; each has its own chain of font families.</summary>
public enum FontRole
{
    /// <summary>Document title (方正小标宋简体).</summary>
    Title,
    /// <summary>Body text (仿宋_GB2312).</summary>
    Body,
    /// <summary>Level-1 headings (黑体).</summary>
    Heading1,
    /// <summary>Level-2 headings (楷体_GB2312).</summary>
    Heading2,
    /// <summary>Table text.</summary>
    Table,
    /// <summary>Footer page numbers (宋体).</summary>
    PageNumber,
}
