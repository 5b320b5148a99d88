using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DocGen.Storage.Tests;

/// <summary>Passes everything on to <paramref name="inner"/> and records what listings asked for and what they enumerated.</summary>
internal sealed class CountingBlobStore(IBlobStore inner) : IBlobStore
{
    /// <summary>The prefixes of <see cref="ListAsync"/> calls.</summary>
    public ConcurrentQueue<string> Prefixes { get; } = new();

    /// <summary>Every blob a <see cref="ListAsync"/> enumerated.</summary>
    public ConcurrentQueue<string> Enumerated { get; } = new();

    /// <summary>The folders of <see cref="ListFoldersAsync"/> calls.</summary>
    public ConcurrentQueue<string> FolderListings { get; } = new();

    public void Clear()
    {
        Prefixes.Clear();
        Enumerated.Clear();
        FolderListings.Clear();
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Prefixes.Enqueue(prefix);
        await foreach (var blob in inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            Enumerated.Enqueue(blob.Path);
            yield return blob;
        }
    }

    public IAsyncEnumerable<string> ListFoldersAsync(string folder, CancellationToken cancellationToken = default)
    {
        FolderListings.Enqueue(folder);
        return inner.ListFoldersAsync(folder, cancellationToken);
    }

    public Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, WriteMode mode = WriteMode.Overwrite,
        CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, contentType, mode, cancellationToken);

    public Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, BlobLabels? labels, WriteMode mode,
        CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, contentType, labels, mode, cancellationToken);

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);
    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);
    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
}
