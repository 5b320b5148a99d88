using DocGen.Core;
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

    public static IResult MissingKey() => Of(401, ProblemCodes.ApiKeyMissing, $"缺少API密钥：请在请求头{ApiKeys.Header}中提供");
    public static IResult UnknownKey() => Of(401, ProblemCodes.ApiKeyInvalid, "API密钥无效");
    public static IResult NotFound(string what) => Of(404, ProblemCodes.NotFound, $"找不到{what}");

    public static IResult ForStatus(int status) => status switch
    {
        404 => NotFound("请求的资源"),
        405 => Of(405, ProblemCodes.MethodNotAllowed, "不支持该请求方法"),
        413 => Of(413, ProblemCodes.BodyTooLarge, "请求体过大"),
        _ => Of(status, "HTTP_" + status, "请求失败"),
    };

    public static IResult FromException(Exception? error) => error switch
    {
        InvalidStorageNameException e => Of(422, e.Code, e.Message),
        BlobImmutableException e => Of(409, e.Code, e.Message),
        StorageException { Code: StorageErrorCodes.ReportIdConflict } e => Of(409, e.Code, e.Message),
        DocGenException e => Of(422, e.Code, e.Message),
        BadHttpRequestException { StatusCode: 413 } => Of(413, ProblemCodes.BodyTooLarge, "请求体过大"),
        BadHttpRequestException e => Of(400, ProblemCodes.BadRequest, "请求无效：" + e.Message),
        _ => Of(500, ProblemCodes.InternalError, "服务内部错误，请稍后重试"),
    };
}

