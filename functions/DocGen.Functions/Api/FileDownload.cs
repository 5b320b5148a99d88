using Microsoft.Net.Http.Headers;

namespace DocGen.Functions.Api;

/// <summary>
/// How a stored file is answered, for the report's documents and its signed versions alike: its download name, its
/// length and its SHA-256 as the entity tag. ASP.NET Core's stream result then answers a matching If-None-Match with
/// 304 and no body, and HEAD with the headers alone.
/// </summary>
internal static class FileDownload
{
    private static string Tag(string sha256) => $"\"{sha256}\"";

    /// <summary>If-None-Match names this file (or *): the caller has it, so it gets 304 from here, never a download link.</summary>
    public static bool CallerHas(HttpContext http, string sha256)
    {
        string tag = Tag(sha256);
        return http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == tag)));
    }

    /// <summary>The file's answer. The length comes from what the store recorded: a blob stream need not know it, and HEAD should say it.</summary>
    public static IResult Stream(HttpContext http, Stream content, string contentType, string downloadName, string sha256, long size)
    {
        http.Response.ContentLength = size;
        return Results.Stream(content, contentType, downloadName, entityTag: new EntityTagHeaderValue(Tag(sha256)));
    }
}
