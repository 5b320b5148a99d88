using System.IO.Compression;

namespace DocGen.Core.Import.Readers;

/// <summary>Bounds for a zip package (.docx, .xlsx) before any library parses it.</summary>
public sealed record ZipLimits
{
    public int MaxEntries { get; init; } = 2000;
    /// <summary>Total bytes all entries decompress to.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;
    /// <summary>Largest uncompressed/compressed ratio of one entry; applied to entries of at least <see cref="RatioFloorBytes"/>.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
    public long RatioFloorBytes { get; init; } = 1024 * 1024;

    public static ZipLimits Default { get; } = new();
}

/// <summary>
/// Checks an Office package before the OpenXML SDK opens it: an encrypted or password-protected file
/// (Office wraps those in an OLE compound file, not a zip), a legacy binary .doc/.xls, a file that is not a
/// zip, too many entries, a zip bomb. Sizes are counted by decompressing, so a header that lies about
/// them does not get past. Every fault is an <see cref="ImportException"/> with a code.
/// </summary>
public static class ZipSafety
{
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static bool LooksLikeZip(ReadOnlySpan<byte> head) => head.StartsWith(ZipMagic);

    /// <summary>
    /// Throws unless <paramref name="content"/> is a zip package within <paramref name="limits"/>.
    /// <paramref name="what"/> names the file kind in messages ("Word文档", "Excel工作簿").
    /// </summary>
    public static void Check(ReadOnlyMemory<byte> content, string what, string? fileName, ZipLimits? limits = null)
    {
        limits ??= ZipLimits.Default;
        string name = fileName is null ? what : $"{what}“{fileName}”";
        var span = content.Span;
        if (span.StartsWith(CompoundFileMagic))
        {
            if (ContainsUtf16(span, "EncryptedPackage") || ContainsUtf16(span, "EncryptionInfo"))
                throw new ImportException(ImportRefusals.PackageEncrypted, $"{name}设有打开密码（已加密），无法读取；请取消密码后另存再导入");
            throw new ImportException(ImportRefusals.LegacyBinaryFormat, $"{name}是旧版二进制格式（.doc/.xls），请在Word或WPS中另存为.docx/.xlsx后再导入");
        }
        if (!LooksLikeZip(span))
            throw new ImportException(ImportRefusals.NotAPackage, $"{name}不是有效的Office文档（文件开头不是zip包）");

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
                throw new ImportException(ImportRefusals.PackageTooManyEntries, $"{name}包含{zip.Entries.Count}个部件，超过上限{limits.MaxEntries}个");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.IsEncrypted)
                    throw new ImportException(ImportRefusals.PackageEncrypted, $"{name}中的部件“{entry.FullName}”已加密，无法读取");
                long size = 0;
                using var stream = entry.Open();
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    size += n;
                    total += n;
                    if (total > limits.MaxUncompressedBytes)
                        throw new ImportException(ImportRefusals.ZipBomb, $"{name}解压后超过{limits.MaxUncompressedBytes / (1024 * 1024)}MB，疑为压缩炸弹，拒绝读取");
                    if (size >= limits.RatioFloorBytes && size > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                        throw new ImportException(ImportRefusals.ZipBomb, $"{name}中的部件“{entry.FullName}”压缩比超过{limits.MaxCompressionRatio}:1，疑为压缩炸弹，拒绝读取");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new ImportException(ImportRefusals.CorruptPackage, $"{name}已损坏，无法解压：{e.Message}", e);
        }
    }

    private static bool ContainsUtf16(ReadOnlySpan<byte> data, string text)
    {
        var pattern = System.Text.Encoding.Unicode.GetBytes(text);
        return data.IndexOf(pattern) >= 0;
    }
}
