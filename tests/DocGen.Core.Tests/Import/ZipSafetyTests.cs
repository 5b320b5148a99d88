using System.IO.Compression;
using DocGen.Core.Import;
using DocGen.Core.Import.Readers;

namespace DocGen.Core.Tests.Import;

public class ZipSafetyTests
{
    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(data);
            }
        return ms.ToArray();
    }

    private static string Code(Action a) => Assert.Throws<ImportException>(a).Code;

    [Fact]
    public void A_small_package_passes()
    {
        ZipSafety.Check(Zip(("word/document.xml", "<w:document/>"u8.ToArray())), "Word文档", "a.docx");
    }

    [Fact]
    public void A_package_that_decompresses_beyond_the_limit_is_a_zip_bomb()
    {
        var bomb = Zip(("a.xml", new byte[6 << 20]), ("b.xml", new byte[6 << 20]));
        Assert.True(bomb.Length < 100_000);
        var limits = new ZipLimits { MaxUncompressedBytes = 10 << 20, MaxCompressionRatio = 100_000 };
        var e = Assert.Throws<ImportException>(() => ZipSafety.Check(bomb, "Word文档", "bomb.docx", limits));
        Assert.Equal("ZIP_BOMB", e.Code);
        Assert.Contains("bomb.docx", e.Message);
    }

    [Fact]
    public void One_entry_with_an_extreme_compression_ratio_is_a_zip_bomb()
    {
        Assert.Equal("ZIP_BOMB", Code(() => ZipSafety.Check(Zip(("x.xml", new byte[4 << 20])), "Excel工作簿", null)));
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var many = Zip(Enumerable.Range(0, 30).Select(i => ($"p{i}.xml", new byte[1])).ToArray());
        Assert.Equal("PACKAGE_TOO_MANY_ENTRIES", Code(() => ZipSafety.Check(many, "Word文档", null, new ZipLimits { MaxEntries = 20 })));
    }

    [Fact]
    public void A_truncated_package_is_corrupt()
    {
        var zip = Zip(("word/document.xml", new byte[50_000].Select((_, i) => (byte)(i * 7919 % 251)).ToArray()));
        Assert.Equal("CORRUPT_PACKAGE", Code(() => ZipSafety.Check(zip.AsMemory(0, zip.Length / 2), "Word文档", null)));
    }

    [Fact]
    public void Text_and_compound_files_are_told_apart()
    {
        Assert.Equal("NOT_A_PACKAGE", Code(() => ZipSafety.Check("一、总体情况"u8.ToArray(), "Word文档", null)));
        byte[] cfb = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        Assert.Equal("LEGACY_BINARY_FORMAT", Code(() => ZipSafety.Check(cfb, "Word文档", null)));
        byte[] encrypted = [.. cfb, .. System.Text.Encoding.Unicode.GetBytes("EncryptedPackage")];
        Assert.Equal("PACKAGE_ENCRYPTED", Code(() => ZipSafety.Check(encrypted, "Word文档", null)));
    }
}
