using System.Buffers;

namespace DocGen.Core.Rendering;

/// <summary>
/// Half-width punctuation copied from web pages (",", ":", "(一)") next to Chinese text, made full-width as the
/// format writes it. Only marks with Chinese on their side change: "3,755.52", "www.gov.cn" and "(1)" inside
/// Latin text stay as written.
/// </summary>
public static class Punctuation
{
    /// <summary>The half-width marks that may change; found with one vectorised search, since most text has few.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create(MarkList);

    private static char Wide(char c) => c switch
    {
        ',' => '，', ';' => '；', ':' => '：', '?' => '？', '!' => '！', '(' => '（', ')' => '）',
        _ => c,
    };

    /// <summary>A character of Chinese text: ideographs and full-width punctuation.</summary>
    public static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF'
        or >= '\u3000' and <= '\u303F' or >= '\uFF01' and <= '\uFF5E' or '“' or '”' or '‘' or '’' or '…' or '—';

    /// <summary>
    /// Marks to change: a comma, colon, semicolon, ? or ! after Chinese; a bracket pair whose inside or outside is
    /// Chinese. Each character maps to one, so positions are kept; the same string comes back when nothing changes.
    /// </summary>
    public static string Normalise(string text)
    {
        char[]? changed = null;
        // Every decision reads the text as written, so the marks can be changed in place in a copy.
        for (int i = NextChange(text, 0); i >= 0; i = NextChange(text, i + 1))
            (changed ??= text.ToCharArray())[i] = Wide(text[i]);
        return changed is null ? text : new string(changed);
    }

    /// <summary>How many different half-width marks there are: the length <see cref="ChangedMarks"/> needs.</summary>
    public const int MarkCount = 7;

    /// <summary>
    /// Writes the distinct half-width marks <see cref="Normalise"/> would change into <paramref name="marks"/>, in order of
    /// first change, and returns how many (0 if none): into a caller's buffer, since most paragraphs of a pasted narrative have some.
    /// </summary>
    public static int ChangedMarks(string text, Span<char> marks)
    {
        // After each new mark only the marks not yet found are searched for: a pasted paragraph has many commas.
        int count = 0, found = 0;
        for (int i = NextChange(text, 0, Unfound[0]); i >= 0; i = NextChange(text, i + 1, Unfound[found]))
        {
            marks[count++] = text[i];
            found |= 1 << MarkList.IndexOf(text[i]);
            if (count == MarkCount) break;
        }
        return count;
    }

    private const string MarkList = ",;:?!()";

    /// <summary>For each set of marks found (a bit a mark of <see cref="MarkList"/>), the search for the others.</summary>
    private static readonly SearchValues<char>[] Unfound = Enumerable.Range(0, 1 << MarkCount)
        .Select(found => SearchValues.Create(MarkList.Where((_, i) => (found & 1 << i) == 0).ToArray())).ToArray();

    /// <summary>The index of the first mark at or after <paramref name="from"/> that is to be made full-width, or -1.</summary>
    private static int NextChange(string text, int from) => NextChange(text, from, Marks);

    private static int NextChange(string text, int from, SearchValues<char> marks)
    {
        while (from < text.Length)
        {
            int next = text.AsSpan(from).IndexOfAny(marks);
            if (next < 0) return -1;
            if (ShouldWiden(text, from + next)) return from + next;
            from += next + 1;
        }
        return -1;
    }

    /// <summary>Does the text mix half-width marks between Chinese characters with Chinese text (what <see cref="Normalise"/> changes)?</summary>
    public static bool HasHalfWidthInChinese(string text) => NextChange(text, 0) >= 0;

    private static bool ShouldWiden(string s, int i)
    {
        char c = s[i];
        char before = i > 0 ? s[i - 1] : '\0';
        char after = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (c)
        {
            case '(':
                int close = s.IndexOf(')', i + 1);
                return close > i && (IsChinese(before) || Inside(s, i + 1, close) || close + 1 < s.Length && IsChinese(s[close + 1]));
            case ')':
                int open = s.LastIndexOf('(', i);
                return open >= 0 && ShouldWiden(s, open);
            default:
                // "3,755" and "a:b" stay: the mark changes after Chinese, or before Chinese when no Latin precedes it.
                return IsChinese(before) || (IsChinese(after) && !char.IsAsciiLetterOrDigit(before));
        }
    }

    /// <summary>The bracket holds Chinese or a Chinese enumerator ("(一)").</summary>
    private static bool Inside(string s, int from, int to)
    {
        for (int k = from; k < to; k++) if (IsChinese(s[k])) return true;
        return false;
    }
}
