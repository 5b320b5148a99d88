using System.Reflection;

namespace DocGen.Functions.Api;

/// <summary>
/// The web page for the disclosure office: static files embedded in the assembly (no build step, nothing
/// fetched from elsewhere), served at / and /page/…; and the empty workbooks for departments at
/// /api/templates/{edition}.xlsx when the build has them. Open without a key: they hold no report data.
/// </summary>
public static class PageApi
{
    private const string PagePrefix = "page/";
    private const string WorkbookPrefix = "workbook/";

    private static readonly Assembly Self = typeof(PageApi).Assembly;
    private static readonly HashSet<string> Resources = [.. Self.GetManifestResourceNames()];

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>
    /// The page's files at <c>/api/page/…</c> (the Functions host routes only below <c>/api/</c>), the page itself
    /// at <c>/api/page/</c>, and the empty workbooks.
    /// </summary>
    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.Page, "GET", ApiPaths.Page, Access.Open, http => Task.FromResult(File(http.Request.RouteValues["path"]?.ToString())), "填报页面（静态文件）") { InContract = false },
        new(Operations.GetWorkbookTemplate, "GET", ApiPaths.WorkbookTemplate, Access.Open, http => Task.FromResult(
                Serve($"{WorkbookPrefix}annual-report-{http.Route("edition")}.xlsx", $"annual-report-{http.Route("edition")}.xlsx")),
            "空白的填报工作簿（.xlsx），供各部门填写"),
    ];

    /// <summary>Standalone, the page also opens at the server's root.</summary>
    public static void MapRoot(IEndpointRouteBuilder app) => app.MapGet("/", () => File(""));

    private static IResult File(string? path) => Serve(PagePrefix + (string.IsNullOrEmpty(path) ? "index.html" : path), null);

    private static IResult Serve(string name, string? downloadName)
    {
        if (!Resources.Contains(name) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
            return Problems.NotFound(name.StartsWith(WorkbookPrefix, StringComparison.Ordinal) ? "该版本的填报工作簿" : "页面文件");
        var stream = Self.GetManifestResourceStream(name)!;
        return Results.Stream(stream, type, downloadName);
    }
}
