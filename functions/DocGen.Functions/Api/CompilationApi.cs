using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Core;
using DocGen.Core.Aggregation;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>
/// The compiling office's views of a year (the all-agency key only): which expected agencies have not submitted,
/// and the city report compiled from the stored reports. Its list of a year is <c>GET /api/reports?year=</c>.
/// </summary>
public static class CompilationApi
{
    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.ListMissingAgencies, "GET", ApiPaths.Missing, Access.Key, Missing,
            "编制单位：应报送的机关中哪些尚未提交该年度的报告", "year", "expected"),
        new(Operations.SumReports, "POST", ApiPaths.Sum, Access.Key, Sum, "编制单位：把该年度已存储的各机关报告的表格逐格相加，生成汇总报告JSON和校验结果"),
    ];

    private static IResult OfficeOnly(string what) =>
        Problems.Of(403, ProblemCodes.CompilingOfficeOnly, $"只有编制单位（汇总）的API密钥可以{what}");

    /// <summary>GET /api/reports/missing?year=…[&amp;expected=甲,乙]: the expected list from the request, else from configuration.</summary>
    private static async Task<IResult> Missing(HttpContext http)
    {
        if (!http.Caller().IsAdmin) return OfficeOnly("查看各机关的报送情况");
        if (ListQuery.Year(http.Request, out var year) is { } bad) return bad;
        if (year is null) return Problems.Of(400, ProblemCodes.YearRequired, "请用year参数指定年度");
        string? listed = http.Request.Query["expected"];
        if (string.IsNullOrWhiteSpace(listed)) listed = http.Service<IConfiguration>()[ServiceSettings.ExpectedAgencies];
        if (string.IsNullOrWhiteSpace(listed))
            return Problems.Of(400, ProblemCodes.ExpectedAgenciesRequired,
                $"请用expected参数列出应报送的机关（以逗号分隔），或在配置{ServiceSettings.ExpectedAgencies}中列出");
        var (expected, invalid) = AgencyNames(listed.Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (invalid is not null) return invalid;

        var submitted = (await http.Service<ReportRepository>().ListAgenciesAsync(year.Value, http.RequestAborted)).ToHashSet(StringComparer.Ordinal);
        return Results.Ok(new
        {
            year,
            expected,
            submitted = expected.Where(submitted.Contains),
            missing = expected.Where(a => !submitted.Contains(a)),
            unexpected = submitted.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal),
        });
    }

    /// <summary>POST /api/reports/sum: the newest stored report of each agency of the year (or of the agencies named) is added up.</summary>
    private static async Task<IResult> Sum(HttpContext http)
    {
        if (!http.Caller().IsAdmin) return OfficeOnly("汇总各机关的报告");
        var (repository, ct) = (http.Service<ReportRepository>(), http.RequestAborted);
        if (!RequestBody.IsJson(http.Request)) return RequestBody.WrongType("application/json");
        var body = await RequestBody.ReadAsync(http.Request, http.Service<Limits>().MaxBodyBytes, ct);
        if (body is null) return RequestBody.TooLarge(http.Service<Limits>().MaxBodyBytes);
        var (request, refused) = ReadRequest(body);
        if (refused is not null) return refused;

        var agencies = request!.Agencies ?? await repository.ListAgenciesAsync(request.Year, ct);
        var parts = new List<(ReportManifest Manifest, Report Report)>();
        var missing = new List<string>();
        var unreadable = new List<Finding>();
        foreach (var agency in agencies)
        {
            // The newest report of the year that can be read (the list is newest first). A folder that is not an
            // agency DocGen could have written, or a report that cannot be read back, is named in a warning and passed
            // over: one bad entry in the store must not stop the city's report.
            var (part, problem) = await NewestReadableAsync(repository, agency, request.Year, ct);
            if (problem is not null) unreadable.Add(problem);
            if (part is { } p) parts.Add(p);
            else if (problem is null) missing.Add(agency);
        }
        if (parts.Count == 0)
            return Problems.Of(422, ReportAggregator.EmptyCode, $"{request.Year}年度没有可汇总的报告" + (missing.Count > 0 ? $"（未提交：{string.Join("、", missing)}）" : ""));

        Compilation compiled;
        try { compiled = ReportAggregator.Compile(parts.Select(p => p.Report).ToList(), request.Agency, request.Year); }
        catch (DocGenException e) { return Problems.Of(422, e.Code, e.Message); }
        var findings = unreadable.Concat(compiled.Findings).Concat(ReportValidator.Validate(compiled.Report)).ToList();
        return Results.Ok(new
        {
            agency = request.Agency,
            year = request.Year,
            report = JsonNode.Parse(ReportJsonWriter.Write(compiled.Report)),
            valid = findings.All(f => f.Severity != Severity.Error),
            errors = findings.Count(f => f.Severity == Severity.Error),
            warnings = findings.Count(f => f.Severity != Severity.Error),
            findings = FindingJson.ToJson(findings),
            parts = parts.Select(p => new { agency = p.Manifest.Agency, id = p.Manifest.ReportId }),
            missing,
        });
    }

    public const string PartUnreadableCode = "AGGREGATE_PART_UNREADABLE";

    private static async Task<((ReportManifest, Report)? Part, Finding? Problem)> NewestReadableAsync(ReportRepository repository, string agency, int year, CancellationToken ct)
    {
        IReadOnlyList<ReportManifest> reports;
        try { reports = await repository.ListReportsAsync(agency, year, ct); }
        catch (InvalidStorageNameException e)
        {
            return (null, Finding.Warning(PartUnreadableCode, "", $"存储中的“{agency}”不是有效的机关名称（{e.Message}），未参与汇总"));
        }
        Finding? problem = null;
        foreach (var manifest in reports)
        {
            await using var input = await repository.OpenFileAsync(manifest.ReportId, ReportFileNames.Input, ct);
            if (input is null)
            {
                problem ??= Finding.Warning(PartUnreadableCode, "", $"{agency}的报告{manifest.ReportId}缺少{ReportFileNames.Input}，改用其较早的报告");
                continue;
            }
            using var copy = new MemoryStream();
            await input.CopyToAsync(copy, ct);
            var read = ReportJsonReader.Read(copy.ToArray());
            if (read.Ok) return ((manifest, read.Report!), problem);
            problem ??= Finding.Warning(PartUnreadableCode, "", $"{agency}的报告{manifest.ReportId}无法读回（{read.Errors[0].Message}），改用其较早的报告");
        }
        return (null, problem);
    }

    private sealed record SumRequest(string Agency, int Year, IReadOnlyList<string>? Agencies);

    /// <summary>The body <c>{agency, year, agencies?}</c>; each fault named with its place.</summary>
    private static (SumRequest? Request, IResult? Refused) ReadRequest(byte[] body)
    {
        static IResult Bad(string message) => Problems.Of(400, ProblemCodes.InvalidCompilationRequest, message);
        JsonObject? json;
        try { json = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException e) { return (null, Bad($"请求体不是有效的JSON（第{e.LineNumber + 1}行）")); }
        if (json is null) return (null, Bad("请求体应为JSON对象：{\"agency\": 汇总机关名称, \"year\": 年度, \"agencies\": [可选：参与汇总的机关]}"));
        if (json.Select(p => p.Key).FirstOrDefault(k => k is not ("agency" or "year" or "agencies")) is { } unknown)
            return (null, Bad($"/{unknown}：未知的字段，只能有agency、year和agencies"));
        if (json["agency"] is not JsonValue a || !a.TryGetValue(out string? agency) || string.IsNullOrWhiteSpace(agency))
            return (null, Bad("/agency：请给出汇总报告的机关名称（字符串）"));
        if (json["year"] is not JsonValue y || !y.TryGetValue(out int year)) return (null, Bad("/year：请给出年度（整数）"));
        try
        {
            agency = StorageNames.ValidateAgency(agency);
            StorageNames.ValidateYear(year);
        }
        catch (InvalidStorageNameException e) { return (null, Problems.Of(422, e.Code, e.Message)); }
        IReadOnlyList<string>? agencies = null;
        if (json["agencies"] is { } list)
        {
            if (list is not JsonArray array || array.Any(n => n is not JsonValue v || !v.TryGetValue(out string? _)))
                return (null, Bad("/agencies：应为机关名称（字符串）的数组"));
            var (names, invalid) = AgencyNames(array.Select(n => n!.GetValue<string>()));
            if (invalid is not null) return (null, invalid);
            if (names.Count == 0) return (null, Bad("/agencies：至少列出一个机关"));
            agencies = names;
        }
        return (new SumRequest(agency, year, agencies), null);
    }

    /// <summary>Names as storage keeps them (NFKC), once each, in the order given; a name storage refuses is a 422 naming it.</summary>
    private static (List<string> Names, IResult? Invalid) AgencyNames(IEnumerable<string> given)
    {
        var names = new List<string>();
        foreach (var name in given)
        {
            string folded;
            try { folded = StorageNames.ValidateAgency(name); }
            catch (InvalidStorageNameException e) { return (names, Problems.Of(422, e.Code, $"机关名称“{name}”无效：{e.Message}")); }
            if (!names.Contains(folded, StringComparer.Ordinal)) names.Add(folded);
        }
        return (names, null);
    }
}
