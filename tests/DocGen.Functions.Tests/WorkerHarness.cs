using System.Text;
using System.Text.Json;
using DocGen.Functions;
using DocGen.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Functions.Tests;

/// <summary>
/// The worker's services (registered as <c>WorkerApp</c> registers them) without a Functions host: tests
/// call the function adapters with a <see cref="DefaultHttpContext"/> and run the result they return, as
/// the worker's ASP.NET Core integration does.
/// </summary>
public sealed class WorkerHarness : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("docgen-worker-").FullName;
    public ServiceProvider Services { get; }
    public IBlobStore Store => Services.GetRequiredService<IBlobStore>();
    public ReportRepository Repository => Services.GetRequiredService<ReportRepository>();

    /// <param name="settings">Settings over the test settings (limits, say).</param>
    /// <param name="configure">Services added after the service's own (a test seam, say).</param>
    public WorkerHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { [StorageSettings.Root] = Root };
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(RunningService.Settings(all))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        ServiceApp.AddServices(services, config);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary>A request as the worker hands it to a function.</summary>
    public HttpRequest Request(string method, string path, string? key = null, byte[]? body = null, string? contentType = null)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        int q = path.IndexOf('?');
        http.Request.Method = method;
        http.Request.Path = q < 0 ? path : path[..q];
        if (q >= 0) http.Request.QueryString = new QueryString(path[q..]);
        if (key is not null) http.Request.Headers["x-api-key"] = key;
        if (body is not null)
        {
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
            http.Request.ContentType = contentType;
        }
        http.Response.Body = new MemoryStream();
        return http.Request;
    }

    public static HttpRequest WithJson(HttpRequest request, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = "application/json";
        return request;
    }

    /// <summary>Runs what the function returned against its request's response, and reads the response back.</summary>
    public static async Task<Answer> RunAsync(HttpRequest request, Task<IResult> function)
    {
        var result = await function;
        await result.ExecuteAsync(request.HttpContext);
        return Answer.Of(request.HttpContext.Response);
    }

    public void Dispose()
    {
        Services.Dispose();
        TestStores.DeleteFolder(Root);
    }
}

/// <summary>A response as the caller would see it.</summary>
public sealed record Answer(int Status, string? ContentType, byte[] Body, IHeaderDictionary Headers)
{
    public static Answer Of(HttpResponse response)
    {
        var body = ((MemoryStream)response.Body).ToArray();
        return new Answer(response.StatusCode, response.ContentType, body, response.Headers);
    }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>Asserts a problem+json answer with <paramref name="status"/> and <paramref name="code"/> and a Chinese title.</summary>
    public void AssertProblem(int status, string code)
    {
        Assert.True(status == Status, $"expected {status}, got {Status}: {Encoding.UTF8.GetString(Body)}");
        Assert.StartsWith("application/problem+json", ContentType);
        Assert.Equal(code, Json.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Json.GetProperty("title").GetString());
    }
}
