using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace DocGen.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on Azure Blob Storage (or Azurite): the first path segment is the container,
/// the rest is the blob name, so <c>reports/a/b.json</c> is blob <c>a/b.json</c> in container <c>reports</c>.
/// <list type="bullet">
/// <item>Containers are created (private) on the first write into them.</item>
/// <item>An upload is committed in one request (or one block-list commit), so it is atomic.</item>
/// <item>Create-only writes send <c>If-None-Match: *</c>; 409/412 become <see cref="BlobAlreadyExistsException"/>.</item>
/// <item>Under <c>archive/</c> only create-only writes are accepted and deletes are refused. Azure's
/// immutability policy (set by infra) guards the same blobs against other clients; Azurite has none.</item>
/// </list>
/// </summary>
public sealed class AzureBlobStore : IBlobStore, IBlobLinks
{
    private readonly BlobServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _ensured = new(StringComparer.Ordinal);

    /// <summary>Creates a store from a connection string (Azurite, or an account key / SAS).</summary>
    public AzureBlobStore(string connectionString)
        : this(new BlobServiceClient(connectionString ?? throw new ArgumentNullException(nameof(connectionString))))
    {
    }

    /// <summary>Creates a store from an account URL (<c>https://{account}.blob.core.windows.net</c>) and a credential;
    /// <paramref name="credential"/> defaults to <see cref="DefaultAzureCredential"/> (managed identity in Azure).</summary>
    public AzureBlobStore(Uri accountUrl, TokenCredential? credential = null)
        : this(new BlobServiceClient(accountUrl ?? throw new ArgumentNullException(nameof(accountUrl)),
            credential ?? new DefaultAzureCredential()))
    {
    }

    /// <summary>Creates a store over an existing client (for custom client options).</summary>
    public AzureBlobStore(BlobServiceClient service)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
    }

    /// <summary>The underlying service client.</summary>
    public BlobServiceClient ServiceClient => _service;

    /// <inheritdoc />
    public Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, WriteMode mode = WriteMode.Overwrite,
        CancellationToken cancellationToken = default) =>
        WriteAsync(path, content, contentType, null, mode, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The labels go with the upload itself (metadata and <c>x-ms-tags</c>), so a blob is never seen without them.</remarks>
    public async Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, BlobLabels? labels, WriteMode mode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (container, name) = BlobPath.Split(path);
        if (mode == WriteMode.Overwrite && BlobPath.IsWriteOnce(path))
            throw new BlobImmutableException(path, "覆盖");

        await EnsureContainerAsync(container, cancellationToken).ConfigureAwait(false);
        var blob = _service.GetBlobContainerClient(container).GetBlobClient(name);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = mode == WriteMode.CreateOnly ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null,
            Metadata = labels?.Metadata(),
            Tags = labels?.Tags(),
        };
        long start = content.CanSeek ? content.Position : 0;
        try
        {
            try
            {
                await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "ContainerNotFound" && content.CanSeek)
            {
                // The container was deleted behind our back since we created it: create it again, once.
                _ensured.TryRemove(container, out _);
                await EnsureContainerAsync(container, cancellationToken).ConfigureAwait(false);
                content.Position = start;
                await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (mode == WriteMode.CreateOnly && ex.Status is 409 or 412)
        {
            throw new BlobAlreadyExistsException(path, ex);
        }
        catch (RequestFailedException ex) when (StorageUnavailableException.Classify(ex, path) is { } fault)
        {
            throw fault;
        }
        long size = content.CanSeek ? content.Position - start : -1;
        if (size < 0)
        {
            var props = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            size = props.Value.ContentLength;
        }
        return new BlobInfo(path, size, contentType);
    }

    /// <summary>
    /// A read-only SAS link to one blob. With an account key (a connection string, Azurite) it is a service SAS signed
    /// with the key; with a token credential (managed identity on Azure) it is a user-delegation SAS, signed with a
    /// user delegation key that is fetched once and reused while it outlives the link. The link makes the browser
    /// save the file as <paramref name="downloadName"/>. Null when no link can be signed: the delegation key was
    /// refused (403) within the last <see cref="DelegationRetry"/>.
    /// </summary>
    public async Task<Uri?> ReadLinkAsync(string path, DateTimeOffset now, DateTimeOffset expiresOn, string downloadName,
        CancellationToken cancellationToken = default)
    {
        var (container, name) = BlobPath.Split(path);
        var blob = _service.GetBlobContainerClient(container).GetBlobClient(name);
        var sas = new Azure.Storage.Sas.BlobSasBuilder(Azure.Storage.Sas.BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = container,
            BlobName = name,
            Resource = "b",
            // A little slack for clocks that run behind ours.
            StartsOn = now.AddMinutes(-5),
            ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(downloadName),
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);
        if (now < new DateTimeOffset(Volatile.Read(ref _delegationRefusedUntil), TimeSpan.Zero)) return null;
        try
        {
            var key = await DelegationKeyAsync(now, expiresOn, cancellationToken).ConfigureAwait(false);
            return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, _service.AccountName) }.ToUri();
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // The identity may read blobs but not ask for a delegation key (a role without
            // generateUserDelegationKey): no link, so the caller streams the file, and no new ask for a while.
            Volatile.Write(ref _delegationRefusedUntil, (now + DelegationRetry).UtcTicks);
            return null;
        }
        catch (RequestFailedException ex) when (StorageUnavailableException.Classify(ex, path) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>How long links stay off after the service refused a delegation key.</summary>
    internal static readonly TimeSpan DelegationRetry = TimeSpan.FromMinutes(10);

    private UserDelegationKey? _delegationKey;
    private long _delegationRefusedUntil;

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset now, DateTimeOffset linkExpires, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _delegationKey) is { } key && key.SignedExpiresOn >= linkExpires && key.SignedStartsOn <= now) return key;
        // A key lives an hour (Azure allows up to seven days), so links are signed without a round trip most of the time.
        var fresh = (await _service.GetUserDelegationKeyAsync(now.AddMinutes(-5), linkExpires.AddHours(1), cancellationToken).ConfigureAwait(false)).Value;
        Volatile.Write(ref _delegationKey, fresh);
        return fresh;
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = GetBlob(path);
        try
        {
            var result = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = GetBlob(path);
        try
        {
            var props = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobInfo(path, props.Value.ContentLength, props.Value.ContentType);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = GetBlob(path);
        try
        {
            return (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (container, namePrefix) = BlobPath.SplitPrefix(prefix);
        var listing = _service.GetBlobContainerClient(container)
            .GetBlobsAsync(new GetBlobsOptions { Prefix = namePrefix.Length == 0 ? null : namePrefix }, cancellationToken);
        await foreach (var item in ItemsOrNoneAsync(listing, cancellationToken).ConfigureAwait(false))
        {
            yield return new BlobInfo(container + "/" + item.Name, item.Properties.ContentLength ?? 0, item.Properties.ContentType,
                item.Properties.LastModified);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListFoldersAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (container, namePrefix) = BlobStoreExtensions.CheckFolder(folder);
        var listing = _service.GetBlobContainerClient(container).GetBlobsByHierarchyAsync(
            new GetBlobsByHierarchyOptions { Prefix = namePrefix.Length == 0 ? null : namePrefix, Delimiter = "/" }, cancellationToken);
        await foreach (var item in ItemsOrNoneAsync(listing, cancellationToken).ConfigureAwait(false))
            if (item.IsPrefix) yield return item.Prefix[namePrefix.Length..].TrimEnd('/');
    }

    /// <summary>The items of a listing, page by page; a container that does not exist yet lists nothing.</summary>
    private static async IAsyncEnumerable<T> ItemsOrNoneAsync<T>(AsyncPageable<T> listing, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : notnull
    {
        var pages = listing.AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                Page<T> page;
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false)) yield break;
                    page = pages.Current;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break; // container does not exist yet
                }
                foreach (var item in page.Values) yield return item;
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = GetBlob(path);
        if (BlobPath.IsWriteOnce(path))
            throw new BlobImmutableException(path, "删除");
        try
        {
            return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false; // container does not exist
        }
    }

    private BlobClient GetBlob(string path)
    {
        var (container, name) = BlobPath.Split(path);
        return _service.GetBlobContainerClient(container).GetBlobClient(name);
    }

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        var lazy = _ensured.GetOrAdd(container, c => new Lazy<Task>(() =>
            _service.GetBlobContainerClient(c).CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: CancellationToken.None)));
        try
        {
            await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _ensured.TryRemove(new KeyValuePair<string, Lazy<Task>>(container, lazy)); // try again next time
            throw;
        }
    }
}
