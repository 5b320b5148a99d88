using System.Security.Cryptography;
using System.Text;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Measuring;
using static DocGen.Pdf.Writer.PdfSyntax;

namespace DocGen.Pdf.Writer;

/// <summary>
/// Embeds a used face as a Type 0 font with Identity-H: TrueType as CIDFontType2 + FontFile2 with
/// CIDToGIDMap Identity, CFF as CIDFontType0 + FontFile3/OpenType whose charset is rewritten to the
/// identity. Either way the codes in content streams are the subset's glyph ids and equal the CIDs.
/// </summary>
internal static class FontEmbedder
{
    /// <summary>Reserves the objects for a font; returns the Type 0 font's number.</summary>
    public static int ReserveObjects(PdfFileWriter w, out int[] nums)
    {
        nums = [w.Reserve(), w.Reserve(), w.Reserve(), w.Reserve(), w.Reserve()];
        return nums[0];
    }

    /// <summary>Subsets the face and sets <see cref="FontUsage.Codes"/>: call before content streams are written.</summary>
    public static FontSubset Prepare(FontUsage usage, SubsetCache cache)
    {
        var subset = cache.GetOrCreate(usage.Face, usage.SortedGlyphs());
        usage.Codes = subset.OldToNew;
        return subset;
    }

    public static EmbeddedFont Write(PdfFileWriter w, int[] nums, FontUsage usage, FontSubset subset)
    {
        var face = usage.Face;
        var gids = usage.SortedGlyphs();
        byte[] program = subset.Data;
        string baseFont = SubsetTag(face, gids) + "+" + SanitizeName(face.Info.PostScriptName);
        double k = 1000.0 / face.UnitsPerEm;
        var (xMin, yMin, xMax, yMax) = face.BBox;
        int type0 = nums[0], cid = nums[1], desc = nums[2], file = nums[3], toUni = nums[4];
        bool cff = face.Info.IsCff;

        w.Object(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{baseFont} /Encoding /Identity-H " +
                        $"/DescendantFonts [{cid} 0 R] /ToUnicode {toUni} 0 R >>");
        w.Object(cid, $"<< /Type /Font /Subtype /{(cff ? "CIDFontType0" : "CIDFontType2")} /BaseFont /{baseFont} " +
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
                      $"/FontDescriptor {desc} 0 R /DW 1000 /W {WidthsArray(usage)}" +
                      (cff ? "" : " /CIDToGIDMap /Identity") + " >>");
        w.Object(desc, $"<< /Type /FontDescriptor /FontName /{baseFont} /Flags 4 " +
                       $"/FontBBox [{Num(xMin * k)} {Num(yMin * k)} {Num(xMax * k)} {Num(yMax * k)}] /ItalicAngle 0 " +
                       $"/Ascent {Num(face.Ascender * k)} /Descent {Num(face.Descender * k)} /CapHeight {Num(face.Ascender * k)} " +
                       $"/StemV 80 /{(cff ? "FontFile3" : "FontFile2")} {file} 0 R >>");
        if (cff) w.DeflatedStream(file, "/Subtype /OpenType", subset.Compressed);
        else w.DeflatedStream(file, $"/Length1 {program.Length}", subset.Compressed);
        w.CompressedStream(toUni, "", Encoding.ASCII.GetBytes(ToUnicode(usage)), FixedWorkRecording.ToUnicodeMaps);
        return new EmbeddedFont(face.Info, baseFont, gids.Count, program.Length);
    }

    /// <summary>/W as runs of consecutive glyph ids: [g [w1 w2 ...] ...].</summary>
    private static string WidthsArray(FontUsage u)
    {
        var sb = new StringBuilder("[");
        uint? prev = null;
        // By code, then by original glyph (the order of the sorted map this was read from before), whatever the map's order.
        foreach (var (code, _, width) in ByCode(u.Widths, u))
        {
            if (prev is { } p && code == p + 1) sb.Append(' ');
            else
            {
                if (prev != null) sb.Append("] ");
                sb.Append(code).Append(" [");
            }
            AppendNum(sb, width);
            prev = code;
        }
        if (prev != null) sb.Append(']');
        return sb.Append(']').ToString();
    }

    private static string ToUnicode(FontUsage u)
    {
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
          .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
          .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
          .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = ByCode(u.Text, u);
        for (int i = 0; i < entries.Length; i += 100)
        {
            int end = Math.Min(entries.Length, i + 100);
            sb.Append(end - i).Append(" beginbfchar\n");
            for (int k = i; k < end; k++)
            {
                sb.Append('<');
                PdfNumber.AppendHex4(sb, entries[k].Code);
                sb.Append("> <");
                AppendUtf16Hex(sb, entries[k].Value);
                sb.Append(">\n");
            }
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.ToString();
    }

    /// <summary>A map's entries by code (CID), then by original glyph id.</summary>
    private static (uint Code, uint Glyph, T Value)[] ByCode<T>(Dictionary<uint, T> byGlyph, FontUsage u)
    {
        var entries = new (uint Code, uint Glyph, T Value)[byGlyph.Count];
        int at = 0;
        foreach (var (gid, value) in byGlyph) entries[at++] = (u.Code(gid), gid, value);
        // Glyphs are unique, so this order is total: an unstable sort gives the stable sort's order.
        Array.Sort(entries, static (a, b) => a.Code != b.Code ? a.Code.CompareTo(b.Code) : a.Glyph.CompareTo(b.Glyph));
        return entries;
    }

    /// <summary>Six capital letters derived from the face and glyph set (same input, same tag).</summary>
    private static string SubsetTag(LoadedFace face, List<uint> gids)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(face.Info.PostScriptName + ":" + string.Join(',', gids)));
        var tag = new char[6];
        for (int i = 0; i < 6; i++) tag[i] = (char)('A' + bytes[i] % 26);
        return new string(tag);
    }

    private static string SanitizeName(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
            if (c > 32 && c < 127 && "()<>[]{}/%#".IndexOf(c) < 0) sb.Append(c);
        return sb.Length > 0 ? sb.ToString() : "Font";
    }
}
