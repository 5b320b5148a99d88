using System.IO.Compression;
using System.Text;

namespace DocGen.Core.Excel;

/// <summary>
/// Looks at an Office file before any library parses it: refuses what is too large, an encrypted (password
/// protected) file, the old binary format, what is not a zip, and a zip that inflates far beyond its size
/// (a zip bomb). Every entry is inflated here against a running limit, so declared sizes cannot lie.
/// </summary>
public static class PackageGuard
{
    /// <summary>Largest workbook accepted; DocGen's own workbooks are about 15 KB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;
    /// <summary>Largest total of the inflated entries.</summary>
    public const long MaxInflatedBytes = 100 * 1024 * 1024;
    public const int MaxEntries = 2000;

    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static void Check(ReadOnlySpan<byte> bytes, string what)
    {
        if (bytes.Length > MaxFileBytes)
            throw new WorkbookException("FILE_TOO_LARGE", $"{what}大小为{bytes.Length}字节，超过上限{MaxFileBytes}字节");
        if (bytes.StartsWith(OleMagic))
        {
            // Office writes a password-protected file as an OLE container holding "EncryptionInfo" and "EncryptedPackage".
            bool encrypted = bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0
                             || bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0;
            throw encrypted
                ? new WorkbookException("FILE_ENCRYPTED", $"{what}设有打开密码（已加密），无法读取；请在Excel或WPS中取消密码并另存后再导入")
                : new WorkbookException("LEGACY_OFFICE_FORMAT", $"{what}是旧版Office二进制格式（.xls/.doc），请在Excel、WPS或Word中另存为.xlsx/.docx后再导入");
        }
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            throw new WorkbookException("FILE_CORRUPT", $"{what}不是Office Open XML文件（不是zip包），文件可能已损坏");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                throw new WorkbookException("ZIP_BOMB", $"{what}包含{zip.Entries.Count}个压缩条目，超过上限{MaxEntries}个");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxInflatedBytes - total) throw Bomb(what);
                using var s = entry.Open();
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > MaxInflatedBytes) throw Bomb(what);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new WorkbookException("FILE_CORRUPT", $"{what}的zip结构已损坏，无法读取", e);
        }
    }

    private static WorkbookException Bomb(string what) =>
        new("ZIP_BOMB", $"{what}解压后超过{MaxInflatedBytes / 1024 / 1024} MB，疑为压缩炸弹，已拒绝");
}
