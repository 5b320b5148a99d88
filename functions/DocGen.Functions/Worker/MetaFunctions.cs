using DocGen.Functions.Api;
using Microsoft.Azure.Functions.Worker;

namespace DocGen.Functions.Worker;

/// <summary>Health, schema and OpenAPI document as HTTP functions over <see cref="MetaApi"/>.</summary>
public sealed class MetaFunctions(IServiceProvider services)
{
    [Function(Operations.Health)]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Health)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.Health, req, services);

    [Function(Operations.Schema)]
    public Task<IResult> Schema([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Schema)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.Schema, req, services);

    [Function(Operations.OpenApi)]
    public Task<IResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.OpenApi)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.OpenApi, req, services);
}
