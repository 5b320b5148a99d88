namespace DocGen.Core.Rendering;

/// <summary>
/// Removes characters that no document can hold (XML 1.0 forbids them); the validator reports the same
/// characters as CONTROL_CHARACTER, so nothing is dropped silently.
/// </summary>
public static class TextCleaner
{
    /// <summary>Tab and line breaks are allowed; other C0/C1 controls and the non-characters U+FFFE/U+FFFF are not.</summary>
    public static bool IsControl(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';

    public static string Clean(string text) =>
        text.Any(IsControl) ? string.Concat(text.Where(c => !IsControl(c))) : text;
}
