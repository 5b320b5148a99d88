using DocGen.Functions.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace DocGen.Functions.Worker;

/// <summary>
/// The worker's counterpart of the standalone server's exception handler: an HTTP function that throws
/// answers with the same problem+json and code, and no stack trace reaches the caller.
/// </summary>
public sealed class ProblemMiddleware(ILogger<ProblemMiddleware> log) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            var error = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
            log.LogError(error, "Function {Function} failed", context.FunctionDefinition.Name);
            await Problems.WriteAsync(http, error);
        }
    }
}
