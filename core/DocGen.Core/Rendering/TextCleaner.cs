using System.Buffers;
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

    /// <summary>The characters of <see cref="IsControl"/>, for one vectorised search over a long text.</summary>
    public static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsControl).ToArray());

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
