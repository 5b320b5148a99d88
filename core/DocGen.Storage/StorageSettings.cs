using Microsoft.Extensions.Configuration;

namespace DocGen.Storage;

/// <summary>
/// The configuration keys of DocGen's storage: the one place their names are written. In environment
/// variables write <c>__</c> for <c>:</c> (e.g. <c>DocGen__Storage__Kind</c>).
/// </summary>
public static class StorageSettings
{
    /// <summary>The configuration section holding the keys below.</summary>
    public const string Section = "DocGen:Storage";
    /// <summary><see cref="KindFileSystem"/> (default) or <see cref="KindAzureBlob"/>.</summary>
    public const string Kind = "DocGen:Storage:Kind";
    /// <summary>Folder of the file-system store; default <see cref="FileSystemBlobStore.DefaultRoot"/>.</summary>
    public const string Root = "DocGen:Storage:Root";
    /// <summary>Azure Storage connection string (Azurite, account key or SAS). Wins over <see cref="AccountUrl"/>.</summary>
    public const string ConnectionString = "DocGen:Storage:ConnectionString";
    /// <summary>Blob service URL, e.g. <c>https://{account}.blob.core.windows.net</c>, used with DefaultAzureCredential.</summary>
    public const string AccountUrl = "DocGen:Storage:AccountUrl";

    /// <summary>Value of <see cref="Kind"/> selecting <see cref="FileSystemBlobStore"/>.</summary>
    public const string KindFileSystem = "FileSystem";
    /// <summary>Value of <see cref="Kind"/> selecting <see cref="AzureBlobStore"/>.</summary>
    public const string KindAzureBlob = "AzureBlob";

    /// <summary>All keys, for documentation and checks.</summary>
    public static IReadOnlyList<string> AllKeys { get; } = [Kind, Root, ConnectionString, AccountUrl];
}

/// <summary>Which <see cref="IBlobStore"/> to build.</summary>
public enum StorageKind
{
    /// <summary><see cref="FileSystemBlobStore"/>.</summary>
    FileSystem,
    /// <summary><see cref="AzureBlobStore"/>.</summary>
    AzureBlob,
}

/// <summary>Storage settings as a plain record; bind it with <see cref="FromConfiguration"/> or build it in code.</summary>
/// <param name="Kind">Which store.</param>
/// <param name="Root">Folder of the file-system store (null: <see cref="FileSystemBlobStore.DefaultRoot"/>).</param>
/// <param name="ConnectionString">Azure connection string; wins over <paramref name="AccountUrl"/>.</param>
/// <param name="AccountUrl">Azure blob service URL, used with DefaultAzureCredential.</param>
public sealed record StorageOptions(
    StorageKind Kind = StorageKind.FileSystem,
    string? Root = null,
    string? ConnectionString = null,
    string? AccountUrl = null)
{
    /// <summary>Reads the keys of <see cref="StorageSettings"/>; missing keys take their defaults.</summary>
    /// <exception cref="StorageException">Code <c>INVALID_STORAGE_SETTINGS</c> for an unknown kind.</exception>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? kind = Blank(configuration[StorageSettings.Kind]);
        StorageKind parsed = kind switch
        {
            null => StorageKind.FileSystem,
            _ when kind.Equals(StorageSettings.KindFileSystem, StringComparison.OrdinalIgnoreCase) => StorageKind.FileSystem,
            _ when kind.Equals(StorageSettings.KindAzureBlob, StringComparison.OrdinalIgnoreCase) => StorageKind.AzureBlob,
            _ => throw new StorageException(StorageErrorCodes.InvalidSettings,
                $"存储类型设置 {StorageSettings.Kind} 的值“{kind}”无效，应为 {StorageSettings.KindFileSystem} 或 {StorageSettings.KindAzureBlob}"),
        };
        return new StorageOptions(parsed,
            Blank(configuration[StorageSettings.Root]),
            Blank(configuration[StorageSettings.ConnectionString]),
            Blank(configuration[StorageSettings.AccountUrl]));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Builds the configured <see cref="IBlobStore"/>.</summary>
public static class BlobStoreFactory
{
    /// <summary>Builds the store described by the configuration keys of <see cref="StorageSettings"/>.</summary>
    public static IBlobStore Create(IConfiguration configuration) => Create(StorageOptions.FromConfiguration(configuration));

    /// <summary>Builds the store described by <paramref name="options"/>.</summary>
    /// <exception cref="StorageException">Code <c>INVALID_STORAGE_SETTINGS</c> when Azure is chosen without a connection string or a valid account URL.</exception>
    public static IBlobStore Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Kind)
        {
            case StorageKind.FileSystem:
                return new FileSystemBlobStore(options.Root);
            case StorageKind.AzureBlob:
                if (!string.IsNullOrWhiteSpace(options.ConnectionString))
                    return new AzureBlobStore(options.ConnectionString);
                if (Uri.TryCreate(options.AccountUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
                    return new AzureBlobStore(url);
                throw new StorageException(StorageErrorCodes.InvalidSettings,
                    $"选择了 Azure Blob 存储，但未设置 {StorageSettings.ConnectionString}，{StorageSettings.AccountUrl} 也不是有效的网址");
            default:
                throw new StorageException(StorageErrorCodes.InvalidSettings, $"未知的存储类型：{options.Kind}");
        }
    }
}
