using DocGen.Functions.Api;

namespace DocGen.Functions.Worker;

/// <summary>
/// What every HTTP function does: hand the request to the operation of the same name. The trigger's route
/// values arrive as the function's parameters (the worker does no routing of its own), so the adapter passes
/// them on; the handler reads them from the request as it does standalone.
/// </summary>
public static class WorkerCall
{
    public static Task<IResult> RunAsync(string operation, HttpRequest request, IServiceProvider services, params (string Name, object? Value)[] routeValues)
    {
        var http = request.HttpContext;
        http.RequestServices = services;
        foreach (var (name, value) in routeValues) http.Request.RouteValues[name] = value;
        return ApiRoutes.RunAsync(ApiRoutes.Named(operation), http);
    }
}
