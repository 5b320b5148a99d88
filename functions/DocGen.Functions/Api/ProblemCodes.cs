namespace DocGen.Functions.Api;

/// <summary>The English codes of the service's problems (storage faults carry <see cref="DocGen.Storage.StorageErrorCodes"/>).</summary>
public static class ProblemCodes
{
    public const string ApiKeyMissing = "API_KEY_MISSING";
    public const string ApiKeyInvalid = "API_KEY_INVALID";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidReportJson = "INVALID_REPORT_JSON";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string InvalidYear = "INVALID_YEAR";
    public const string AgencyRequired = "AGENCY_REQUIRED";
    public const string AgencyForbidden = "AGENCY_FORBIDDEN";
    public const string ReportInvalid = "REPORT_INVALID";
    public const string InternalError = "INTERNAL_ERROR";
    public const string RepeatedParameter = "REPEATED_PARAMETER";
    public const string NothingImported = "NOTHING_IMPORTED";
    /// <summary>Receipts of the blob trigger only.</summary>
    public const string BlobEmpty = "BLOB_EMPTY";
    public const string BlobNotUtf8 = "BLOB_NOT_UTF8";
    public const string GenerationFailed = "GENERATION_FAILED";
    /// <summary>The compiling office's operations and lists.</summary>
    public const string InvalidLimit = "INVALID_LIMIT";
    public const string InvalidContinuation = "INVALID_CONTINUATION";
    public const string YearRequired = "YEAR_REQUIRED";
    public const string CompilingOfficeOnly = "COMPILING_OFFICE_ONLY";
    public const string ExpectedAgenciesRequired = "EXPECTED_AGENCIES_REQUIRED";
    public const string InvalidCompilationRequest = "INVALID_COMPILATION_REQUEST";
    /// <summary>429: this key sent more requests than the per-key rate limit allows.</summary>
    public const string RateLimited = "RATE_LIMITED";
    /// <summary>503: every render slot of this instance is busy and the queue is full.</summary>
    public const string RenderBusy = "RENDER_BUSY";
    /// <summary>503: the render did not finish before the deadline and was stopped.</summary>
    public const string RenderDeadlineExceeded = "RENDER_DEADLINE_EXCEEDED";
}
