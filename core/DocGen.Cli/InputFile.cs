using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Cli;

/// <summary>Reads an input file with a size limit, so a huge or unreadable file gets a clear message, never a stack trace.</summary>
internal static class InputFile
{
    public static byte[]? ReadBytes(string path, long maxBytes, out Finding? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = Finding.Error("FILE_NOT_FOUND", "", $"找不到文件“{path}”");
                return null;
            }
            if (info.Length > maxBytes)
            {
                error = TooLarge(info.Length, maxBytes);
                return null;
            }
            // Devices and pipes (/dev/zero) report length 0: read at most one byte past the limit, never "to the end".
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(info.Length + 1, 64 * 1024))];
            var bytes = new MemoryStream();
            int n;
            while ((n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - bytes.Length))) > 0)
            {
                bytes.Write(buffer, 0, n);
                if (bytes.Length > maxBytes)
                {
                    error = TooLarge(null, maxBytes);
                    return null;
                }
            }
            return bytes.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = Finding.Error("FILE_UNREADABLE", "", $"无法读取文件“{path}”：{e.Message}");
            return null;
        }
    }

    private static Finding TooLarge(long? length, long maxBytes) =>
        Finding.Error("FILE_TOO_LARGE", "", length is { } n ? $"文件大小为{n}字节，超过上限{maxBytes}字节" : $"文件超过上限{maxBytes}字节（或不是普通文件）");

    /// <summary>Reads and parses report JSON; on failure returns null and the faults.</summary>
    public static Report? ReadReport(string path, out IReadOnlyList<Finding> errors)
    {
        var bytes = ReadBytes(path, ReportJsonReader.MaxBytes, out var error);
        if (bytes is null)
        {
            errors = [error!];
            return null;
        }
        var result = ReportJsonReader.Read(bytes);
        errors = result.Errors;
        return result.Report;
    }
}
