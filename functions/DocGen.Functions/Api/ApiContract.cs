using DocGen.Core.Aggregation;
using DocGen.Core.Import;
using DocGen.Core.Json;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>What an operation takes in its body.</summary>
public enum BodyKind { None, Report, ReportOrOffice, Pdf, Document, Compilation }

/// <summary>What a successful answer carries: a JSON body of a named schema, a file, or (no content type) a redirect to the file.</summary>
public sealed record Success(int Status, string ContentType, string? Schema = null, string Description = "成功");

/// <summary>A problem an operation can answer with, and the codes it can carry.</summary>
public sealed record Failure(int Status, params string[] Codes);

/// <summary>The published contract of one operation, for the OpenAPI document.</summary>
public sealed record OperationContract(string SummaryEnglish, BodyKind Body, IReadOnlyList<Success> Answers, IReadOnlyList<Failure> Failures);

/// <summary>
/// The contract of every operation in <see cref="ApiRoutes.All"/> (a test holds them in step): bodies,
/// answers and the problem codes of each status, as the handlers produce them.
/// </summary>
public static class ApiContracts
{
    public const string Json = "application/json";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A request refused before its handler: a query parameter given twice.</summary>
    private static readonly string[] Repeated = [ProblemCodes.RepeatedParameter];
    /// <summary>What a write can meet in storage: full (507), read-only or throttled (503, with Retry-After).</summary>
    private static readonly Failure StoreFull = new(507, StorageErrorCodes.StorageFull);
    private static readonly Failure StoreUnavailable = new(503, StorageErrorCodes.StorageReadOnly, StorageErrorCodes.StorageBusy);

    /// <summary>A render refused for now: every slot busy and the queue full, or the deadline passed (Retry-After).</summary>
    private static readonly Failure RenderUnavailable = new(503, ProblemCodes.RenderBusy, ProblemCodes.RenderDeadlineExceeded);

    /// <summary>A download answered with a link to the blob, when download links are on (Azure).</summary>
    private static readonly Success Redirect = new(307, "", Description: "重定向到文件的短时只读链接（启用下载链接时）");

    private static readonly Failure NoKey = new(401, ProblemCodes.ApiKeyMissing, ProblemCodes.ApiKeyInvalid);
    private static readonly Failure TooMany = new(429, ProblemCodes.RateLimited);
    private static readonly Failure Missing = new(404, ProblemCodes.NotFound);
    private static readonly Failure Internal = new(500, ProblemCodes.InternalError);

    private static OperationContract Keyed(string english, BodyKind body, Success[] answers, params Failure[] failures) =>
        new(english, body, answers, [NoKey, .. failures, TooMany, Internal]);

    public static IReadOnlyDictionary<string, OperationContract> All { get; } = new Dictionary<string, OperationContract>
    {
        [Operations.CreateReport] = Keyed("Validate a report (JSON, or a Word document or workbook imported first), generate its .docx and PDF, store them and return the links", BodyKind.ReportOrOffice,
            [new(201, Json, ApiSchemas.ReportDescription, "已生成并存储"), new(200, Json, ApiSchemas.ReportDescription, "同一输入此前已生成")],
            new(400, [ProblemCodes.InvalidReportJson, ProblemCodes.InvalidFormat, ProblemCodes.BadRequest, .. Repeated]),
            new(403, ProblemCodes.AgencyForbidden),
            new(409, StorageErrorCodes.ReportIdConflict),
            new(413, ProblemCodes.BodyTooLarge, ReportLimits.TooLargeCode),
            new(415, ProblemCodes.UnsupportedMediaType),
            new(422, ProblemCodes.ReportInvalid, StorageErrorCodes.InvalidAgency, StorageErrorCodes.InvalidYear),
            StoreFull, new(503, [.. StoreUnavailable.Codes, .. RenderUnavailable.Codes])),
        [Operations.ListReports] = Keyed("List the stored reports of an agency, optionally of one year; the compiling office gives only the year for every agency's reports of it (paged: limit, continuation)", BodyKind.None,
            [new(200, Json, ApiSchemas.ReportList)],
            new(400, [ProblemCodes.AgencyRequired, ProblemCodes.InvalidYear, ProblemCodes.InvalidLimit, ProblemCodes.InvalidContinuation, .. Repeated]),
            new(403, ProblemCodes.AgencyForbidden),
            new(422, StorageErrorCodes.InvalidAgency, StorageErrorCodes.InvalidYear)),
        [Operations.ListMissingAgencies] = Keyed("Compiling office: which of the expected agencies (from the request or the configuration) have not submitted a report of the year", BodyKind.None,
            [new(200, Json, ApiSchemas.MissingAgencies)],
            new(400, [ProblemCodes.YearRequired, ProblemCodes.InvalidYear, ProblemCodes.ExpectedAgenciesRequired, .. Repeated]),
            new(403, ProblemCodes.CompilingOfficeOnly),
            new(422, StorageErrorCodes.InvalidAgency, StorageErrorCodes.InvalidYear)),
        [Operations.SumReports] = Keyed("Compiling office: the city report whose tables are the cell-by-cell sums of the newest stored report of each agency of the year, with its findings", BodyKind.Compilation,
            [new(200, Json, ApiSchemas.CompilationResult)],
            new(400, [ProblemCodes.InvalidCompilationRequest, .. Repeated]),
            new(403, ProblemCodes.CompilingOfficeOnly),
            new(413, ProblemCodes.BodyTooLarge),
            new(415, ProblemCodes.UnsupportedMediaType),
            new(422, ReportAggregator.EmptyCode, ReportAggregator.EditionMixedCode, ReportAggregator.NoTablesCode, StorageErrorCodes.InvalidAgency, StorageErrorCodes.InvalidYear)),
        [Operations.ValidateReport] = Keyed("Check a report without storing anything", BodyKind.Report,
            [new(200, Json, ApiSchemas.ValidationResult)],
            new(400, [ProblemCodes.InvalidReportJson, ProblemCodes.BadRequest, .. Repeated]),
            new(413, ProblemCodes.BodyTooLarge, ReportLimits.TooLargeCode),
            new(415, ProblemCodes.UnsupportedMediaType)),
        [Operations.ImportReport] = Keyed("Read a report from text, a saved web page, a Word document or a workbook into report JSON; nothing is stored", BodyKind.Document,
            [new(200, Json, ApiSchemas.ImportResult)],
            new(400, [ProblemCodes.NothingImported, ProblemCodes.BadRequest, .. ImportRefusals.All, .. Repeated]),
            new(413, ProblemCodes.BodyTooLarge),
            new(415, ProblemCodes.UnsupportedMediaType)),
        [Operations.PreviewReport] = Keyed("Render the PDF of a report without storing anything", BodyKind.Report,
            [new(200, Pdf, Description: "报告的PDF预览")],
            new(400, [ProblemCodes.InvalidReportJson, ProblemCodes.BadRequest, .. Repeated]),
            new(403, ProblemCodes.AgencyForbidden),
            new(413, ProblemCodes.BodyTooLarge, ReportLimits.TooLargeCode),
            new(415, ProblemCodes.UnsupportedMediaType),
            new(422, ProblemCodes.ReportInvalid, StorageErrorCodes.InvalidAgency),
            RenderUnavailable),
        [Operations.GetReport] = Keyed("The manifest and links of a report", BodyKind.None,
            [new(200, Json, ApiSchemas.ReportDescription)], Missing),
        [Operations.GetReportDocx] = Keyed("Download the report's .docx", BodyKind.None,
            [new(200, Docx, Description: "报告的Word文档"), Redirect], Missing),
        [Operations.GetReportPdf] = Keyed("Download the report's PDF", BodyKind.None,
            [new(200, Pdf, Description: "报告的PDF"), Redirect], Missing),
        [Operations.UploadSigned] = Keyed("Archive the signed PDF as the next version (never replaced or deleted)", BodyKind.Pdf,
            [new(201, Json, ApiSchemas.SignedVersion, "已归档")],
            Missing,
            new(409, StorageErrorCodes.ArchiveImmutable, StorageErrorCodes.BlobExists),
            new(413, ProblemCodes.BodyTooLarge),
            new(415, ProblemCodes.UnsupportedMediaType),
            new(422, StorageErrorCodes.NotPdf, StorageErrorCodes.PdfInvalid, StorageErrorCodes.PdfActiveContent, StorageErrorCodes.SignatureInvalid),
            StoreFull, StoreUnavailable),
        [Operations.ListSigned] = Keyed("List the archived signed versions", BodyKind.None,
            [new(200, Json, ApiSchemas.SignedVersionList)], Missing),
        [Operations.GetSigned] = Keyed("Download one signed version", BodyKind.None,
            [new(200, Pdf, Description: "签章后的PDF"), Redirect], Missing),
        [Operations.ListEditions] = new("The editions of the mandated format", BodyKind.None,
            [new(200, Json, Description: "版本列表")], [Internal]),
        [Operations.GetEdition] = new("One edition: sections, tables (rows, columns, merged cells) and rules with the validator's wording", BodyKind.None,
            [new(200, Json, Description: "版本定义")], [Missing, Internal]),
        [Operations.GetWorkbookTemplate] = new("The empty workbook of an edition, for departments to fill in", BodyKind.None,
            [new(200, Xlsx, Description: "空白填报工作簿")], [Missing, Internal]),
        [Operations.Health] = new("Service status: storage writable, fonts found, templates loaded", BodyKind.None,
            [new(200, Json, ApiSchemas.Health, "全部检查通过"), new(503, Json, ApiSchemas.Health, "有检查未通过（见checks）")], [Internal]),
        [Operations.Schema] = new("The JSON Schema of report JSON", BodyKind.None, [new(200, "application/schema+json", Description: "JSON Schema")], [Internal]),
        [Operations.OpenApi] = new("This OpenAPI document", BodyKind.None, [new(200, Json, Description: "OpenAPI 3.1")], [Internal]),
    };
}
