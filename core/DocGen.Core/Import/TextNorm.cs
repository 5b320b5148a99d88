using System.Text;

namespace DocGen.Core.Import;

/// <summary>
/// Puts text copied from a web page into one comparable form, so that labels of the edition definitions
/// are recognised whatever brackets, punctuation width, spaces or line breaks the page used.
/// </summary>
internal static class TextNorm
{
    /// <summary>
    /// The comparable form of a label: no whitespace; full-width brackets, comma, colon and semicolon;
    /// ASCII digits, letters and "1." enumerators; one kind of quote; 、 and ， made equal.
    /// </summary>
    public static string Label(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c0 in s)
        {
            char c = c0;
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff') continue;
            if (c >= '！' && c <= '～' && c != '（' && c != '）' && c != '，' && c != '：' && c != '；')
                c = (char)(c - 0xFEE0); // full-width ASCII forms → ASCII
            c = c switch
            {
                '(' => '（',
                ')' => '）',
                ',' => '，',
                '、' => '，',
                ':' => '：',
                ';' => '；',
                '“' or '”' or '"' or '„' or '″' => '"',
                '‘' or '’' or '\'' => '\'',
                '〔' => '［',
                '〕' => '］',
                _ => c,
            };
            sb.Append(c);
        }
        // An enumerator "1、" (now "1，") is the same as "1." when it opens the label or follows a bracket.
        for (int i = 0; i + 2 < sb.Length; i++)
        {
            bool opens = i == 0 || sb[i - 1] is '）' or '，';
            if (opens && char.IsAsciiDigit(sb[i]) && sb[i + 1] == '，' && !char.IsAsciiDigit(sb[i + 2])) sb[i + 1] = '.';
        }
        return sb.ToString();
    }

    /// <summary>Half- and full-width digits, minus signs and commas of a number cell made ASCII.</summary>
    public static string Number(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (c >= '０' && c <= '９') sb.Append((char)(c - '０' + '0'));
            else if (c is '－' or '−' or '–') sb.Append('-');
            else if (c is '＋') sb.Append('+');
            else if (c is '，') sb.Append(',');
            else if (c is '．') sb.Append('.');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>A label with a unit in brackets at its end ("采购总金额（单位：万元）") split into label and unit.</summary>
    public static (string Label, string? Unit) SplitUnit(string normalized)
    {
        foreach (var unit in Units)
        {
            foreach (var suffix in new[] { $"（单位：{unit}）", $"（{unit}）", $"（单位{unit}）" })
                if (normalized.EndsWith(suffix, StringComparison.Ordinal) && normalized.Length > suffix.Length)
                    return (normalized[..^suffix.Length], unit);
        }
        return (normalized, null);
    }

    /// <summary>Money units a cell or a column header may carry; the JSON accepts exactly these.</summary>
    public static readonly string[] Units = ["万元", "元"];

    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '：' or '”' or '’' or '）' or ')' or '…' or '!' or '?' or ';' or ':' or '」' or '』' or '"';

    public static bool IsCjk(char c) => c >= '\u4e00' && c <= '\u9fff';
}
