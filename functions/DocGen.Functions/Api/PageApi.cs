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

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Serve(PagePrefix + "index.html", null)).ExcludeFromDescription();
        app.MapGet("/page/{*path}", (string path) => Serve(PagePrefix + path, null)).ExcludeFromDescription();
        app.MapGet("/api/templates/{edition}.xlsx", (string edition) =>
                Serve($"{WorkbookPrefix}annual-report-{edition}.xlsx", $"annual-report-{edition}.xlsx"))
            .WithName("GetWorkbookTemplate").WithSummary("空白的填报工作簿（.xlsx），供各部门填写");
    }

    private static IResult Serve(string name, string? downloadName)
    {
        if (!Resources.Contains(name) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
            return Problems.NotFound(name.StartsWith(WorkbookPrefix, StringComparison.Ordinal) ? "该版本的填报工作簿" : "页面文件");
        var stream = Self.GetManifestResourceStream(name)!;
        return Results.Stream(stream, type, downloadName);
    }
}
