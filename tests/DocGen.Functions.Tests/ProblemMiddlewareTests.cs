using System.Collections.Immutable;
using DocGen.Functions.Worker;
using DocGen.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocGen.Functions.Tests;

/// <summary>In the worker, a function that throws answers with the same problem+json and code as standalone.</summary>
public sealed class ProblemMiddlewareTests : IDisposable
{
    private readonly WorkerHarness _h = new();

    private async Task<Answer> Throwing(Exception error)
    {
        var request = _h.Request("GET", "/api/reports/x", RunningService.KeyA);
        var context = new TestFunctionContext(_h.Services, request.HttpContext);
        await new ProblemMiddleware(NullLogger<ProblemMiddleware>.Instance).Invoke(context, _ => throw error);
        return Answer.Of(request.HttpContext.Response);
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_a_500_problem_without_a_stack_trace()
    {
        var answer = await Throwing(new NullReferenceException("secret internals at DocGen.Something()"));
        answer.AssertProblem(500, "INTERNAL_ERROR");
        Assert.DoesNotContain("DocGen.Something", System.Text.Encoding.UTF8.GetString(answer.Body));
    }

    [Fact]
    public async Task Storage_faults_keep_their_codes()
    {
        (await Throwing(new InvalidStorageNameException(StorageErrorCodes.InvalidAgency, "机关名称无效", "../x"))).AssertProblem(422, StorageErrorCodes.InvalidAgency);
    }

    [Fact]
    public async Task A_function_that_succeeds_is_left_alone()
    {
        var request = _h.Request("GET", "/api/health");
        var context = new TestFunctionContext(_h.Services, request.HttpContext);
        bool ran = false;
        await new ProblemMiddleware(NullLogger<ProblemMiddleware>.Instance).Invoke(context, _ => { ran = true; return Task.CompletedTask; });
        Assert.True(ran);
        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal(0, request.HttpContext.Response.Body.Length);
    }

    public void Dispose() => _h.Dispose();
}

/// <summary>A FunctionContext carrying an HttpContext the way the worker's ASP.NET Core integration does (Items["HttpRequestContext"]).</summary>
internal sealed class TestFunctionContext(IServiceProvider services, HttpContext http) : FunctionContext
{
    public override string InvocationId => "test-invocation";
    public override string FunctionId => "test-function";
    public override TraceContext TraceContext => null!;
    public override BindingContext BindingContext => null!;
    public override RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override FunctionDefinition FunctionDefinition { get; } = new TestFunctionDefinition();
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };
    public override IInvocationFeatures Features => null!;
    public override CancellationToken CancellationToken => CancellationToken.None;

    private sealed class TestFunctionDefinition : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(ProblemMiddleware).Assembly.Location;
        public override string EntryPoint => "DocGen.Functions.Worker.ReportFunctions.GetReport";
        public override string Id => "test-function";
        public override string Name => "GetReport";
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
