using DocGen.Core;
namespace DocGen.Functions.Api;

/// <summary>Every HTTP operation, and the one way to run one: key check, then the handler.</summary>
public static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> All { get; } = [.. ReportsApi.Routes, .. CompilationApi.Routes, .. ImportApi.Routes, .. PreviewApi.Routes, .. SignedApi.Routes, .. MetaApi.Routes, .. EditionsApi.Routes, .. PageApi.Routes];

    /// <summary>The operations of the published contract (the OpenAPI document).</summary>
    public static IEnumerable<ApiRoute> Contracted => All.Where(r => r.InContract);

    private static readonly Dictionary<string, ApiRoute> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static ApiRoute Named(string name) =>
        ByName.TryGetValue(name, out var route) ? route : throw new KeyNotFoundException($"no API operation named {name}");

    /// <summary>
    /// Runs <paramref name="route"/> for a request, in either front end, and logs it (<see cref="RequestLog"/>).
    /// Exceptions are left to the front end's error handler.
    /// </summary>
    public static async Task<IResult> RunAsync(ApiRoute route, HttpContext http)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Logged once the answer is written: a download's status (200, 304) is only known then.
            return new LoggedResult(await AuthorizeAndRunAsync(route, http), route, start);
        }
        catch (Exception e)
        {
            RequestLog.Write(http, route, RequestLog.StatusOf(e, http), System.Diagnostics.Stopwatch.GetElapsedTime(start));
            throw;
        }
    }

    /// <summary>Writes the answer, then its log line.</summary>
    private sealed class LoggedResult(IResult inner, ApiRoute route, long start) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public async Task ExecuteAsync(HttpContext http)
        {
            try
            {
                await inner.ExecuteAsync(http);
            }
            catch (Exception e)
            {
                RequestLog.Write(http, route, RequestLog.StatusOf(e, http), System.Diagnostics.Stopwatch.GetElapsedTime(start));
                throw;
            }
            RequestLog.Write(http, route, http.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(start));
            if (StartPhases.Enabled) StartPhases.Once($"first {route.Name} answered {http.Response.StatusCode}");
        }
    }

    private static async Task<IResult> AuthorizeAndRunAsync(ApiRoute route, HttpContext http)
    {
        // ?agency=a&agency=b would otherwise read as the agency "a,b".
        foreach (var (name, values) in http.Request.Query)
            if (values.Count > 1)
                return Problems.Of(400, "REPEATED_PARAMETER", $"查询参数“{name}”出现了{values.Count}次，只能出现一次");
        if (route.Access == Access.Key)
        {
            string? presented = http.Request.Headers[ApiKeys.Header];
            if (string.IsNullOrEmpty(presented)) return Problems.MissingKey();
            var caller = http.RequestServices.GetRequiredService<ApiKeys>().Find(presented);
            if (caller is null) return Problems.UnknownKey();
            if (http.Service<KeyRateLimiter>().Refuse(presented) is { } wait)
            {
                http.Service<RenderTelemetry>().RateLimited();
                return Problems.RateLimited(wait);
            }
            http.Items[typeof(Caller)] = caller;
        }
        return await route.Handler(http);
    }

    /// <summary>Serves every operation on the standalone server, below <c>/api/</c>.</summary>
    public static void MapAll(IEndpointRouteBuilder app)
    {
        foreach (var route in All)
            app.MapMethods($"/{ApiPaths.Prefix}/{route.Path}", route.Methods, async http => await (await RunAsync(route, http)).ExecuteAsync(http))
                .WithName(route.Name);
    }
}
