using System.Buffers.Text;
using System.Globalization;
using System.Text;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>A page of a list: at most <see cref="Limit"/> reports, starting just after <see cref="After"/>.</summary>
public sealed record Paging(int Limit, ReportKey? After);

/// <summary>The query parameters the lists share: <c>year</c>, <c>limit</c> and <c>continuation</c>, each refused clearly.</summary>
public static class ListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The optional <c>year</c>; a problem when it is not a year.</summary>
    public static IResult? Year(HttpRequest request, out int? year)
    {
        year = null;
        string? text = request.Query["year"];
        if (string.IsNullOrEmpty(text)) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int y))
            return Problems.Of(400, ProblemCodes.InvalidYear, $"year参数“{text}”无效，应为年份数字");
        year = y;
        return null;
    }

    /// <summary><c>limit</c> (1–1000, default 100) and <c>continuation</c> (the previous page's token); a problem when either is not one.</summary>
    public static IResult? Page(HttpRequest request, out Paging paging)
    {
        paging = new Paging(DefaultLimit, null);
        string? limitText = request.Query["limit"];
        int limit = DefaultLimit;
        if (!string.IsNullOrEmpty(limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return Problems.Of(400, ProblemCodes.InvalidLimit, $"limit参数“{limitText}”无效，应为1到{MaxLimit}之间的整数");
        string? token = request.Query["continuation"];
        ReportKey? after = null;
        if (!string.IsNullOrEmpty(token) && (after = Decode(token)) is null)
            return Problems.Of(400, ProblemCodes.InvalidContinuation, "continuation参数无效：请使用上一页返回的continuation原样传回");
        paging = new Paging(limit, after);
        return null;
    }

    /// <summary>The token of the next page (opaque to callers: base64url of the agency and id), or null on the last page.</summary>
    public static string? Token(ReportKey? next) =>
        next is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(next.Agency + "\n" + next.ReportId));

    private static ReportKey? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            int newline = text.IndexOf('\n');
            return newline > 0 && newline < text.Length - 1 ? new ReportKey(text[..newline], text[(newline + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A page of a list held whole in memory (one agency's reports): the items after <see cref="Paging.After"/>'s report; null when that report is not in the list.</summary>
    public static ReportPage? Slice(IReadOnlyList<ReportManifest> ordered, Paging paging)
    {
        int start = 0;
        if (paging.After is { } after)
        {
            int at = ordered.ToList().FindIndex(m => m.ReportId == after.ReportId && m.Agency == after.Agency);
            if (at < 0) return null;
            start = at + 1;
        }
        var page = ordered.Skip(start).Take(paging.Limit).ToList();
        bool more = start + page.Count < ordered.Count;
        return new ReportPage(page, more ? new ReportKey(page[^1].Agency, page[^1].ReportId) : null);
    }
}
