using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocGen.Pdf.Measuring;

namespace DocGen.Pdf.Writer;

/// <summary>Formatting of PDF tokens: numbers (invariant, at most 3 decimals), strings, dates, Flate.</summary>
internal static class PdfSyntax
{
    public static string Num(double v) => PdfNumber.Format(v);

    public static void AppendNum(StringBuilder sb, double v) => PdfNumber.Append(sb, v);

    /// <summary>A text string as UTF-16BE with BOM, hex-encoded: safe for any character.</summary>
    public static string TextString(string s)
    {
        var sb = new StringBuilder("<FEFF");
        foreach (byte b in Encoding.BigEndianUnicode.GetBytes(s)) sb.Append(b.ToString("X2"));
        return sb.Append('>').ToString();
    }

    /// <summary>An ASCII literal string with ( ) \ escaped.</summary>
    public static string Literal(string s) =>
        "(" + s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";

    public static string Date(DateTimeOffset d)
    {
        var off = d.Offset;
        string sign = off < TimeSpan.Zero ? "-" : "+";
        off = off.Duration();
        return $"D:{d:yyyyMMddHHmmss}{sign}{off.Hours:00}'{off.Minutes:00}'";
    }

    /// <summary>UTF-16BE hex of a string, without BOM (ToUnicode targets).</summary>
    public static string Utf16Hex(string s)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.BigEndianUnicode.GetBytes(s)) sb.Append(b.ToString("X2"));
        return sb.ToString();
    }

    /// <summary><see cref="Utf16Hex"/> appended in place: four hex digits a UTF-16 unit, as its big-endian bytes.</summary>
    public static void AppendUtf16Hex(StringBuilder sb, string text)
    {
        // Encoding.BigEndianUnicode writes U+FFFD for a lone surrogate: such text goes that way for the same bytes.
        if (!IsWellFormed(text)) { sb.Append(Utf16Hex(text)); return; }
        foreach (char c in text) PdfNumber.AppendHex4(sb, c);
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
            i++;
        }
        return true;
    }

    /// <summary>zlib at <see cref="CompressionLevel.Optimal"/>; <paramref name="part"/> names it for the bench's floor (<see cref="FixedWorkRecording"/>).</summary>
    public static byte[] Deflate(byte[] data, string part) =>
        FixedWorkRecording.Active is { } recording ? recording.Record(part, data.Length, () => Deflate(data), z => z) : Deflate(data);

    private static byte[] Deflate(byte[] data)
    {
        using var ms = new PooledBufferStream(Math.Max(4096, data.Length / 2));
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }
}
