using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace DocGen.Functions.Worker;

/// <summary>The service under the Azure Functions host: the isolated worker with ASP.NET Core integration.</summary>
public static class WorkerApp
{
    public static IHost Build(string[] args)
    {
        NativeHeap.LimitArenas();
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<ProblemMiddleware>();
        ServiceApp.AddServices(builder.Services, builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// Whether the Functions host started this process: it passes the worker its gRPC endpoint and ids as
    /// --functions-uri/--functions-worker-id (older hosts: --host/--port/--workerId), or as configuration.
    /// </summary>
    public static bool StartedByHost(string[] args, Func<string, string?> environment) =>
        args.Any(a => a.StartsWith("--functions-uri", StringComparison.Ordinal)
                      || a.StartsWith("--functions-worker-id", StringComparison.Ordinal)
                      || a.StartsWith("--workerId", StringComparison.Ordinal))
        || !string.IsNullOrEmpty(environment("Functions__Worker__HostEndpoint"))
        || !string.IsNullOrEmpty(environment("AZURE_FUNCTIONS_Functions__Worker__HostEndpoint"));
}
