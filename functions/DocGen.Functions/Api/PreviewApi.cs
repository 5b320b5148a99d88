using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>POST /api/reports/preview: the PDF of a report, rendered and returned, nothing stored.</summary>
public static class PreviewApi
{
    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.PreviewReport, "POST", ApiPaths.Preview, Access.Key, Preview, "生成PDF预览，不存储任何内容"),
    ];

    private static async Task<IResult> Preview(HttpContext http)
    {
        var (gate, limits, ct) = (http.Service<RenderGate>(), http.Service<Limits>(), http.RequestAborted);
        if (!RequestBody.IsJson(http.Request)) return RequestBody.WrongType("application/json");
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, ct);
        if (body is null) return RequestBody.TooLarge(limits.MaxBodyBytes);
        var read = ReportJsonReader.Read(body);
        if (!read.Ok) return Problems.Of(400, "INVALID_REPORT_JSON", "请求体不是有效的报告JSON", read.Errors);
        var report = read.Report!;
        string agency = StorageNames.ValidateAgency(report.Agency);
        http.Facts().Agency = agency;
        if (!http.Caller().May(agency)) return Problems.Of(403, "AGENCY_FORBIDDEN", $"此API密钥不能预览“{agency}”的报告");
        var findings = ReportValidator.Validate(report);
        int errors = findings.Count(f => f.Severity == Severity.Error);
        if (errors > 0) return Problems.Of(422, "REPORT_INVALID", $"报告有{errors}个错误，未生成预览", findings);

        var docs = await gate.RenderAsync(report, OutputFormats.Pdf, "preview", null, ct);
        http.Facts().Pages = docs.PdfResult?.Pages.Count;
        return Results.File(docs.Pdf!, "application/pdf");
    }
}
