using DocGen.Core.Rendering;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>POST /api/reports, POST /api/reports/validate, GET /api/reports/{id}, …/docx, …/pdf.</summary>
public static class ReportsApi
{
    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.CreateReport, "POST", ApiPaths.Reports, Access.Key, Create, "校验并生成报告的.docx和PDF，存储后返回链接", "formats"),
        new(Operations.ListReports, "GET", ApiPaths.Reports, Access.Key, List, "列出某机关（可按年度）已生成的报告；编制单位只给年度时列出该年度全部机关的报告（分页）", "agency", "year", "limit", "continuation"),
        new(Operations.ValidateReport, "POST", ApiPaths.Validate, Access.Key, Validate, "只校验，返回发现的问题"),
        new(Operations.GetReport, "GET", ApiPaths.Report, Access.Key, Get, "报告的清单和链接"),
        new(Operations.GetReportDocx, "GET", ApiPaths.ReportDocx, Access.Key, http => File(http, ReportFileNames.Docx), "下载报告的.docx") { Head = true },
        new(Operations.GetReportPdf, "GET", ApiPaths.ReportPdf, Access.Key, http => File(http, ReportFileNames.Pdf), "下载报告的PDF") { Head = true },
    ];

    private static async Task<IResult> Create(HttpContext http)
    {
        var (generation, limits, clock, ct) = (http.Service<ReportGeneration>(), http.Service<Limits>(), http.Service<TimeProvider>(), http.RequestAborted);
        string? formats = http.Request.Query["formats"];
        // A Word document (or workbook) is imported first: the report JSON it gives is what is generated.
        var importable = RequestBody.IsJson(http.Request) ? null : ImportApi.ImportableType(http.Request, ImportApi.OfficeDocuments);
        if (!RequestBody.IsJson(http.Request) && importable is null) return RequestBody.WrongType(string.Join("、", ImportApi.OfficeDocuments.Prepend("application/json")));
        if (!TryFormats(formats, out var wanted)) return Problems.Of(400, ProblemCodes.InvalidFormat, $"formats参数“{formats}”无效，应为docx、pdf或docx,pdf");
        var (body, problem) = importable is null ? (await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, ct), null) : await ImportApi.ReportJsonAsync(http.Request, importable, ct);
        if (problem is not null) return problem;
        if (body is null) return RequestBody.TooLarge(limits.MaxBodyBytes);

        var outcome = await generation.GenerateAsync(body, http.Caller(), wanted, clock.GetUtcNow(), ct);
        RecordFacts(http, outcome);
        return outcome switch
        {
            Generation.Unreadable u => Problems.Unreadable(u.Findings),
            Generation.Forbidden f => Problems.Of(403, ProblemCodes.AgencyForbidden, $"此API密钥不能提交“{f.Agency}”的报告"),
            Generation.BadAgency b => Problems.Of(422, b.Code, b.Message),
            Generation.Invalid i => Problems.Of(422, ProblemCodes.ReportInvalid,
                $"报告有{i.Findings.Count(x => x.Severity == Core.Editions.Severity.Error)}个错误，未生成文档", i.Findings),
            Generation.Stored s => s.Created
                ? Results.Created($"/api/reports/{s.Manifest.ReportId}", Describe(s.Manifest, s.Warnings))
                : Results.Ok(Describe(s.Manifest, s.Warnings)),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The agency, report and pages of a generation, for the request's log line.</summary>
    private static void RecordFacts(HttpContext http, Generation outcome)
    {
        var facts = http.Facts();
        (facts.Agency, facts.ReportId, facts.Pages) = outcome switch
        {
            Generation.Stored s => (s.Manifest.Agency, s.Manifest.ReportId, s.Pages),
            Generation.Invalid i => (i.Report.Agency, null, null),
            Generation.Forbidden f => (f.Agency, null, null),
            _ => (facts.Agency, facts.ReportId, facts.Pages),
        };
    }

    private static async Task<IResult> Validate(HttpContext http)
    {
        var (limits, ct) = (http.Service<Limits>(), http.RequestAborted);
        if (!RequestBody.IsJson(http.Request)) return RequestBody.WrongType("application/json");
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, ct);
        if (body is null) return RequestBody.TooLarge(limits.MaxBodyBytes);
        var read = ReportJsonReader.Read(body);
        if (!read.Ok) return Problems.Unreadable(read.Errors);
        var findings = ReportValidator.Validate(read.Report!);
        return Results.Ok(new
        {
            valid = findings.All(f => f.Severity != Core.Editions.Severity.Error),
            errors = findings.Count(f => f.Severity == Core.Editions.Severity.Error),
            warnings = findings.Count(f => f.Severity != Core.Editions.Severity.Error),
            findings = FindingJson.ToJson(findings),
        });
    }

    /// <summary>
    /// GET /api/reports?agency=…[&amp;year=…]: an agency's key lists its own reports (agency may be omitted); the compiling
    /// office names the agency, or gives only the year for every agency's reports of that year. Paged by limit and continuation.
    /// </summary>
    private static async Task<IResult> List(HttpContext http)
    {
        var (caller, repository, ct) = (http.Caller(), http.Service<ReportRepository>(), http.RequestAborted);
        string? agency = http.Request.Query["agency"];
        if (ListQuery.Year(http.Request, out var year) is { } badYear) return badYear;
        if (ListQuery.Page(http.Request, out var paging) is { } badPage) return badPage;
        agency ??= caller.Agency;
        if (agency is null)
        {
            if (year is null) return Problems.Of(400, ProblemCodes.AgencyRequired, "请用agency参数指定机关名称，或用year参数列出该年度全部机关的报告");
            var all = await repository.ListYearAsync(year.Value, paging.Limit, paging.After, ct);
            return Results.Ok(ListAnswer(null, year, all));
        }
        string name;
        try { name = StorageNames.ValidateAgency(agency); }
        catch (InvalidStorageNameException e) { return Problems.Of(422, e.Code, e.Message); }
        if (!caller.May(name)) return Problems.Of(403, ProblemCodes.AgencyForbidden, $"此API密钥不能查看“{agency}”的报告");
        var page = ListQuery.Slice(await repository.ListReportsAsync(name, year, ct), paging);
        return page is null
            ? Problems.Of(400, ProblemCodes.InvalidContinuation, "continuation参数不属于这个列表：请使用上一页返回的continuation原样传回")
            : Results.Ok(ListAnswer(agency, year, page));
    }

    private static object ListAnswer(string? agency, int? year, ReportPage page) =>
        new { agency, year, reports = page.Reports.Select(m => Describe(m, null)), continuation = ListQuery.Token(page.Next) };

    private static async Task<IResult> Get(HttpContext http)
    {
        string id = http.Route("id");
        var manifest = await Find(id, http);
        return manifest is null ? Problems.NotFound($"报告{id}") : Results.Ok(Describe(manifest, null));
    }

    private static async Task<IResult> File(HttpContext http, string name)
    {
        string id = http.Route("id");
        var manifest = await Find(id, http);
        var file = manifest?.GetFile(name);
        if (file is null) return Problems.NotFound($"报告{id}的{name}");
        if (await LinkAsync(http, manifest!, file) is { } link) return link;
        var stream = await http.Service<ReportRepository>().OpenFileAsync(id, name, http.RequestAborted);
        if (stream is null) return Problems.NotFound($"报告{id}的{name}");
        return FileDownload.Stream(http, stream, file.ContentType, DownloadName(manifest!, Path.GetExtension(name)), file.Sha256, file.Size);
    }

    /// <summary>
    /// With download links on (<see cref="ServiceSettings.DownloadLinkMinutes"/>) and a store that signs them, a GET is
    /// answered with 307 to a short-lived read-only link, so the file does not pass through the service. HEAD and a
    /// matching If-None-Match are still answered here.
    /// </summary>
    private static async Task<IResult?> LinkAsync(HttpContext http, ReportManifest manifest, ManifestFile file)
    {
        if (LinkLifetime(http) is not { } lifetime || FileDownload.CallerHas(http, file.Sha256)) return null;
        var link = await http.Service<ReportRepository>().ReadLinkAsync(manifest, file.Name, http.Service<TimeProvider>().GetUtcNow(), lifetime,
            DownloadName(manifest, Path.GetExtension(file.Name)), http.RequestAborted);
        return link is null ? null : RedirectTo(http, link);
    }

    /// <summary>How long a download link of this request should live; null when downloads stream (links off, or not a GET).</summary>
    internal static TimeSpan? LinkLifetime(HttpContext http)
    {
        var lifetime = http.Service<Downloads>().LinkLifetime;
        return lifetime > TimeSpan.Zero && HttpMethods.IsGet(http.Request.Method) ? lifetime : null;
    }

    /// <summary>307 to a read link; never cached, since the link expires.</summary>
    internal static IResult RedirectTo(HttpContext http, Uri link)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(link.AbsoluteUri, permanent: false, preserveMethod: true);
    }

    /// <summary>What a browser saves a document as: 某县人民政府2024年政府信息公开工作年度报告.pdf.</summary>
    internal static string DownloadName(ReportManifest m, string extension) => Core.Model.Report.DefaultTitle(m.Agency, m.Year) + extension;

    /// <summary>The manifest of a complete report the caller may see; another agency's report is "not found".</summary>
    internal static async Task<ReportManifest?> Find(string id, HttpContext http)
    {
        if (!IsWellFormedId(id)) return null;
        var manifest = await http.Service<ReportRepository>().GetReportAsync(id, cancellationToken: http.RequestAborted);
        if (manifest is null || !http.Caller().May(manifest.Agency)) return null;
        http.Facts().Agency = manifest.Agency;
        return manifest;
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
