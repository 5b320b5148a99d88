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
                error = Finding.Error("FILE_TOO_LARGE", "", $"文件大小为{info.Length}字节，超过上限{maxBytes}字节");
                return null;
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = Finding.Error("FILE_UNREADABLE", "", $"无法读取文件“{path}”：{e.Message}");
            return null;
        }
    }

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
