using System.Text.RegularExpressions;
using DocGen.Core.Model;

namespace DocGen.Core.Import;

/// <summary>
/// A line of the source with its 1-based number: a line of text, a paragraph, or a row of a table grid
/// (<see cref="Cells"/> set, blank cells as ""). <see cref="Lead"/> is the bold lead the source marked.
/// </summary>
internal readonly record struct SourceLine(int Number, string Text, IReadOnlyList<string>? Cells = null, string? Lead = null)
{
    public bool IsBlank => Cells is null ? Text.All(c => char.IsWhiteSpace(c) || c == '|') : Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Turns the narrative lines of a section (or the preface) into blocks: a standalone enumerated line
/// ("（一）主动公开情况", "1.持续推动用权公开") opens a <see cref="Subsection"/>; a paragraph that opens with
/// an enumerated lead sentence becomes a <see cref="Point"/>; everything else is a <see cref="Paragraph"/>.
/// </summary>
internal static partial class Narrative
{
    /// <summary>Longest lead sentence (or standalone heading) still taken as one, in characters.</summary>
    private const int MaxLead = 60;

    [GeneratedRegex(@"^(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、](?!\d))")]
    private static partial Regex EnumeratorRegex();

    /// <summary>The nesting level of an enumerator: （一） 1, "1." 2, （1） 3; 0 when the text is not enumerated.</summary>
    public static int Level(string text)
    {
        var m = EnumeratorRegex().Match(text);
        if (!m.Success) return 0;
        string e = m.Value;
        if (e[0] is '（' or '(') return char.IsAsciiDigit(e.Trim('（', '(', ' ')[0]) ? 3 : 1;
        return 2;
    }

    private sealed record Para(string Text, int Line, string? Lead = null);

    /// <summary>
    /// Splits lines into paragraphs (a blank line or a new line ends one) and, where the source is text a
    /// page may have broken (<paramref name="mayBreak"/>), joins a paragraph the page broke in two.
    /// </summary>
    private static List<Para> Paragraphs(IReadOnlyList<SourceLine> lines, List<ImportIssue> issues, bool mayBreak)
    {
        var paras = new List<Para>();
        bool blankBefore = false;
        foreach (var line in lines)
        {
            if (line.IsBlank) { blankBefore = true; continue; }
            string text = line.Text.Trim().Trim('\u3000').Trim();
            if (mayBreak && paras.Count > 0 && blankBefore && LooksBroken(paras[^1].Text) && TextNorm.IsCjk(text[0]) && Level(text) == 0)
            {
                issues.Add(new ImportIssue(line.Number, "PARAGRAPH_JOINED",
                    $"第{paras[^1].Line}行的段落未以标点结束，与第{line.Number}行“{Excerpt(text)}”合为一段", false));
                paras[^1] = paras[^1] with { Text = paras[^1].Text + text };
            }
            else paras.Add(new Para(text, line.Number, line.Lead?.Trim()));
            blankBefore = false;
        }
        return paras;
    }

    /// <summary>A long paragraph that stops in the middle of a sentence: the page broke it in two.</summary>
    private static bool LooksBroken(string text) =>
        text.Length >= 40 && TextNorm.IsCjk(text[^1]) && (Level(text) == 0 || text.Contains('。'));

    internal static string Excerpt(string text, int max = 20) => text.Length <= max ? text : text[..max] + "…";

    public static IReadOnlyList<Block> Parse(IReadOnlyList<SourceLine> lines, List<ImportIssue> issues, bool mayBreak = true)
    {
        var paras = Paragraphs(lines, issues, mayBreak);
        var root = new List<Block>();
        var open = new Stack<(int Level, string Heading, List<Block> Blocks)>();
        List<Block> Current() => open.Count > 0 ? open.Peek().Blocks : root;
        void CloseTo(int level)
        {
            while (open.Count > 0 && open.Peek().Level >= level)
            {
                var (_, heading, blocks) = open.Pop();
                Current().Add(new Subsection(heading, blocks));
            }
        }

        for (int i = 0; i < paras.Count; i++)
        {
            string text = paras[i].Text;
            int level = Level(text);
            // A bold lead the source marked, followed by more text: a point, whatever its punctuation.
            if (paras[i].Lead is { Length: > 0 } lead && lead.Length < text.Length && text.StartsWith(lead, StringComparison.Ordinal))
            {
                if (level > 0) CloseTo(level);
                Current().Add(new Point(lead, text[lead.Length..].Trim()));
                continue;
            }
            if (level == 0)
            {
                Current().Add(new Paragraph(text));
                continue;
            }
            CloseTo(level);
            int stop = text.IndexOf('。');
            if (stop >= 0 && stop < text.Length - 1 && stop < MaxLead)
            {
                Current().Add(new Point(text[..(stop + 1)], text[(stop + 1)..].Trim()));
                continue;
            }
            bool standalone = text.Length <= MaxLead && (stop < 0 || stop == text.Length - 1);
            if (!standalone)
            {
                Current().Add(new Paragraph(text));
                continue;
            }
            // A one-sentence item followed by a sibling (or nothing) is a point on its own, not a heading.
            int nextLevel = i + 1 < paras.Count ? Level(paras[i + 1].Text) : -1;
            bool sibling = nextLevel == -1 || (nextLevel > 0 && nextLevel <= level);
            if (stop == text.Length - 1 && sibling)
            {
                Current().Add(new Point(text, ""));
                continue;
            }
            open.Push((level, text, []));
        }
        CloseTo(0);
        return root;
    }
}
