namespace DocGen.Storage;

/// <summary>How <see cref="IBlobStore.WriteAsync(string, Stream, string, WriteMode, CancellationToken)"/> treats a blob that already exists.</summary>
public enum WriteMode
{
    /// <summary>Replace the blob if it exists (refused for write-once paths under <c>archive/</c>).</summary>
    Overwrite,
    /// <summary>Create the blob only if it does not exist; otherwise throw <see cref="BlobAlreadyExistsException"/>.</summary>
    CreateOnly,
}

/// <summary>What a store knows about one blob.</summary>
/// <param name="Path">Full blob path, e.g. <c>reports/某局/2025/abc/manifest.json</c>.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ContentType">Content type stored with the blob (Azure) or inferred from the extension (file system).</param>
/// <param name="LastModified">When it was last written, where the listing says (the sweep of unfinished saves uses it).</param>
public sealed record BlobInfo(string Path, long Size, string? ContentType, DateTimeOffset? LastModified = null);

/// <summary>
/// A minimal blob store addressed by '/'-separated paths whose first segment is the container
/// (<c>incoming</c>, <c>reports</c>, <c>archive</c>, <c>ids</c>, …). See <see cref="BlobPath"/> for the rules.
/// <para>Guarantees of every implementation:</para>
/// <list type="bullet">
/// <item>a write is atomic: readers see the old blob or the complete new one, never a part;</item>
/// <item><see cref="WriteMode.CreateOnly"/> never replaces an existing blob, even under concurrency;</item>
/// <item>blobs under <c>archive/</c> are write-once: only create-only writes are accepted and
/// overwrites and deletes throw <see cref="BlobImmutableException"/>.</item>
/// </list>
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes the whole <paramref name="content"/> (read from its current position to the end) to <paramref name="path"/>.</summary>
    /// <returns>The stored blob's info.</returns>
    /// <exception cref="BlobAlreadyExistsException">Create-only and the blob exists.</exception>
    /// <exception cref="BlobImmutableException">Overwrite of a write-once path.</exception>
    Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, WriteMode mode = WriteMode.Overwrite,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes as <see cref="WriteAsync(string, Stream, string, WriteMode, CancellationToken)"/> and labels the blob with
    /// <paramref name="labels"/> where the store keeps labels (Azure: metadata and index tags); others ignore them.
    /// </summary>
    Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, BlobLabels? labels, WriteMode mode,
        CancellationToken cancellationToken = default) => WriteAsync(path, content, contentType, mode, cancellationToken);

    /// <summary>Opens the blob for reading, or returns <c>null</c> if it does not exist. Dispose the stream.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Returns the blob's info, or <c>null</c> if it does not exist.</summary>
    Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Whether the blob exists.</summary>
    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every blob whose path starts with <paramref name="prefix"/> (plain string prefix, recursive),
    /// in no guaranteed order. The prefix must start with a whole container name, e.g. <c>reports</c>,
    /// <c>reports/</c> or <c>reports/某局/2025/</c>; a missing container lists nothing.
    /// </summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// The names of the folders directly below <paramref name="folder"/> (a prefix that ends with '/', e.g. <c>reports/</c>):
    /// the next path segment of the blobs under it, each once, in no guaranteed order, without listing what lies deeper
    /// (Azure: a listing with a '/' delimiter; disk: the subdirectories). A store may also name a folder that holds no blob.
    /// The default lists every blob below, for decorators that do not pass this on.
    /// </summary>
    IAsyncEnumerable<string> ListFoldersAsync(string folder, CancellationToken cancellationToken = default) =>
        BlobStoreExtensions.FoldersFromListingAsync(this, folder, cancellationToken);

    /// <summary>Deletes the blob. Returns <c>false</c> if it did not exist.</summary>
    /// <exception cref="BlobImmutableException">The path is write-once (under <c>archive/</c>).</exception>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes what writes killed half way left behind and no listing shows (temporary files older than
    /// <paramref name="olderThan"/>); returns how many. A store without such leftovers (Azure: uncommitted
    /// blocks expire by themselves) does nothing.
    /// </summary>
    Task<int> SweepTemporaryAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
