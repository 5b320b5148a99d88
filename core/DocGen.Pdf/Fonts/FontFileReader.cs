using System.Buffers.Binary;
using System.Text;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// Reads only the table directory and <c>name</c> table of .ttf/.otf/.ttc files, so a font
/// folder can be indexed by family name without loading tens of megabytes of outlines.
/// </summary>
internal static class FontFileReader
{
    public static IReadOnlyList<FaceInfo> ReadFaces(string path)
    {
        var result = new List<FaceInfo>();
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        Span<byte> head = stackalloc byte[12];
        if (fs.Read(head) < 12) return result;
        uint tag = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (tag == Tag("ttcf"))
        {
            int count = (int)BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
            var offsets = new byte[4 * count];
            fs.ReadExactly(offsets);
            for (int i = 0; i < count; i++)
            {
                uint off = BinaryPrimitives.ReadUInt32BigEndian(offsets.AsSpan(4 * i));
                var face = ReadFace(fs, path, i, off);
                if (face != null) result.Add(face);
            }
        }
        else
        {
            var face = ReadFace(fs, path, 0, 0);
            if (face != null) result.Add(face);
        }
        return result;
    }

    private static FaceInfo? ReadFace(FileStream fs, string path, int index, uint offset)
    {
        fs.Position = offset;
        var hdr = new byte[12];
        fs.ReadExactly(hdr);
        int numTables = BinaryPrimitives.ReadUInt16BigEndian(hdr.AsSpan(4));
        var dir = new byte[16 * numTables];
        fs.ReadExactly(dir);
        uint nameOff = 0, nameLen = 0;
        bool cff = false;
        for (int i = 0; i < numTables; i++)
        {
            var rec = dir.AsSpan(16 * i);
            uint t = BinaryPrimitives.ReadUInt32BigEndian(rec);
            if (t == Tag("name"))
            {
                nameOff = BinaryPrimitives.ReadUInt32BigEndian(rec[8..]);
                nameLen = BinaryPrimitives.ReadUInt32BigEndian(rec[12..]);
            }
            else if (t == Tag("CFF ") || t == Tag("CFF2")) cff = true;
        }
        if (nameLen == 0) return null;
        fs.Position = nameOff;
        var name = new byte[nameLen];
        fs.ReadExactly(name);
        return ParseName(name, path, index, cff);
    }

    private static FaceInfo ParseName(byte[] t, string path, int index, bool cff)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(2));
        int strOff = BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(4));
        var families = new List<string>();
        var fulls = new List<string>();
        string? sub2 = null, sub17 = null, ps = null;
        for (int i = 0; i < count; i++)
        {
            var r = t.AsSpan(6 + 12 * i);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(r);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(r[2..]);
            int lang = BinaryPrimitives.ReadUInt16BigEndian(r[4..]);
            int id = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
            int len = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
            int off = BinaryPrimitives.ReadUInt16BigEndian(r[10..]);
            if (id is not (1 or 2 or 4 or 6 or 16 or 17)) continue;
            if (strOff + off + len > t.Length) continue;
            string? s = Decode(t.AsSpan(strOff + off, len), platform, encoding);
            if (string.IsNullOrWhiteSpace(s)) continue;
            bool english = platform == 3 ? lang == 0x409 : platform == 1 && lang == 0;
            switch (id)
            {
                case 1 or 16: AddName(families, s, english); break;
                case 4: AddName(fulls, s, english); break;
                case 2 when english || sub2 == null: sub2 = s; break;
                case 17 when english || sub17 == null: sub17 = s; break;
                case 6 when ps == null: ps = s; break;
            }
        }
        ps ??= System.IO.Path.GetFileNameWithoutExtension(path).Replace(' ', '-');
        return new FaceInfo(path, index, families, fulls, sub17 ?? sub2 ?? "Regular", ps, cff);
    }

    // English names go first so that FullName reads well in logs.
    private static void AddName(List<string> list, string s, bool english)
    {
        if (list.Contains(s, StringComparer.OrdinalIgnoreCase)) return;
        if (english) list.Insert(0, s); else list.Add(s);
    }

    private static string? Decode(ReadOnlySpan<byte> b, int platform, int encoding)
    {
        if (platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10 || encoding == 0)))
            return Encoding.BigEndianUnicode.GetString(b);
        if (platform == 1 && encoding == 0) return Encoding.Latin1.GetString(b);
        return null; // Legacy CJK code pages (platform 3 enc 3..5): the Unicode records suffice.
    }

    private static uint Tag(string s) => Native.HbSubsetNative.Tag(s);
}
