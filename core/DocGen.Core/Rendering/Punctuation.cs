using System.Text;

namespace DocGen.Core.Rendering;

/// <summary>
/// Half-width punctuation copied from web pages (",", ":", "(一)") next to Chinese text, made full-width as the
/// format writes it. Only marks with Chinese on their side change: "3,755.52", "www.gov.cn" and "(1)" inside
/// Latin text stay as written.
/// </summary>
public static class Punctuation
{
    private static readonly Dictionary<char, char> FullWidth = new()
    {
        [','] = '，', [';'] = '；', [':'] = '：', ['?'] = '？', ['!'] = '！', ['('] = '（', [')'] = '）',
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
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (FullWidth.TryGetValue(c, out char wide) && ShouldWiden(text, i))
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(wide);
            }
            else sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>Does the text mix half-width marks between Chinese characters with Chinese text (what <see cref="Normalise"/> changes)?</summary>
    public static bool HasHalfWidthInChinese(string text) => !string.Equals(Normalise(text), text, StringComparison.Ordinal);

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
