using DocGen.Core;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>
/// Errors as application/problem+json: a Chinese title, a stable English code, and for report faults the
/// findings with their JSON pointers.
/// </summary>
public static class Problems
{
    public static IResult Of(int status, string code, string message, IEnumerable<Finding>? findings = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (findings is not null) extensions["findings"] = FindingJson.ToJson(findings);
        return Results.Problem(statusCode: status, title: message, type: $"urn:docgen:problem:{code}", extensions: extensions);
    }

    /// <summary>A body the reader refused: 413 when it is above <see cref="ReportLimits"/>, else 400; the findings name the place.</summary>
    public static IResult Unreadable(IReadOnlyList<Finding> findings) =>
        findings.Any(f => ReportLimits.IsTooLarge(f.Code))
            ? Of(413, ReportLimits.TooLargeCode, "报告超出篇幅上限，未处理", findings)
            : Of(400, ProblemCodes.InvalidReportJson, "请求体不是有效的报告JSON", findings);

    /// <summary>429: the key is over its rate limit.</summary>
    public static IResult RateLimited(TimeSpan wait) =>
        new RetryAfter(Of(429, ProblemCodes.RateLimited, $"请求过于频繁，请{Seconds(wait)}秒后重试"), wait);

    public static IResult MissingKey() => Of(401, ProblemCodes.ApiKeyMissing, $"缺少API密钥：请在请求头{ApiKeys.Header}中提供");
    public static IResult UnknownKey() => Of(401, ProblemCodes.ApiKeyInvalid, "API密钥无效");
    public static IResult NotFound(string what) => Of(404, ProblemCodes.NotFound, $"找不到{what}");

    internal static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static IResult ForStatus(int status) => status switch
    {
        400 => Of(400, "BAD_REQUEST", "请求无效（路径、请求头或请求体格式不正确）"),
        404 => NotFound("请求的资源"),
        405 => Of(405, ProblemCodes.MethodNotAllowed, "不支持该请求方法"),
        413 => Of(413, ProblemCodes.BodyTooLarge, "请求体过大"),
        _ => Of(status, "HTTP_" + status, "请求失败"),
    };

    /// <summary>Answers a failed request in either front end: the problem document, with Retry-After where waiting helps.</summary>
    public static Task WriteAsync(HttpContext http, Exception? error) => FromException(error).ExecuteAsync(http);

    /// <summary>The answer to an exception, with Retry-After where waiting helps.</summary>
    public static IResult FromException(Exception? error) => error switch
    {
        StorageUnavailableException { RetryAfter: { } wait } e => new RetryAfter(Problem(e), wait),
        RenderUnavailableException e => new RetryAfter(Of(503, e.Code, e.Message), e.RetryAfter),
        _ => Problem(error),
    };

    private static IResult Problem(Exception? error) => error switch
    {
        StorageUnavailableException e => Of(e.Kind == StorageFaultKind.Full ? 507 : 503, e.Code,
            e.Kind == StorageFaultKind.Full ? "存储空间已满，报告未保存，请联系管理员" : "存储暂时不可用，报告未保存，请稍后重试"),
        StorageException e when SignedPdfInspector.IsRefusal(e.Code) => Of(422, e.Code, e.Message),
        InvalidStorageNameException e => Of(422, e.Code, e.Message),
        BlobImmutableException e => Of(409, e.Code, e.Message),
        StorageException { Code: StorageErrorCodes.ReportIdConflict } e => Of(409, e.Code, e.Message),
        DocGenException e => Of(422, e.Code, e.Message),
        BadHttpRequestException { StatusCode: 413 } => Of(413, ProblemCodes.BodyTooLarge, "请求体过大"),
        BadHttpRequestException e => Of(400, ProblemCodes.BadRequest, "请求无效：" + e.Message),
        _ => Of(500, ProblemCodes.InternalError, "服务内部错误，请稍后重试"),
    };
}


/// <summary>A problem with a Retry-After header (whole seconds, at least 1).</summary>
internal sealed class RetryAfter(IResult problem, TimeSpan wait) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => (problem as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = Problems.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem.ExecuteAsync(http);
    }
}
