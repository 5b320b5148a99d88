using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocGen.Core.Word;

namespace DocGen.Core.Tests.Word;

/// <summary>The zip writer writes what ZipArchive writes, but for the platform fields it fixes.</summary>
public class ZipWriterTests
{
    public static TheoryData<DateTime> Stamps => new(new DateTime(2022, 1, 20), new DateTime(2024, 12, 31, 23, 59, 59), new DateTime(1970, 6, 1));

    [Theory]
    [MemberData(nameof(Stamps))]
    public void Writes_the_bytes_ZipArchive_writes(DateTime stamp)
    {
        var random = new Random(7);
        var noise = new byte[70_000];
        random.NextBytes(noise);
        var xml = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"<w:p><w:r><w:t>第{i}段 {random.Next()}</w:t></w:r></w:p>")));
        (string Name, byte[] Data)[] entries =
        [
            ("[Content_Types].xml", "<Types/>"u8.ToArray()),
            ("empty.xml", []),
            ("word/document.xml", xml),
            ("word/media/noise.bin", noise),
            ("word/名字.xml", "<x/>"u8.ToArray()),
            ("one.txt", "a"u8.ToArray()),
        ];

        var ours = ZipWriter.Write(entries.Select(e => ZipPart.Deflate(e.Name, e.Data)).ToList(), stamp);

        Assert.Equal(PlatformFieldsCleared(ByZipArchive(entries, stamp)), ours);
        using var read = new ZipArchive(new MemoryStream(ours), ZipArchiveMode.Read);
        Assert.Equal(entries.Select(e => e.Name), read.Entries.Select(e => e.FullName));
        foreach (var (entry, (_, data)) in read.Entries.Zip(entries))
        {
            using var s = entry.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            Assert.Equal(data, ms.ToArray());
            // Two-second grain, from 1980.
            var expected = stamp.Year < 1980 ? new DateTime(1980, 1, 1) : stamp.AddSeconds(-(stamp.Second % 2));
            Assert.Equal(expected, entry.LastWriteTime.DateTime);
        }
    }

    [Fact]
    public void An_entry_is_deflated_once_and_written_the_same_into_any_zip()
    {
        var part = ZipPart.Deflate("word/styles.xml", Encoding.UTF8.GetBytes(new string('x', 10_000)));
        var a = ZipWriter.Write([part, ZipPart.Deflate("a.xml", "<a/>"u8)], new DateTime(2021, 3, 4));
        var b = ZipWriter.Write([ZipPart.Deflate("b.xml", "<b/>"u8), part], new DateTime(2023, 5, 6));
        Assert.True(part.Stored.Length < 200);
        Assert.True(Contains(a, part.Stored) && Contains(b, part.Stored));
        using var zip = new ZipArchive(new MemoryStream(b), ZipArchiveMode.Read);
        using var s = zip.GetEntry("word/styles.xml")!.Open();
        Assert.Equal(10_000, new StreamReader(s).ReadToEnd().Length);
    }

    private static bool Contains(byte[] zip, byte[] data) => zip.AsSpan().IndexOf(data) >= 0;

    private static byte[] ByZipArchive((string Name, byte[] Data)[] entries, DateTime stamp)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(stamp.Year < 1980 ? new DateTime(1980, 1, 1) : stamp, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(data);
            }
        }
        return output.ToArray();
    }

    /// <summary>ZipArchive's zip with "version made by" set to MS-DOS and no external attributes in each central entry.</summary>
    private static byte[] PlatformFieldsCleared(byte[] zip)
    {
        int end = zip.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x50, 0x4b, 0x05, 0x06]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        int at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)));
            zip[at + 5] = 0;
            Array.Clear(zip, at + 38, 4);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30))
                + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
        }
        return zip;
    }
}
