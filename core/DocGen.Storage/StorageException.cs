namespace DocGen.Storage;

/// <summary>The English error codes carried by <see cref="StorageException.Code"/>.</summary>
public static class StorageErrorCodes
{
    /// <summary>A create-only write found the blob already there.</summary>
    public const string BlobExists = "BLOB_EXISTS";
    /// <summary>An overwrite or delete of a write-once (archived) blob was refused.</summary>
    public const string ArchiveImmutable = "ARCHIVE_IMMUTABLE";
    /// <summary>A blob path is empty, has empty, dot or dot-dot segments, or forbidden characters.</summary>
    public const string InvalidPath = "INVALID_PATH";
    /// <summary>An agency name cannot be used in a storage path.</summary>
    public const string InvalidAgency = "INVALID_AGENCY";
    /// <summary>A report id is not 1–128 characters of ASCII letters, digits, '-' and '_'.</summary>
    public const string InvalidReportId = "INVALID_REPORT_ID";
    /// <summary>A year is outside 1900–9999.</summary>
    public const string InvalidYear = "INVALID_YEAR";
    /// <summary>A report file has an unexpected name, or required content is missing.</summary>
    public const string InvalidReportFile = "INVALID_REPORT_FILE";
    /// <summary>An uploaded signed file is empty or is not a PDF.</summary>
    public const string NotPdf = "NOT_PDF";
    /// <summary>No complete report with this id is stored.</summary>
    public const string ReportNotFound = "REPORT_NOT_FOUND";
    /// <summary>The report id is already stored for another agency/year or with another input.</summary>
    public const string ReportIdConflict = "REPORT_ID_CONFLICT";
    /// <summary>Stored bytes do not match the sizes/hashes recorded in the manifest.</summary>
    public const string IntegrityMismatch = "INTEGRITY_MISMATCH";
    /// <summary>The store has no space left (HTTP 507).</summary>
    public const string StorageFull = "STORAGE_FULL";
    /// <summary>The store is read-only or refuses writes (HTTP 503).</summary>
    public const string StorageReadOnly = "STORAGE_READ_ONLY";
    /// <summary>The store is busy or throttling (HTTP 503 with Retry-After).</summary>
    public const string StorageBusy = "STORAGE_BUSY";
    /// <summary>An uploaded signed PDF is malformed or carries active content.</summary>
    public const string PdfInvalid = "PDF_INVALID";
    /// <summary>An uploaded signed PDF carries JavaScript, a launch action, an embedded file or the like.</summary>
    public const string PdfActiveContent = "PDF_ACTIVE_CONTENT";
    /// <summary>A signature in an uploaded PDF does not verify over the bytes it names.</summary>
    public const string SignatureInvalid = "SIGNATURE_INVALID";
    /// <summary>The storage settings are missing or contradictory.</summary>
    public const string InvalidSettings = "INVALID_STORAGE_SETTINGS";
}

/// <summary>
/// Base of every error DocGen.Storage raises on purpose. <see cref="Exception.Message"/> is in
/// Chinese for the user; <see cref="Code"/> is a stable English code for programs (see
/// <see cref="StorageErrorCodes"/>).
/// </summary>
public class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Stable English error code, one of <see cref="StorageErrorCodes"/>.</summary>
    public string Code { get; }
}

/// <summary>A create-only write (<see cref="WriteMode.CreateOnly"/>) found the blob already there.</summary>
public sealed class BlobAlreadyExistsException : StorageException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public BlobAlreadyExistsException(string path, Exception? innerException = null)
        : base(StorageErrorCodes.BlobExists, $"存储对象已存在，不能重复创建：{path}", innerException) => Path = path;

    /// <summary>The blob path that already exists.</summary>
    public string Path { get; }
}

/// <summary>An overwrite or delete of a write-once blob (anything under <c>archive/</c>) was refused.</summary>
public sealed class BlobImmutableException : StorageException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public BlobImmutableException(string path, string operation)
        : base(StorageErrorCodes.ArchiveImmutable, $"归档文件只能写入一次，不允许{operation}：{path}") => Path = path;

    /// <summary>The protected blob path.</summary>
    public string Path { get; }
}

/// <summary>A name or path given by the caller cannot be used in storage.</summary>
public sealed class InvalidStorageNameException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public InvalidStorageNameException(string code, string message, string? value)
        : base(code, message) => Value = value;

    /// <summary>The rejected value, as given.</summary>
    public string? Value { get; }
}

/// <summary>Stored bytes of a report do not match its manifest.</summary>
public sealed class ReportIntegrityException : StorageException
{
    /// <summary>Creates the exception listing every problem found.</summary>
    public ReportIntegrityException(string reportId, IReadOnlyList<string> problems)
        : base(StorageErrorCodes.IntegrityMismatch,
            $"报告 {reportId} 的存储文件与清单不一致：" + string.Join("；", problems))
        => Problems = problems;

    /// <summary>One line per mismatching or missing file.</summary>
    public IReadOnlyList<string> Problems { get; }
}
