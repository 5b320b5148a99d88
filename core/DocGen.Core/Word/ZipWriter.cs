using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace DocGen.Core.Word;

/// <summary>
/// One entry of a zip as the zip holds it: its data deflated (stored when empty, as ZipArchive does), with the CRC-32 and
/// length of the data. Made once, it can go into any number of zips unchanged.
/// </summary>
internal sealed class ZipPart
{
    private ZipPart(string name, byte[] stored, uint crc, int length)
    {
        Name = name;
        Stored = stored;
        Crc = crc;
        Length = length;
    }

    public string Name { get; }
    /// <summary>The bytes the zip holds: deflated, or none for an empty entry.</summary>
    public byte[] Stored { get; }
    public uint Crc { get; }
    public int Length { get; }
    public bool Deflated => Length > 0;

    /// <summary>
    /// Deflates as ZipArchive does for an entry written in one call: one <see cref="DeflateStream"/> at
    /// <see cref="CompressionLevel.Optimal"/> given all the data at once, so the bytes are the same.
    /// </summary>
    public static ZipPart Deflate(string name, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return new ZipPart(name, [], 0, 0);
        using var compressed = new MemoryStream(data.Length / 4 + 64);
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(data);
        return new ZipPart(name, compressed.ToArray(), Crc32.HashToUInt32(data), data.Length);
    }
}

/// <summary>
/// Writes a zip byte for byte as <see cref="ZipArchive"/> writes one in Create mode to a seekable stream (sizes in the
/// local headers, no data descriptors, no extra fields, version 2.0 needed for every entry), except that "version made
/// by" says MS-DOS and external attributes are zero, so every OS writes the same bytes. One time stamp for every entry.
/// </summary>
internal static class ZipWriter
{
    private const int LocalHeader = 30, CentralHeader = 46, EndRecord = 22;
    private const ushort Version = 20;     // ZipArchive's "needed to extract" and "made by" (low byte) for every entry
    private const ushort Utf8Names = 0x800;
    private const ushort Deflate = 8, Store = 0;

    public static byte[] Write(IReadOnlyList<ZipPart> parts, DateTime stamp)
    {
        var (time, date) = DosTime(stamp);
        var names = new byte[parts.Count][];
        int size = EndRecord;
        for (int i = 0; i < parts.Count; i++)
        {
            names[i] = Encoding.UTF8.GetBytes(parts[i].Name);
            size += LocalHeader + CentralHeader + 2 * names[i].Length + parts[i].Stored.Length;
        }

        var zip = new byte[size];
        var offsets = new int[parts.Count];
        int at = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            var (part, name) = (parts[i], names[i]);
            offsets[i] = at;
            var h = zip.AsSpan(at, LocalHeader);
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
            Common(h[4..], part, name, time, date);
            at += LocalHeader;
            name.CopyTo(zip, at);
            at += name.Length;
            part.Stored.CopyTo(zip, at);
            at += part.Stored.Length;
        }

        int directory = at;
        for (int i = 0; i < parts.Count; i++)
        {
            var (part, name) = (parts[i], names[i]);
            var h = zip.AsSpan(at, CentralHeader);
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], Version);       // made by: MS-DOS, 2.0
            Common(h[6..], part, name, time, date);
            // comment length, disk, internal and external attributes: all zero
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], (uint)offsets[i]);
            at += CentralHeader;
            name.CopyTo(zip, at);
            at += name.Length;
        }

        var end = zip.AsSpan(at, EndRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)parts.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)parts.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(at - directory));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directory);
        return zip;
    }

    /// <summary>The fields local and central headers share, from "version needed" to the extra field's length.</summary>
    private static void Common(Span<byte> h, ZipPart part, byte[] name, ushort time, ushort date)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(h, Version);
        BinaryPrimitives.WriteUInt16LittleEndian(h[2..], RequiresUtf8(part.Name) ? Utf8Names : (ushort)0);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], part.Deflated ? Deflate : Store);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], time);
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], date);
        BinaryPrimitives.WriteUInt32LittleEndian(h[10..], part.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(h[14..], (uint)part.Stored.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[18..], (uint)part.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)name.Length);
    }

    /// <summary>ZipArchive's rule: a name with a character outside printable ASCII is written in UTF-8 and flagged so.</summary>
    private static bool RequiresUtf8(string name)
    {
        foreach (char c in name)
            if (c is < ' ' or > '~') return true;
        return false;
    }

    /// <summary>MS-DOS time and date, two-second grain; zip times run from 1980, so an earlier stamp is 1980-01-01.</summary>
    private static (ushort Time, ushort Date) DosTime(DateTime t)
    {
        if (t.Year < 1980) t = new DateTime(1980, 1, 1);
        return ((ushort)(t.Hour << 11 | t.Minute << 5 | t.Second / 2), (ushort)((t.Year - 1980) << 9 | t.Month << 5 | t.Day));
    }
}
