using System.Text.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Functions.Tests;

/// <summary>host.json and the function.json files agree with the routes the handler really serves.</summary>
public sealed class FunctionManifestTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "functions", "DocGen.Functions");

    [Fact]
    public void Host_json_declares_a_custom_handler_that_forwards_http()
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Project, "host.json"))).RootElement;
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        var handler = host.GetProperty("customHandler");
        Assert.Equal("DocGen.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public async Task Every_http_function_matches_a_served_route_and_method()
    {
        await using var service = await RunningService.StartAsync(new Dictionary<string, string?>
        {
            [DocGen.Storage.StorageSettings.Root] = Directory.CreateTempSubdirectory("docgen-routes-").FullName,
        });
        var served = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var functions = Directory.GetFiles(Path.Combine(Project, "Functions"), "function.json", SearchOption.AllDirectories);
        Assert.Equal(14, functions.Length);
        foreach (var file in functions)
        {
            var binding = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("bindings")[0];
            string name = Path.GetFileName(Path.GetDirectoryName(file))!;
            if (binding.GetProperty("type").GetString() == "blobTrigger")
            {
                Assert.Equal(BlobTriggerApi.FunctionName, name);
                Assert.Equal(BlobTriggerApi.BindingName, binding.GetProperty("name").GetString());
                Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
                Assert.StartsWith(BlobTriggerApi.Container + "/{agency}/", binding.GetProperty("path").GetString());
                Assert.Contains($"POST /{BlobTriggerApi.FunctionName}", served);
                continue;
            }
            foreach (var method in binding.GetProperty("methods").EnumerateArray())
            {
                string route = $"{method.GetString()!.ToUpperInvariant()} /api/{binding.GetProperty("route").GetString()}";
                Assert.True(served.Contains(Normalize(route)), $"{name}: {route} is not served");
            }
        }
    }

    /// <summary>Compares routes without trailing slashes or constraint spelling differences.</summary>
    private static string Normalize(string route) => route.TrimEnd('/').Replace("{version:int}", "{version}");
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
