using DocGen.Core.Model;

namespace DocGen.Core.Rendering;

/// <summary>Texts the Word and PDF writers both print, phrased once so the two documents say the same.</summary>
public static class ReportText
{
    /// <summary>"2025年1月26日", or null when the report gives no date.</summary>
    public static string? PublicationDate(Report report) =>
        report.PublicationDate is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;

    /// <summary>
    /// The contact paragraph, or null when there is no contact or the preface already gives every part of
    /// it (most reports do), so nothing is printed twice.
    /// </summary>
    public static string? ContactLine(Report report)
    {
        var c = report.Contact;
        if (c is null || c.IsEmpty) return null;
        var preface = string.Concat(PlainTexts(report.Preface));
        var parts = new (string Label, string? Value)[]
        {
            ("联系单位：", c.Office), ("联系地址：", c.Address), ("邮政编码：", c.Postcode), ("联系电话：", c.Phone),
            ("传真：", c.Fax), ("电子邮箱：", c.Email), ("网址：", c.Website),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToList();
        if (parts.All(p => preface.Contains(p.Value!, StringComparison.Ordinal))) return null;
        return string.Join("；", parts.Select(p => p.Label + p.Value)) + "。";
    }

    /// <summary>Every text of a block list in reading order, headings included.</summary>
    public static IEnumerable<string> PlainTexts(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Paragraph p => [p.Text],
        Point pt => [pt.Lead, pt.Text],
        Subsection sub => PlainTexts(sub.Blocks).Prepend(sub.Heading),
        _ => [],
    });
}
