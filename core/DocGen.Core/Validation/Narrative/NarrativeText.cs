using System.Globalization;
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

    private readonly NarrativeSource source;

    public string Pointer => source.Pointer;
    public string Where => source.Where;
    public string Folded { get; }

    public NarrativeParagraph(NarrativeSource source)
    {
        this.source = source;
        string text = source.Text;
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
    public static string Fold(string s) => string.Create(s.Length, s, (span, src) => Fold(src, span));

    /// <summary><see cref="Fold(string)"/> into <paramref name="folded"/>, as long as <paramref name="text"/>.</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        for (int i = 0; i < text.Length; i++)
            folded[i] = text[i] is >= '\uFF01' and <= '\uFF5E' ? (char)(text[i] - 0xFEE0) : text[i];
    }

    /// <summary>The original text of the folded span [start, end), line breaks removed.</summary>
    public string Quote(int start, int end)
    {
        if (end <= start) return "";
        if (map is null) return original[start..end];
        return original[map[start]..(map[end - 1] + 1)].Replace("\r", "").Replace("\n", "");
    }
}

/// <summary>
/// A paragraph of the narrative and where it is: the JSON pointer and the name for messages ("第一部分第3段")
/// are made only when a finding names them, since a long narrative has tens of thousands of paragraphs.
/// </summary>
internal readonly record struct NarrativeSource(string Blocks, int Index, int Part, int Number, string Body, string Lead = "")
{
    /// <summary>The text: a point's lead and body joined, made when asked for, since most paragraphs are only looked at.</summary>
    public string Text => Lead.Length == 0 ? Body : Lead + Body;

    /// <summary>In the preface (<see cref="Part"/> is -1) rather than in a part.</summary>
    public bool InPreface => Part < 0;
    public string Pointer => Validation.Pointer.Join(Blocks, Index);
    public string Where => Part < 0
        ? string.Concat("前言第", Number.ToString(CultureInfo.InvariantCulture), "段")
        : string.Concat("第", NarrativeText.Ordinal(Part + 1), "部分第", Number.ToString(CultureInfo.InvariantCulture), "段");
}

/// <summary>Lists the paragraphs of a report in reading order with their places.</summary>
internal static class NarrativeText
{
    public static IEnumerable<NarrativeSource> Paragraphs(Report report)
    {
        var n = new Counter();
        foreach (var p in Walk(report.Preface, "/preface", -1, n)) yield return p;
        for (int s = 0; s < report.Sections.Count; s++)
            foreach (var p in Walk(report.Sections[s].Blocks, $"/sections/{s}/blocks", s, new Counter())) yield return p;
    }

    /// <summary>Paragraphs are numbered through a part, subsections included.</summary>
    private sealed class Counter
    {
        public int N;
    }

    private static IEnumerable<NarrativeSource> Walk(IReadOnlyList<Block> blocks, string pointer, int part, Counter n)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case Paragraph para:
                    yield return new(pointer, i, part, ++n.N, para.Text);
                    break;
                case Point point:
                    yield return new(pointer, i, part, ++n.N, point.Text, point.Lead);
                    break;
                case Subsection sub:
                    foreach (var x in Walk(sub.Blocks, $"{pointer}/{i}/blocks", part, n)) yield return x;
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
