using DocGen.Core.Rendering;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>POST /api/reports, POST /api/reports/validate, GET /api/reports/{id}, …/docx, …/pdf.</summary>
public static class ReportsApi
{
    public static void Map(WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").RequireApiKey();
        reports.MapPost("/", Create).WithName("CreateReport").WithSummary("校验并生成报告的.docx和PDF，存储后返回链接");
        reports.MapGet("/", List).WithName("ListReports").WithSummary("列出某机关（可按年度）已生成的报告");
        reports.MapPost("/validate", Validate).WithName("ValidateReport").WithSummary("只校验，返回发现的问题");
        reports.MapGet("/{id}", Get).WithName("GetReport").WithSummary("报告的清单和链接");
        reports.MapGet("/{id}/docx", (string id, HttpContext http, ReportRepository repo, CancellationToken ct) =>
            File(id, ReportFileNames.Docx, http, repo, ct)).WithName("GetReportDocx");
        reports.MapGet("/{id}/pdf", (string id, HttpContext http, ReportRepository repo, CancellationToken ct) =>
            File(id, ReportFileNames.Pdf, http, repo, ct)).WithName("GetReportPdf");
    }

    private static async Task<IResult> Create(HttpContext http, ReportGeneration generation, Limits limits, TimeProvider clock, string? formats, CancellationToken ct)
    {
        // A Word document (or workbook) is imported first: the report JSON it gives is what is generated.
        var importable = RequestBody.IsJson(http.Request) ? null : ImportApi.ImportableType(http.Request, ImportApi.OfficeDocuments);
        if (!RequestBody.IsJson(http.Request) && importable is null) return RequestBody.WrongType(string.Join("、", ImportApi.OfficeDocuments.Prepend("application/json")));
        if (!TryFormats(formats, out var wanted)) return Problems.Of(400, "INVALID_FORMAT", $"formats参数“{formats}”无效，应为docx、pdf或docx,pdf");
        var (body, problem) = importable is null ? (await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, ct), null) : await ImportApi.ReportJsonAsync(http.Request, importable, ct);
        if (problem is not null) return problem;
        if (body is null) return RequestBody.TooLarge(limits.MaxBodyBytes);

        return await generation.GenerateAsync(body, http.Caller(), wanted, clock.GetUtcNow(), ct) switch
        {
            Generation.Unreadable u => Problems.Of(400, "INVALID_REPORT_JSON", "请求体不是有效的报告JSON", u.Findings),
            Generation.Forbidden f => Problems.Of(403, "AGENCY_FORBIDDEN", $"此API密钥不能提交“{f.Agency}”的报告"),
            Generation.Invalid i => Problems.Of(422, "REPORT_INVALID",
                $"报告有{i.Findings.Count(x => x.Severity == Core.Editions.Severity.Error)}个错误，未生成文档", i.Findings),
            Generation.Stored s => s.Created
                ? Results.Created($"/api/reports/{s.Manifest.ReportId}", Describe(s.Manifest, s.Warnings))
                : Results.Ok(Describe(s.Manifest, s.Warnings)),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> Validate(HttpContext http, Limits limits, CancellationToken ct)
    {
        if (!RequestBody.IsJson(http.Request)) return RequestBody.WrongType("application/json");
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, ct);
        if (body is null) return RequestBody.TooLarge(limits.MaxBodyBytes);
        var read = ReportJsonReader.Read(body);
        if (!read.Ok) return Problems.Of(400, "INVALID_REPORT_JSON", "请求体不是有效的报告JSON", read.Errors);
        var findings = ReportValidator.Validate(read.Report!);
        return Results.Ok(new
        {
            valid = findings.All(f => f.Severity != Core.Editions.Severity.Error),
            errors = findings.Count(f => f.Severity == Core.Editions.Severity.Error),
            warnings = findings.Count(f => f.Severity != Core.Editions.Severity.Error),
            findings = FindingJson.ToJson(findings),
        });
    }

    /// <summary>GET /api/reports?agency=…[&amp;year=…]: an agency's key lists its own reports (agency may be omitted); the compiling office names the agency.</summary>
    private static async Task<IResult> List(HttpContext http, ReportRepository repo, string? agency, int? year, CancellationToken ct)
    {
        var caller = http.Caller();
        agency ??= caller.Agency;
        if (agency is null) return Problems.Of(400, "AGENCY_REQUIRED", "请用agency参数指定机关名称");
        if (!caller.May(agency)) return Problems.Of(403, "AGENCY_FORBIDDEN", $"此API密钥不能查看“{agency}”的报告");
        var manifests = await repo.ListReportsAsync(StorageNames.ValidateAgency(agency), year, ct);
        return Results.Ok(new { agency, year, reports = manifests.Select(m => Describe(m, null)) });
    }

    private static async Task<IResult> Get(string id, HttpContext http, ReportRepository repo, CancellationToken ct)
    {
        var manifest = await Find(id, http, repo, ct);
        return manifest is null ? Problems.NotFound($"报告{id}") : Results.Ok(Describe(manifest, null));
    }

    private static async Task<IResult> File(string id, string name, HttpContext http, ReportRepository repo, CancellationToken ct)
    {
        var manifest = await Find(id, http, repo, ct);
        var file = manifest?.GetFile(name);
        if (file is null) return Problems.NotFound($"报告{id}的{name}");
        var stream = await repo.OpenFileAsync(id, name, ct);
        if (stream is null) return Problems.NotFound($"报告{id}的{name}");
        http.Response.Headers.ETag = $"\"{file.Sha256}\"";
        return Results.Stream(stream, file.ContentType, $"{manifest!.Agency}{manifest.Year}年报告{Path.GetExtension(name)}");
    }

    /// <summary>The manifest of a complete report the caller may see; another agency's report is "not found".</summary>
    internal static async Task<ReportManifest?> Find(string id, HttpContext http, ReportRepository repo, CancellationToken ct)
    {
        if (!IsWellFormedId(id)) return null;
        var manifest = await repo.GetReportAsync(id, cancellationToken: ct);
        return manifest is not null && http.Caller().May(manifest.Agency) ? manifest : null;
    }

    private static bool IsWellFormedId(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static object Describe(ReportManifest m, IReadOnlyList<Finding>? warnings) => new
    {
        id = m.ReportId,
        agency = m.Agency,
        year = m.Year,
        template = m.TemplateId,
        docgenVersion = m.DocGenVersion,
        createdAt = m.CreatedAt,
        files = m.Files.Select(f => new { name = f.Name, sha256 = f.Sha256, size = f.Size, contentType = f.ContentType }),
        links = new
        {
            self = $"/api/reports/{m.ReportId}",
            docx = m.GetFile(ReportFileNames.Docx) is null ? null : $"/api/reports/{m.ReportId}/docx",
            pdf = m.GetFile(ReportFileNames.Pdf) is null ? null : $"/api/reports/{m.ReportId}/pdf",
            signed = $"/api/reports/{m.ReportId}/signed",
        },
        warnings = warnings is null ? null : FindingJson.ToJson(warnings),
    };

    private static bool TryFormats(string? list, out OutputFormats formats)
    {
        formats = OutputFormats.Both;
        return list is null || OutputFormatList.TryParse(list, out formats);
    }
}
