using System.Text;

namespace DocGen.Core.Rendering;

/// <summary>
/// Removes characters that no document can hold (XML 1.0 forbids them: C0 controls but tab and line
/// breaks, U+FFFE/U+FFFF, lone surrogates). The validator reports the same characters as
/// CONTROL_CHARACTER, so nothing is dropped silently. Word and PDF output both clean through here.
/// </summary>
public static class TextCleaner
{
    /// <summary>A character that is never allowed, whatever stands around it.</summary>
    public static bool IsControl(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';

    /// <summary>
    /// The index of the first <see cref="IsControl"/> character, or -1: a vectorised search of each of its three ranges,
    /// several times faster over a long text than one search of the set (which SearchValues makes a probabilistic map).
    /// </summary>
    public static int IndexOfControl(ReadOnlySpan<char> text)
    {
        int first = text.IndexOfAnyInRange('\u007F', '\u009F');
        int high = text.IndexOfAnyInRange('\uFFFE', '\uFFFF');
        if (high >= 0 && (first < 0 || high < first)) first = high;
        // C0 controls but tab and line breaks, which multi-line text holds: only those before the first other one count.
        var low = first < 0 ? text : text[..first];
        for (int from = 0; ;)
        {
            int at = low[from..].IndexOfAnyInRange('\0', '\u001F');
            if (at < 0) return first;
            if (low[from + at] is not ('\t' or '\n' or '\r')) return from + at;
            from += at + 1;
        }
    }

    public static string Clean(string text)
    {
        int i = 0;
        while (i < text.Length && Allowed(text, i)) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        for (i = 0; i < text.Length; i++)
            if (Allowed(text, i)) sb.Append(text[i]);
        return sb.ToString();
    }

    private static bool Allowed(string s, int i)
    {
        char c = s[i];
        if (IsControl(c)) return false;
        if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return i > 0 && char.IsHighSurrogate(s[i - 1]);
        return true;
    }
}
