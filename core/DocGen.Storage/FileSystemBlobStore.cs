using System.Runtime.CompilerServices;

namespace DocGen.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on a local folder: the blob <c>reports/a/b.json</c> is the file
/// <c>{Root}/reports/a/b.json</c>.
/// <list type="bullet">
/// <item>Every write goes to a temporary file (<c>.{guid}.tmp</c>, hidden from listings) in the target's
/// folder, is flushed to disk, then renamed over the target, so a half-written file is never visible.</item>
/// <item>Create-only writes move the temporary file into place with an operation that fails if the target
/// exists (link(2) on Unix, MoveFileEx without replace on Windows), so two writers can never both win and
/// nothing is ever replaced. The folder must be on a file system with hard links (any local Unix one).</item>
/// <item>Files under <c>archive/</c> are made read-only (mode 0444 on Unix, the ReadOnly attribute on
/// Windows) before they become visible; overwriting or deleting them, or any read-only file, is refused.</item>
/// <item>Content types are not stored; <see cref="BlobInfo.ContentType"/> is inferred from the extension.</item>
/// </list>
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    /// <summary>The folder used when none is configured.</summary>
    public const string DefaultRoot = "./data";

    /// <summary>Creates a store rooted at <paramref name="root"/> (default <see cref="DefaultRoot"/>), relative to the current directory.</summary>
    public FileSystemBlobStore(string? root = null)
    {
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? DefaultRoot : root);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public async Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, WriteMode mode = WriteMode.Overwrite,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string full = ToFullPath(path);
        bool writeOnce = BlobPath.IsWriteOnce(path);
        if (mode == WriteMode.Overwrite && (writeOnce || IsReadOnlyFile(full)))
            throw new BlobImmutableException(path, "覆盖");
        if (mode == WriteMode.CreateOnly && File.Exists(full))
            throw new BlobAlreadyExistsException(path);

        string dir = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(dir, $".{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            CreateDirectoryDurably(dir);
            long size;
            // Unbuffered: content is copied in large blocks already (a whole MemoryStream at once), so a FileStream
            // buffer would only be 80 KB more to allocate and copy through for every file written.
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
                size = stream.Length;
            }
            if (writeOnce) MakeReadOnly(temp);
            cancellationToken.ThrowIfCancellationRequested();
            if (mode == WriteMode.Overwrite)
                File.Move(temp, full, overwrite: true); // rename(2) / MoveFileEx: atomic replace
            else if (!NativeFile.TryMoveNoReplace(temp, full))
                throw new BlobAlreadyExistsException(path);
            // The new name is only durable once the folder's entry is: a 201 must survive a power cut.
            NativeFile.FsyncDirectory(dir);
            return new BlobInfo(path, size, contentType);
        }
        catch (Exception ex) when (StorageUnavailableException.Classify(ex, path) is { } fault)
        {
            throw fault;
        }
        finally
        {
            TryDeleteTemp(temp);
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        string full = ToFullPath(path);
        try
        {
            // Unbuffered for the same reason: readers copy or parse in blocks of their own.
            Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(ToFullPath(path));
        return Task.FromResult(file.Exists ? new BlobInfo(path, file.Length, ContentTypes.FromFileName(path)) : null);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(ToFullPath(path)));

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (container, namePrefix) = BlobPath.SplitPrefix(prefix);
        string normalizedPrefix = container + "/" + namePrefix;
        int lastSlash = namePrefix.LastIndexOf('/');
        string folder = lastSlash < 0 ? container : container + "/" + namePrefix[..lastSlash];
        string dir = Path.Combine(Root, folder.Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(dir)) yield break;

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var found = new List<BlobInfo>();
        foreach (var file in new DirectoryInfo(dir).EnumerateFiles("*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.Name.StartsWith('.')) continue; // temporary files of writes in progress
            string relative = Path.GetRelativePath(Root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith(normalizedPrefix, StringComparison.Ordinal)) continue;
            long length;
            DateTimeOffset modified;
            try { length = file.Length; modified = file.LastWriteTimeUtc; }
            catch (FileNotFoundException) { continue; } // deleted meanwhile
            found.Add(new BlobInfo(relative, length, ContentTypes.FromFileName(relative), modified));
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var info in found)
        {
            yield return info;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListFoldersAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobStoreExtensions.CheckFolder(folder);
        string dir = Path.Combine(Root, folder.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(dir)) yield break;
        foreach (var sub in new DirectoryInfo(dir).EnumerateDirectories())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!sub.Name.StartsWith('.')) yield return sub.Name;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        string full = ToFullPath(path);
        if (BlobPath.IsWriteOnce(path) || IsReadOnlyFile(full))
            throw new BlobImmutableException(path, "删除");
        if (!File.Exists(full)) return Task.FromResult(false);
        File.Delete(full);
        return Task.FromResult(true);
    }

    /// <summary>The ending of the temporary files of writes in progress (their names start with a dot).</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Deletes the temporary files of writes that were killed before they finished (older than
    /// <paramref name="olderThan"/>, so a write in progress keeps its file). They were never visible; a complete
    /// file is never touched. Returns how many were deleted.
    /// </summary>
    public Task<int> SweepTemporaryAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        int deleted = 0;
        if (!Directory.Exists(Root)) return Task.FromResult(0);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("." + "*" + TempSuffix, options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (file.LastWriteTimeUtc >= olderThan.UtcDateTime) continue;
                if (OperatingSystem.IsWindows()) file.Attributes = FileAttributes.Normal;
                file.Delete();
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile or not ours to delete: the next sweep tries again.
            }
        }
        return Task.FromResult(deleted);
    }

    /// <summary>Creates <paramref name="dir"/> and its missing parents, and makes each new entry durable.</summary>
    private void CreateDirectoryDurably(string dir)
    {
        if (Directory.Exists(dir)) return;
        var missing = new List<string>();
        for (string? d = dir; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Add(d);
        Directory.CreateDirectory(dir);
        foreach (var created in missing) NativeFile.FsyncDirectory(Path.GetDirectoryName(created)!);
    }

    /// <summary>Whether the stored file for <paramref name="path"/> is read-only (as archived files are).</summary>
    public bool IsReadOnly(string path) => IsReadOnlyFile(ToFullPath(path));

    private string ToFullPath(string path)
    {
        BlobPath.Validate(path);
        string full = Path.GetFullPath(Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar)));
        // BlobPath already forbids '.', '..' and '\'; this is a second line of defence.
        if (!full.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidStorageNameException(StorageErrorCodes.InvalidPath, $"存储路径越出根目录：{path}", path);
        return full;
    }

    private static bool IsReadOnlyFile(string full)
    {
        if (!File.Exists(full)) return false;
        if (OperatingSystem.IsWindows())
            return File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly);
        const UnixFileMode anyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        return (File.GetUnixFileMode(full) & anyWrite) == 0;
    }

    private static void MakeReadOnly(string full)
    {
        if (OperatingSystem.IsWindows())
            File.SetAttributes(full, File.GetAttributes(full) | FileAttributes.ReadOnly);
        else
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private static void TryDeleteTemp(string temp)
    {
        try
        {
            if (!File.Exists(temp)) return;
            if (OperatingSystem.IsWindows()) File.SetAttributes(temp, FileAttributes.Normal);
            File.Delete(temp);
        }
        catch (IOException)
        {
            // A leftover temporary file is hidden from listings and harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
