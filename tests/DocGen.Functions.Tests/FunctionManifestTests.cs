using System.Text.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Api;
using DocGen.Functions.Worker;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK writes at build time (what the Functions host indexes) agrees with
/// the operations the handlers serve, and the custom handler's files are gone.
/// </summary>
public sealed class FunctionManifestTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "functions", "DocGen.Functions");

    /// <summary>The build output of the functions project, in the configuration these tests were built in.</summary>
    private static string Metadata()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        string path = Path.Combine(Project, "bin", configuration, framework, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} was not written by the build");
        return path;
    }

    private static Dictionary<string, JsonElement> Functions() =>
        JsonDocument.Parse(File.ReadAllText(Metadata())).RootElement.EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());

    [Fact]
    public void Every_operation_is_an_http_function_with_its_method_and_route()
    {
        var functions = Functions();
        foreach (var route in ApiRoutes.All)
        {
            Assert.True(functions.TryGetValue(route.Name, out var function), $"{route.Name} is not in functions.metadata");
            var trigger = Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "httpTrigger");
            Assert.Equal(route.Methods.Select(m => m.ToLowerInvariant()), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
            Assert.Equal(route.Path, trigger.GetProperty("route").GetString());
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true); // DocGen checks its own keys
        }
        // Nothing more: every function is an operation or the blob trigger.
        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Append(IncomingReports.FunctionName).Order(), functions.Keys.Order());
    }

    [Fact]
    public void IncomingReport_is_a_blob_trigger_fed_by_event_grid()
    {
        var binding = Assert.Single(Functions()[IncomingReports.FunctionName].GetProperty("bindings").EnumerateArray());
        Assert.Equal("blobTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("incoming/{agency}/{name}.json", binding.GetProperty("path").GetString());
        Assert.Equal(IncomingReports.TriggerPath, binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.Equal(IncomingReports.Connection, binding.GetProperty("connection").GetString());
    }

    [Fact]
    public void The_build_writes_an_isolated_worker_and_no_custom_handler_remains()
    {
        string output = Path.GetDirectoryName(Metadata())!;
        var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "worker.config.json"))).RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", worker.GetProperty("language").GetString());
        Assert.Equal("DocGen.Functions.dll", worker.GetProperty("defaultWorkerPath").GetString());

        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Project, "host.json"))).RootElement;
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.False(host.TryGetProperty("customHandler", out _));
        Assert.Equal(ApiPaths.Prefix, host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var leftovers = Directory.EnumerateFiles(Project, "function.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        Assert.Empty(leftovers);
    }

    [Fact]
    public async Task The_standalone_server_serves_exactly_the_operations()
    {
        await using var service = await RunningService.StartAsync(new Dictionary<string, string?>
        {
            [DocGen.Storage.StorageSettings.Root] = Directory.CreateTempSubdirectory("docgen-routes-").FullName,
        });
        var served = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order();
        // Besides the operations, only the page at the server's root (the Functions host serves it at /api/page/).
        Assert.Equal(ApiRoutes.All.SelectMany(r => r.Methods.Select(m => $"{m} /api/{r.Path}")).Append("GET /").Order(), served);
    }

    [Theory]
    [InlineData(new[] { "--functions-uri", "http://127.0.0.1:5000/", "--functions-worker-id", "w1" }, true)]
    [InlineData(new[] { "--host", "127.0.0.1", "--port", "5000", "--workerId", "w1", "--requestId", "r1" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--DocGen:Port=8080" }, false)]
    public void The_entry_point_knows_whether_the_functions_host_started_it(string[] args, bool hosted)
    {
        Assert.Equal(hosted, WorkerApp.StartedByHost(args, _ => null));
    }

    [Fact]
    public void The_host_endpoint_in_configuration_also_means_the_functions_host()
    {
        Assert.True(WorkerApp.StartedByHost([], name => name == "Functions__Worker__HostEndpoint" ? "http://127.0.0.1:5000" : null));
    }
}

public sealed class FontFolderTests
{
    [Fact]
    public void Relative_font_folder_is_resolved_against_the_application_folder()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "fonts"), ServiceApp.FontFolder("fonts"));
        Assert.Equal("/opt/fonts", ServiceApp.FontFolder("/opt/fonts"));
        Assert.Null(ServiceApp.FontFolder(null));
    }
}
