using DocGen.Functions.Api;
using Microsoft.Azure.Functions.Worker;

namespace DocGen.Functions.Worker;

/// <summary>The signed archive as HTTP functions over <see cref="SignedApi"/>.</summary>
public sealed class SignedFunctions(IServiceProvider services)
{
    [Function(Operations.UploadSigned)]
    public Task<IResult> UploadSigned([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiPaths.Signed)] HttpRequest req, string id) =>
        WorkerCall.RunAsync(Operations.UploadSigned, req, services, (nameof(id), id));

    [Function(Operations.ListSigned)]
    public Task<IResult> ListSigned([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Signed)] HttpRequest req, string id) =>
        WorkerCall.RunAsync(Operations.ListSigned, req, services, (nameof(id), id));

    [Function(Operations.GetSigned)]
    public Task<IResult> GetSigned([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiPaths.SignedVersion)] HttpRequest req, string id, int version) =>
        WorkerCall.RunAsync(Operations.GetSigned, req, services, (nameof(id), id), (nameof(version), version));
}
