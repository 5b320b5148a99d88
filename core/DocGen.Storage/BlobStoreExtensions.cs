using System.Security.Cryptography;

namespace DocGen.Storage;

/// <summary>Well-known content types used by DocGen.</summary>
public static class ContentTypes
{
    /// <summary><c>application/json</c></summary>
    public const string Json = "application/json";
    /// <summary><c>application/pdf</c></summary>
    public const string Pdf = "application/pdf";
    /// <summary>Word .docx.</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /// <summary><c>application/octet-stream</c></summary>
    public const string OctetStream = "application/octet-stream";

    /// <summary>The content type for a file name's extension (.json, .pdf, .docx; anything else is octet-stream).</summary>
    public static string FromFileName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => Json,
        ".pdf" => Pdf,
        ".docx" => Docx,
        _ => OctetStream,
    };
}

/// <summary>Convenience helpers over <see cref="IBlobStore"/>.</summary>
public static class BlobStoreExtensions
{
    /// <summary>Writes a byte array.</summary>
    public static Task<BlobInfo> WriteBytesAsync(this IBlobStore store, string path, ReadOnlyMemory<byte> bytes,
        string contentType, WriteMode mode = WriteMode.Overwrite, CancellationToken cancellationToken = default) =>
        store.WriteBytesAsync(path, bytes, contentType, null, mode, cancellationToken);

    /// <summary>Writes a byte array labelled with <paramref name="labels"/> (see <see cref="BlobLabels"/>).</summary>
    public static async Task<BlobInfo> WriteBytesAsync(this IBlobStore store, string path, ReadOnlyMemory<byte> bytes,
        string contentType, BlobLabels? labels, WriteMode mode, CancellationToken cancellationToken = default)
    {
        // A MemoryStream over a copy-free segment when possible.
        using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        return labels is null
            ? await store.WriteAsync(path, stream, contentType, mode, cancellationToken).ConfigureAwait(false)
            : await store.WriteAsync(path, stream, contentType, labels, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a whole blob, or returns <c>null</c> if it does not exist.</summary>
    public static async Task<byte[]?> ReadAllBytesAsync(this IBlobStore store, string path, CancellationToken cancellationToken = default)
    {
        var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null) return null;
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    /// <summary>SHA-256 (lower-case hex) and size of a stored blob, or <c>null</c> if it does not exist.</summary>
    public static async Task<(string Sha256, long Size)?> ComputeSha256Async(this IBlobStore store, string path,
        CancellationToken cancellationToken = default)
    {
        var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null) return null;
        await using (stream.ConfigureAwait(false))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                size += read;
            }
            return (Convert.ToHexStringLower(sha.GetHashAndReset()), size);
        }
    }

    /// <summary><see cref="IBlobStore.ListFoldersAsync"/> from a recursive listing: the distinct next segments.</summary>
    internal static async IAsyncEnumerable<string> FoldersFromListingAsync(IBlobStore store, string folder,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckFolder(folder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            int slash = blob.Path.IndexOf('/', folder.Length);
            if (slash > folder.Length && seen.Add(blob.Path[folder.Length..slash])) yield return blob.Path[folder.Length..slash];
        }
    }

    /// <summary>A folder to list below: a valid prefix ending with '/'.</summary>
    internal static (string Container, string NamePrefix) CheckFolder(string folder)
    {
        var split = BlobPath.SplitPrefix(folder);
        if (!folder.EndsWith('/'))
            throw new InvalidStorageNameException(StorageErrorCodes.InvalidPath, $"列举的文件夹应以 / 结尾：{folder}", folder);
        return split;
    }

    /// <summary>SHA-256 of bytes as lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
