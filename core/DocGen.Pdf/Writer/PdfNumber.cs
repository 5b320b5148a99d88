using System.Globalization;
using System.Text;

namespace DocGen.Pdf.Writer;

/// <summary>
/// A PDF number: rounded to 3 decimals, trailing zeros dropped, -0 as 0; the same characters as
/// <c>Math.Round(v, 3).ToString("0.###", InvariantCulture)</c>, written digit by digit because content
/// streams hold tens of thousands of numbers and the format string parses and allocates for each.
/// </summary>
internal static class PdfNumber
{
    // Beyond this the scaled value could lose integer precision: hand over to the formatter (never seen in a page).
    private const double Limit = 1e12;

    public static void Append(StringBuilder sb, double v)
    {
        double r = Math.Round(v, 3);
        if (r == 0) { sb.Append('0'); return; }
        if (!(Math.Abs(r) < Limit)) { sb.Append(r.ToString("0.###", CultureInfo.InvariantCulture)); return; }
        long thousandths = (long)Math.Round(r * 1000);
        if (thousandths < 0) { sb.Append('-'); thousandths = -thousandths; }
        AppendDigits(sb, thousandths / 1000);
        int frac = (int)(thousandths % 1000);
        if (frac == 0) return;
        sb.Append('.').Append((char)('0' + frac / 100));
        if (frac % 100 == 0) return;
        sb.Append((char)('0' + frac / 10 % 10));
        if (frac % 10 != 0) sb.Append((char)('0' + frac % 10));
    }

    public static string Format(double v)
    {
        var sb = new StringBuilder(16);
        Append(sb, v);
        return sb.ToString();
    }

    /// <summary>A glyph code as four upper-case hex digits (the X4 format).</summary>
    public static void AppendHex4(StringBuilder sb, uint code)
    {
        if (code > 0xFFFF) { sb.Append(code.ToString("X4", CultureInfo.InvariantCulture)); return; }
        for (int shift = 12; shift >= 0; shift -= 4) sb.Append(HexDigit((code >> shift) & 0xF));
    }

    private static char HexDigit(uint d) => (char)(d < 10 ? '0' + d : 'A' + d - 10);

    private static void AppendDigits(StringBuilder sb, long n)
    {
        Span<char> buf = stackalloc char[20];
        int at = buf.Length;
        do { buf[--at] = (char)('0' + n % 10); n /= 10; } while (n != 0);
        sb.Append(buf[at..]);
    }
}
