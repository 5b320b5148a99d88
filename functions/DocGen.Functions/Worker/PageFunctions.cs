using DocGen.Functions.Api;
using Microsoft.Azure.Functions.Worker;

namespace DocGen.Functions.Worker;

/// <summary>What the web page reads, as HTTP functions: the edition definitions, the empty workbooks and the page's own files.</summary>
public sealed class PageFunctions(IServiceProvider services)
{
    [Function(Operations.ListEditions)]
    public Task<IResult> ListEditions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Editions)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.ListEditions, req, services);

    [Function(Operations.GetEdition)]
    public Task<IResult> GetEdition([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Edition)] HttpRequest req, string id) =>
        WorkerCall.RunAsync(Operations.GetEdition, req, services, (nameof(id), id));

    [Function(Operations.GetWorkbookTemplate)]
    public Task<IResult> GetWorkbookTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.WorkbookTemplate)] HttpRequest req, string edition) =>
        WorkerCall.RunAsync(Operations.GetWorkbookTemplate, req, services, (nameof(edition), edition));

    [Function(Operations.Page)]
    public Task<IResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Page)] HttpRequest req, string? path) =>
        WorkerCall.RunAsync(Operations.Page, req, services, (nameof(path), path));
}
