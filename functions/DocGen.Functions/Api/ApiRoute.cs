namespace DocGen.Functions.Api;

/// <summary>Who may call an operation.</summary>
public enum Access
{
    /// <summary>Anyone: nothing in the answer belongs to an agency.</summary>
    Open,
    /// <summary>A known x-api-key (an agency's or the compiling office's).</summary>
    Key,
}

/// <summary>
/// One HTTP operation of the API, the one description both front ends read: the standalone server maps it
/// on Kestrel, and the worker's function of the same <see cref="Name"/> calls its <see cref="Handler"/>.
/// </summary>
/// <param name="Name">Function name and OpenAPI operationId (a constant of <see cref="Operations"/>).</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Route below <c>/api/</c>, in ASP.NET Core template syntax (a constant of <see cref="ApiPaths"/>).</param>
/// <param name="Query">Query parameters the handler reads.</param>
public sealed record ApiRoute(
    string Name,
    string Method,
    string Path,
    Access Access,
    Func<HttpContext, Task<IResult>> Handler,
    string Summary,
    params string[] Query)
{
    /// <summary>A download that also answers HEAD (the headers of the file without its body).</summary>
    public bool Head { get; init; }

    /// <summary>Part of the published API contract; false only for the web page's static files.</summary>
    public bool InContract { get; init; } = true;

    /// <summary>The methods served: <see cref="Method"/>, and HEAD for downloads.</summary>
    public IReadOnlyList<string> Methods => Head ? [Method, "HEAD"] : [Method];

    /// <summary>The path as the caller sees it, with route constraints dropped: <c>/api/reports/{id}/signed/{version}</c>.</summary>
    public string PublicPath => "/" + ApiPaths.Prefix + "/" + System.Text.RegularExpressions.Regex.Replace(Path, @"\{(\w+):[^}]+\}", "{$1}");

    /// <summary>The names of the path's parameters, in order.</summary>
    public IEnumerable<string> PathParameters =>
        System.Text.RegularExpressions.Regex.Matches(Path, @"\{(\w+)").Select(m => m.Groups[1].Value);
}

/// <summary>Routes below <c>/api/</c>; constants because the worker's trigger attributes need them at compile time.</summary>
public static class ApiPaths
{
    /// <summary>The Functions host's route prefix (host.json), also used standalone.</summary>
    public const string Prefix = "api";
    public const string Reports = "reports";
    public const string Validate = "reports/validate";
    public const string Import = "reports/import";
    public const string Preview = "reports/preview";
    public const string Missing = "reports/missing";
    public const string Sum = "reports/sum";
    public const string Editions = "editions";
    public const string Edition = "editions/{id}";
    public const string WorkbookTemplate = "templates/{edition}.xlsx";
    /// <summary>The web page's files; standalone also serves the page itself at <c>/</c>.</summary>
    public const string Page = "page/{*path}";
    public const string Report = "reports/{id}";
    public const string ReportDocx = "reports/{id}/docx";
    public const string ReportPdf = "reports/{id}/pdf";
    public const string Signed = "reports/{id}/signed";
    public const string SignedVersion = "reports/{id}/signed/{version:int}";
    public const string Health = "health";
    public const string Schema = "schema";
    public const string OpenApi = "openapi.json";
}

/// <summary>Operation names: the function names in functions.metadata and the operationIds of the OpenAPI document.</summary>
public static class Operations
{
    public const string CreateReport = nameof(CreateReport);
    public const string ListReports = nameof(ListReports);
    public const string ValidateReport = nameof(ValidateReport);
    public const string ImportReport = nameof(ImportReport);
    public const string PreviewReport = nameof(PreviewReport);
    public const string ListMissingAgencies = nameof(ListMissingAgencies);
    public const string SumReports = nameof(SumReports);
    public const string ListEditions = nameof(ListEditions);
    public const string GetEdition = nameof(GetEdition);
    public const string GetWorkbookTemplate = nameof(GetWorkbookTemplate);
    public const string Page = nameof(Page);
    public const string GetReport = nameof(GetReport);
    public const string GetReportDocx = nameof(GetReportDocx);
    public const string GetReportPdf = nameof(GetReportPdf);
    public const string UploadSigned = nameof(UploadSigned);
    public const string ListSigned = nameof(ListSigned);
    public const string GetSigned = nameof(GetSigned);
    public const string Health = nameof(Health);
    public const string Schema = nameof(Schema);
    public const string OpenApi = nameof(OpenApi);
}
