using DocGen.Storage;

namespace DocGen.Cli;

/// <summary>
/// Writes every output of a command the safe way: to a temporary file in the target's folder, flushed to disk,
/// then renamed over the target. A full disk, a kill or any failure leaves the earlier file as it was and no
/// half-written one in its place; the temporary file is removed. <see cref="OutputBatch"/> does the same for many
/// files at once.
/// </summary>
internal static class OutputFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        // One file is a batch of one: the temporary file, its fsync and the rename live in OutputBatch alone.
        using var batch = new OutputBatch();
        batch.Add(0, path, bytes);
        if (batch.Commit().TryGetValue(0, out var failure)) throw failure;
    }

    /// <summary>The temporary file beside <paramref name="path"/> and the full path: refused when the path cannot be written.</summary>
    internal static (string Temp, string Full) Temporary(string path)
    {
        if (Directory.Exists(path))
            throw new CliException("OUTPUT_IS_DIRECTORY", $"输出路径“{path}”是一个目录，请给出文件名");
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new CliException("OUTPUT_DIR_NOT_FOUND", $"输出目录“{dir}”不存在");
        return (Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp"), full);
    }

    internal static CliException Failed(string path, Exception e)
    {
        string why = StorageUnavailableException.Classify(e, path) is { Kind: StorageFaultKind.Full } ? "磁盘空间已满" : e.Message;
        return new CliException("WRITE_FAILED", $"无法写入“{path}”：{why}（原有文件未改动）", e);
    }

    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Makes sure <paramref name="dir"/> is a folder that can be written into, creating it if missing.</summary>
    public static void EnsureDirectory(string dir)
    {
        if (File.Exists(dir))
            throw new CliException("OUTPUT_NOT_DIRECTORY", $"输出目录“{dir}”是一个已存在的文件，请给出目录");
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException("WRITE_FAILED", $"无法创建输出目录“{dir}”：{e.Message}", e);
        }
    }

    internal static void TryDelete(string temp)
    {
        try { File.Delete(temp); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
