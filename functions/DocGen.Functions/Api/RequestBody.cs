using Microsoft.Net.Http.Headers;

namespace DocGen.Functions.Api;

/// <summary>Reads a request body within a limit and checks its content type, answering 413 and 415 clearly.</summary>
public static class RequestBody
{
    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    public static bool IsPdf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase);

    public static IResult WrongType(string expected) =>
        Problems.Of(415, ProblemCodes.UnsupportedMediaType, $"不支持的内容类型：请求体应为{expected}");

    public static IResult TooLarge(long limit) =>
        Problems.Of(413, ProblemCodes.BodyTooLarge, $"请求体超过上限{limit}字节");

    /// <summary>The body, or null when it exceeds <paramref name="limit"/> (checked on Content-Length and while reading).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > limit) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
