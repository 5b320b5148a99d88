using System.Globalization;

namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// Reads the figures narratives write: Arabic digits with or without thousands separators ("1,195", "9.46")
/// and Chinese numerals ("二十三", "一百零五", "两千", "一万二千三百", "二〇二三").
/// </summary>
public static class ChineseNumber
{
    /// <summary>The characters of Chinese numerals, for patterns.</summary>
    public const string Characters = "零〇一二两三四五六七八九十百千万";

    public static decimal? Parse(string text) => Parse(text.AsSpan());

    /// <summary>The figure, read from a span of the paragraph: folded on the stack, since most figures are only compared.</summary>
    public static decimal? Parse(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return null;
        Span<char> folded = text.Length <= 64 ? stackalloc char[text.Length] : new char[text.Length];
        NarrativeParagraph.Fold(text, folded);
        if (!char.IsAsciiDigit(folded[0])) return ParseChinese(folded);
        // Thousands separators out ("1,195"), in place: the span only shortens.
        int length = 0;
        foreach (char c in folded)
            if (c != ',') folded[length++] = c;
        return decimal.TryParse(folded[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4,
        '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (Digit(c) < 0) return false;
        return true;
    }

    private static int Unit(char c) => c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };

    private static decimal? ParseChinese(ReadOnlySpan<char> text)
    {
        // Digit by digit, as years are written (二〇二三): no unit characters at all.
        if (text.Length > 1 && AllDigits(text))
        {
            decimal n = 0;
            foreach (char c in text) n = n * 10 + Digit(c);
            return n;
        }
        decimal total = 0, section = 0;
        int digit = -1, lastUnit = int.MaxValue;
        bool any = false;
        foreach (char c in text)
        {
            if (Digit(c) is var d and >= 0)
            {
                if (digit > 0) return null; // two digits in a row without a unit: not a number
                digit = d;
                any = true;
            }
            else if (Unit(c) is var u and > 0)
            {
                if (u >= lastUnit) return null; // 十百: units must fall
                if (digit == 0) return null;
                section += (digit < 0 ? (u == 10 ? 1 : -1) : digit) * u;
                if (section < 0) return null; // 百 with no digit before it
                lastUnit = u;
                digit = -1;
                any = true;
            }
            else if (c == '万')
            {
                if (!any) return null;
                total += (section + Math.Max(digit, 0)) * 10_000;
                if (total == 0) return null;
                section = 0;
                digit = -1;
                lastUnit = int.MaxValue;
                any = false;
            }
            else return null;
        }
        if (!any && total == 0) return null;
        return total + section + Math.Max(digit, 0);
    }
}
