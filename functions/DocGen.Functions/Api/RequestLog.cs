using System.Diagnostics;

namespace DocGen.Functions.Api;

/// <summary>What a handler learnt about its request that the log line should carry (the agency, report and pages).</summary>
public sealed class RequestFacts
{
    public string? Agency { get; set; }
    public string? ReportId { get; set; }
    public int? Pages { get; set; }
}

/// <summary>
/// One structured log line per API request, in both front ends (<see cref="ApiRoutes.RunAsync"/> writes it):
/// route, agency, report id, pages, status, outcome and duration as fields, never baked into the text. The same
/// facts go on the request's trace span.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "DocGen.Requests";

    /// <summary>The facts of this request, for a handler to fill in.</summary>
    public static RequestFacts Facts(this HttpContext http)
    {
        if (http.Items[typeof(RequestFacts)] is not RequestFacts facts) http.Items[typeof(RequestFacts)] = facts = new RequestFacts();
        return facts;
    }

    /// <summary>The outcome word of a status: ok, refused (the caller's fault), limited (429), unavailable (503, 507), failed.</summary>
    public static string Outcome(int? status) => status switch
    {
        null => "cancelled",
        < 400 => "ok",
        429 => "limited",
        503 or 507 => "unavailable",
        < 500 => "refused",
        _ => "failed",
    };

    /// <summary>The status an exception will be answered with; null when the caller went away.</summary>
    internal static int? StatusOf(Exception e, HttpContext http) =>
        e is OperationCanceledException && http.RequestAborted.IsCancellationRequested ? null : (Problems.FromException(e) as IStatusCodeHttpResult)?.StatusCode;

    internal static void Write(HttpContext http, ApiRoute route, int? status, TimeSpan took)
    {
        var facts = http.Facts();
        string? agency = facts.Agency ?? (http.Items[typeof(Caller)] as Caller)?.Agency;
        string? reportId = facts.ReportId ?? http.Request.RouteValues["id"]?.ToString();
        string outcome = Outcome(status);
        if (Activity.Current is { } span)
        {
            span.SetTag("docgen.route", route.Name);
            span.SetTag("docgen.report.agency", agency);
            span.SetTag("docgen.report.id", reportId);
            span.SetTag("docgen.render.pages", facts.Pages);
            span.SetTag("docgen.outcome", outcome);
        }
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        var level = status is null or < 500 ? LogLevel.Information : status is 503 or 507 ? LogLevel.Warning : LogLevel.Error;
        Answered(log, level, route.Name, http.Request.Method, status, outcome, Math.Round(took.TotalMilliseconds, 1), agency, reportId, facts.Pages);
    }

    [LoggerMessage(EventId = 1, EventName = "RequestAnswered",
        Message = "{Route} {Method} answered {Status} ({Outcome}) in {DurationMs} ms; agency {Agency}, report {ReportId}, pages {Pages}")]
    private static partial void Answered(ILogger log, LogLevel level, string route, string method, int? status, string outcome, double durationMs,
        string? agency, string? reportId, int? pages);
}
