namespace DocGen.Pdf;

/// <summary>
/// Chinese line-breaking rules (a simplified GB/T 15834 / JIS X 4051 kinsoku): a break may fall
/// between ideographs, after Chinese closing punctuation before Latin text, inside web and e-mail
/// addresses at "/", "." and "@"; never inside a Latin word or a number such as "3,755.52", never
/// before closing punctuation and never after opening punctuation.
/// </summary>
public static class BreakRules
{
    private const string Closing = "，。、；：？！）》」』”’〉】〕｝］〗〙〛｠％‰℃…‥·・ー～，．,.;:?!)]}%";
    private const string Opening = "（《「『“‘〈【〔｛［〖〘〚｟([{";

    /// <summary>Must not start a line (closing punctuation, full or half width).</summary>
    public static bool IsClosing(int cp) => cp <= 0xFFFF && Closing.Contains((char)cp);

    /// <summary>Must not end a line (opening punctuation, full or half width).</summary>
    public static bool IsOpening(int cp) => cp <= 0xFFFF && Opening.Contains((char)cp);

    /// <summary>Breakable white space (not U+3000, which is a full-width blank kept like a character).</summary>
    public static bool IsSpace(int cp) => cp is ' ' or '\t' or 0x00A0 or 0x2002 or 0x2003 or 0x2009;

    /// <summary>Part of a Latin word or number: letters and digits other than CJK.</summary>
    public static bool IsWordChar(int cp) =>
        cp < 0x2E80 && !IsSpace(cp) && System.Text.Rune.IsValid(cp) && System.Text.Rune.IsLetterOrDigit(new System.Text.Rune(cp));

    /// <summary>Ideographs, kana, Hangul and full-width forms: a break is allowed on either side.</summary>
    public static bool IsCjk(int cp) =>
        cp is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;

    /// <summary>
    /// May a line break fall between <paramref name="before"/> (last character of the left
    /// cluster) and <paramref name="after"/> (first character of the right one)?
    /// </summary>
    public static bool CanBreakBetween(int before, int after)
    {
        if (IsClosing(after) || IsOpening(before)) return false;
        if (IsSpace(after)) return false;           // spaces hang at the end of the line
        if (IsSpace(before)) return true;
        if (after == 0x2014 && before == 0x2014) return false; // "——" stays whole
        if (after == 0x2026 && before == 0x2026) return false; // "……" stays whole
        if (IsCjk(before) || IsCjk(after)) return true;
        // After Chinese closing punctuation ("”", "’", "…", "—"), whatever opens next: "”(www…)" may break.
        if (before is '”' or '’' or '…' or '—' or '〉' or '》') return true;
        // Inside a web address or an e-mail address: after "/", after "." before a letter, before "@". A
        // number's point ("3,755.52") has a digit after it and stays whole.
        if (before == '/' && IsWordChar(after)) return true;
        if (before == '.' && after < 0x80 && char.IsAsciiLetter((char)after)) return true;
        if (after == '@' && before < 0x80 && char.IsAsciiLetterOrDigit((char)before)) return true;
        // Two other non-CJK characters: a word, a number ("6,855", "50%"), or "a-b": keep whole.
        return false;
    }

}
