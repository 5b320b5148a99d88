using System.Buffers.Binary;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// The charset of a CID-keyed CFF inside an OpenType font maps glyph ids to CIDs. After
/// subsetting, hb-subset keeps the original CIDs while renumbering glyphs, and PDF viewers
/// disagree on whether a CIDFontType0's codes are CIDs (looked up through the charset: the PDF
/// specification, pdf.js) or glyph ids (poppler renders them so). Rewriting the charset to the
/// identity makes both readings agree.
/// </summary>
internal static class CffCharset
{
    /// <summary>
    /// Rewrites the charset in place so that glyph n has CID n (same format, never longer than
    /// the original), and fixes the table checksum. False when the CFF is not CID-keyed.
    /// </summary>
    public static bool MakeIdentity(byte[] sfnt)
    {
        var (tableOffset, tableLength, recordOffset) = FindTableRecord(sfnt, "CFF ");
        if (tableLength == 0) return false;
        var cff = sfnt.AsSpan(tableOffset, tableLength);
        if (!TryReadTop(cff, out int nGlyphs, out int charset) || charset <= 2) return false;
        var c = cff[charset..];
        int format = c[0];
        int p = 1;
        switch (format)
        {
            case 0:
                for (int g = 1; g < nGlyphs; g++, p += 2) BinaryPrimitives.WriteUInt16BigEndian(c[p..], (ushort)g);
                break;
            case 1: // ranges of at most 256 glyphs; the original needed at least as many ranges
                for (int first = 1; first < nGlyphs; first += 256, p += 3)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(c[p..], (ushort)first);
                    c[p + 2] = (byte)(Math.Min(256, nGlyphs - first) - 1);
                }
                break;
            case 2:
                if (nGlyphs > 1)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(c[p..], 1);
                    BinaryPrimitives.WriteUInt16BigEndian(c[(p + 2)..], (ushort)(nGlyphs - 2));
                }
                break;
            default:
                return false;
        }
        BinaryPrimitives.WriteUInt32BigEndian(sfnt.AsSpan(recordOffset + 4), Checksum(cff));
        return true;
    }

    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (int i = 0; i < table.Length; i += 4)
        {
            uint v = 0;
            for (int k = 0; k < 4; k++) v = (v << 8) | (i + k < table.Length ? table[i + k] : 0u);
            sum += v;
        }
        return sum;
    }

    private static bool TryReadTop(ReadOnlySpan<byte> cff, out int nGlyphs, out int charset)
    {
        nGlyphs = charset = 0;
        int pos = SkipIndex(cff, cff[2]);
        var ops = ParseDict(FirstIndexEntry(cff, pos));
        if (!ops.ContainsKey(12 * 256 + 30) || !ops.TryGetValue(17, out var cs)) return false;
        nGlyphs = BinaryPrimitives.ReadUInt16BigEndian(cff[(int)cs[0]..]);
        charset = ops.TryGetValue(15, out var ch) ? (int)ch[0] : 0;
        return true;
    }

    private static (int Offset, int Length, int Record) FindTableRecord(byte[] sfnt, string tag)
    {
        int n = BinaryPrimitives.ReadUInt16BigEndian(sfnt.AsSpan(4));
        uint want = Native.HbSubsetNative.Tag(tag);
        for (int i = 0; i < n; i++)
        {
            var rec = sfnt.AsSpan(12 + 16 * i);
            if (BinaryPrimitives.ReadUInt32BigEndian(rec) != want) continue;
            return ((int)BinaryPrimitives.ReadUInt32BigEndian(rec[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(rec[12..]), 12 + 16 * i);
        }
        return (0, 0, 0);
    }

    /// <summary>CID for each glyph id of the font's CFF table, or null when the CFF is not CID-keyed.</summary>
    public static ushort[]? GlyphToCid(byte[] sfnt)
    {
        var (off, len, _) = FindTableRecord(sfnt, "CFF ");
        if (len == 0) return null;
        var cff = sfnt.AsSpan(off, len);
        if (!TryReadTop(cff, out int nGlyphs, out int charset)) return null;
        var map = new ushort[nGlyphs];
        if (charset <= 2) { for (int g = 0; g < nGlyphs; g++) map[g] = (ushort)g; return map; }
        var c = cff[charset..];
        int format = c[0];
        int p = 1, gid = 1;
        while (gid < nGlyphs)
        {
            if (format == 0) { map[gid++] = BinaryPrimitives.ReadUInt16BigEndian(c[p..]); p += 2; continue; }
            int first = BinaryPrimitives.ReadUInt16BigEndian(c[p..]);
            int left = format == 1 ? c[p + 2] : BinaryPrimitives.ReadUInt16BigEndian(c[(p + 2)..]);
            p += format == 1 ? 3 : 4;
            for (int k = 0; k <= left && gid < nGlyphs; k++) map[gid++] = (ushort)(first + k);
        }
        return map;
    }

    private static int SkipIndex(ReadOnlySpan<byte> d, int pos)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(d[pos..]);
        if (count == 0) return pos + 2;
        int offSize = d[pos + 2];
        int last = ReadOffset(d, pos + 3 + count * offSize, offSize);
        return pos + 3 + (count + 1) * offSize + last - 1;
    }

    private static ReadOnlySpan<byte> FirstIndexEntry(ReadOnlySpan<byte> d, int pos)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(d[pos..]);
        if (count == 0) return [];
        int offSize = d[pos + 2];
        int data = pos + 3 + (count + 1) * offSize - 1;
        int a = ReadOffset(d, pos + 3, offSize), b = ReadOffset(d, pos + 3 + offSize, offSize);
        return d.Slice(data + a, b - a);
    }

    private static int ReadOffset(ReadOnlySpan<byte> d, int pos, int size)
    {
        int v = 0;
        for (int i = 0; i < size; i++) v = (v << 8) | d[pos + i];
        return v;
    }

    /// <summary>DICT operators (escaped ones as 12*256+op) with their operands.</summary>
    private static Dictionary<int, List<double>> ParseDict(ReadOnlySpan<byte> d)
    {
        var result = new Dictionary<int, List<double>>();
        var operands = new List<double>();
        int i = 0;
        while (i < d.Length)
        {
            int b = d[i];
            if (b <= 21)
            {
                int op = b == 12 ? 12 * 256 + d[++i] : b;
                i++;
                result[op] = operands;
                operands = [];
            }
            else if (b == 28) { operands.Add((short)((d[i + 1] << 8) | d[i + 2])); i += 3; }
            else if (b == 29) { operands.Add(BinaryPrimitives.ReadInt32BigEndian(d[(i + 1)..])); i += 5; }
            else if (b == 30)
            {
                i++; // real number: skip nibbles up to the 0xf terminator; value not needed here
                while (i < d.Length && (d[i] & 0x0F) != 0x0F && (d[i] & 0xF0) != 0xF0) i++;
                i++;
                operands.Add(0);
            }
            else if (b >= 32 && b <= 246) { operands.Add(b - 139); i++; }
            else if (b >= 247 && b <= 250) { operands.Add((b - 247) * 256 + d[i + 1] + 108); i += 2; }
            else if (b >= 251 && b <= 254) { operands.Add(-(b - 251) * 256 - d[i + 1] - 108); i += 2; }
            else i++;
        }
        return result;
    }
}
