using Azure;

namespace DocGen.Storage;

/// <summary>Why the store cannot take a write (or answer) now.</summary>
public enum StorageFaultKind
{
    /// <summary>No space left, or a quota reached (ENOSPC, EDQUOT, EFBIG): HTTP 507.</summary>
    Full,
    /// <summary>The store is read-only or refuses us (EROFS, EACCES, EPERM): HTTP 503.</summary>
    ReadOnly,
    /// <summary>The store is busy or throttling (Azure 429/500/503): HTTP 503 with Retry-After.</summary>
    Throttled,
}

/// <summary>
/// The store cannot do its part now, through no fault of the request: full, read-only or throttled.
/// Nothing half-written is left visible (writes go to a temporary file or a single upload first). The
/// service answers 507 or 503 with <see cref="Exception.Message"/>, <see cref="StorageException.Code"/> and
/// <see cref="RetryAfter"/>; the CLI prints the message and exits 2.
/// </summary>
public sealed class StorageUnavailableException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException(StorageFaultKind kind, string message, Exception? innerException = null)
        : base(CodeOf(kind), message, innerException) => Kind = kind;

    /// <summary>What went wrong.</summary>
    public StorageFaultKind Kind { get; }

    /// <summary>When a retry may succeed; null when waiting will not help by itself (a full disk).</summary>
    public TimeSpan? RetryAfter => Kind switch
    {
        StorageFaultKind.Throttled => TimeSpan.FromSeconds(5),
        StorageFaultKind.ReadOnly => TimeSpan.FromSeconds(60),
        _ => null,
    };

    private static string CodeOf(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Full => StorageErrorCodes.StorageFull,
        StorageFaultKind.ReadOnly => StorageErrorCodes.StorageReadOnly,
        _ => StorageErrorCodes.StorageBusy,
    };

    // errno values, the same on Linux and macOS except where noted; .NET puts them in IOException.HResult on Unix.
    private const int EPERM = 1, EACCES = 13, EFBIG = 27, ENOSPC = 28, EROFS = 30, EDQUOT_LINUX = 122, EDQUOT_MAC = 69;
    // Windows: ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL, ERROR_WRITE_PROTECT as HRESULTs.
    private const int HrHandleDiskFull = unchecked((int)0x80070027), HrDiskFull = unchecked((int)0x80070070), HrWriteProtect = unchecked((int)0x80070013);

    /// <summary>
    /// The fault behind <paramref name="error"/>, raised while storing <paramref name="path"/>, or null when it is
    /// not a fault of the store (a bug, a bad name): those keep their own type.
    /// </summary>
    public static StorageUnavailableException? Classify(Exception error, string path) => error switch
    {
        StorageException => null,
        UnauthorizedAccessException => new(StorageFaultKind.ReadOnly, $"存储目录不可写：{path}", error),
        IOException io when io.HResult is ENOSPC or EDQUOT_LINUX or EDQUOT_MAC or EFBIG or HrHandleDiskFull or HrDiskFull
            => new(StorageFaultKind.Full, $"存储空间已满，无法写入：{path}", error),
        IOException io when io.HResult is EROFS or EACCES or EPERM or HrWriteProtect
            => new(StorageFaultKind.ReadOnly, $"存储为只读，无法写入：{path}", error),
        RequestFailedException rf when rf.Status is 429 or 500 or 503 || rf.ErrorCode is "ServerBusy" or "OperationTimedOut"
            => new(StorageFaultKind.Throttled, $"存储服务繁忙，请稍后重试：{path}", error),
        RequestFailedException { Status: 403 } rf when rf.ErrorCode is "AccountIsDisabled" or "AuthorizationFailure"
            => new(StorageFaultKind.ReadOnly, $"存储账户拒绝写入：{path}", error),
        RequestFailedException rf when rf.ErrorCode is "AccountLimitExceeded" or "ContainerQuotaExceeded"
            => new(StorageFaultKind.Full, $"存储空间已满，无法写入：{path}", error),
        _ => null,
    };
}
