using System.Text;
using DocGen.Core.Model;

namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// One paragraph of the narrative: where it is (a JSON pointer and a name for messages, "第一部分第3段")
/// and its text. <see cref="Folded"/> is the text as the phrases read it, line breaks dropped so that a
/// statement split across a line still reads (the wordings take full- and half-width alike, so nothing else
/// is changed and most paragraphs are not copied); <see cref="Quote"/> cuts the original text back out.
/// </summary>
internal sealed class NarrativeParagraph
{
    private readonly string original;
    private readonly int[]? map; // folded index → original index, only when line breaks were dropped

    public string Pointer { get; }
    public string Where { get; }
    public string Folded { get; }

    public NarrativeParagraph(string pointer, string where, string text)
    {
        Pointer = pointer;
        Where = where;
        original = text;
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            Folded = text;
            return;
        }
        var sb = new StringBuilder(text.Length);
        var indices = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n') continue;
            sb.Append(text[i]);
            indices.Add(i);
        }
        Folded = sb.ToString();
        map = indices.ToArray();
    }

    /// <summary>Full-width digits and signs to ASCII (１５ → 15), for parsing a figure the wordings matched.</summary>
    public static string Fold(string s) =>
        string.Create(s.Length, s, (span, src) =>
        {
            for (int i = 0; i < src.Length; i++)
                span[i] = src[i] is >= '\uFF01' and <= '\uFF5E' ? (char)(src[i] - 0xFEE0) : src[i];
        });

    /// <summary>The original text of the folded span [start, end), line breaks removed.</summary>
    public string Quote(int start, int end)
    {
        if (end <= start) return "";
        if (map is null) return original[start..end];
        return original[map[start]..(map[end - 1] + 1)].Replace("\r", "").Replace("\n", "");
    }
}

/// <summary>Lists the paragraphs of a report in reading order with their pointers and names.</summary>
internal static class NarrativeText
{
    public static IEnumerable<(string Pointer, string Where, string Text)> Paragraphs(Report report)
    {
        int n = 0;
        foreach (var p in Walk(report.Preface, "/preface", () => $"前言第{++n}段")) yield return p;
        for (int s = 0; s < report.Sections.Count; s++)
        {
            int k = 0;
            string part = $"第{Ordinal(s + 1)}部分";
            foreach (var p in Walk(report.Sections[s].Blocks, $"/sections/{s}/blocks", () => $"{part}第{++k}段")) yield return p;
        }
    }

    private static IEnumerable<(string, string, string)> Walk(IReadOnlyList<Block> blocks, string pointer, Func<string> name)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            string p = $"{pointer}/{i}";
            switch (blocks[i])
            {
                case Paragraph para:
                    yield return (p, name(), para.Text);
                    break;
                case Point point:
                    yield return (p, name(), point.Lead + point.Text);
                    break;
                case Subsection sub:
                    foreach (var x in Walk(sub.Blocks, p + "/blocks", name)) yield return x;
                    break;
            }
        }
    }

    /// <summary>一 … 九十九, as parts are numbered.</summary>
    public static string Ordinal(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n < 10) return digits[n].ToString();
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        if (n < 100) return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
