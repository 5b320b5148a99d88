namespace DocGen.Cli;

/// <summary>
/// Many outputs made safe together, as <see cref="OutputFile.Write"/> makes one: each to a temporary file, then all
/// flushed to disk side by side, then each renamed over its target in the order added. Every file is on disk before
/// its rename, so a kill or a crash leaves each target as it was or as written, never half-written. Flushed side by
/// side, the files share the file system's journal commits: one fsync after another waits for one commit each, which
/// on this machine (ext4) was about 18 ms a file under load and made a batch's writing, not its rendering, set its
/// pace. Each file belongs to an owner (a report); a file that cannot be written fails its owner, whose other files
/// are then left unrenamed too, and the others go on.
/// </summary>
internal sealed class OutputBatch : IDisposable
{
    private readonly List<Pending> _files = [];
    private readonly Dictionary<int, Exception> _failed = [];

    private sealed record Pending(int Owner, string Path, string Temp, string Full, FileStream Stream);

    /// <summary>Writes <paramref name="bytes"/> to a temporary file for <paramref name="path"/>, not yet flushed or renamed.</summary>
    public void Add(int owner, string path, ReadOnlySpan<byte> bytes)
    {
        if (_failed.ContainsKey(owner)) return;
        string? temp = null;
        FileStream? stream = null;
        try
        {
            (temp, string full) = OutputFile.Temporary(path);
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(bytes);
            _files.Add(new Pending(owner, path, temp, full, stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            if (temp is not null) OutputFile.TryDelete(temp);
            Fail(owner, OutputFile.Failed(path, e));
        }
        catch (CliException e)
        {
            Fail(owner, e);
        }
    }

    /// <summary>Marks an owner failed: none of its files will be renamed into place.</summary>
    public void Fail(int owner, Exception reason) => _failed.TryAdd(owner, reason);

    /// <summary>
    /// Flushes every file to disk side by side, then renames each into place in the order added; returns why each
    /// failed owner failed (its temporary files removed, its targets left as they were).
    /// </summary>
    public IReadOnlyDictionary<int, Exception> Commit()
    {
        var flushes = _files.Skip(1).Select(f => Task.Factory.StartNew(() => Flush(f), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var errors = new List<(Pending, Exception?)>(_files.Count);
        if (_files.Count > 0) errors.Add((_files[0], Flush(_files[0])));
        for (int i = 0; i < flushes.Count; i++) errors.Add((_files[i + 1], flushes[i].GetAwaiter().GetResult()));
        foreach (var (file, error) in errors)
            if (error is not null) Fail(file.Owner, OutputFile.Failed(file.Path, error));
        foreach (var file in _files)
        {
            if (_failed.ContainsKey(file.Owner)) { OutputFile.TryDelete(file.Temp); continue; }
            try { File.Move(file.Temp, file.Full, overwrite: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                OutputFile.TryDelete(file.Temp);
                Fail(file.Owner, OutputFile.Failed(file.Path, e));
            }
        }
        _files.Clear();
        return _failed;
    }

    /// <summary>Flushes and closes one file; the failure, if any.</summary>
    private static Exception? Flush(Pending file)
    {
        try
        {
            using (file.Stream) file.Stream.Flush(flushToDisk: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return e; }
    }

    /// <summary>Removes the temporary files of an uncommitted batch (a command that failed midway).</summary>
    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Stream.Dispose();
            OutputFile.TryDelete(file.Temp);
        }
        _files.Clear();
    }
}
