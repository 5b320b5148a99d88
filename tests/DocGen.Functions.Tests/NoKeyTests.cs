using System.Net;
using System.Text;
using DocGen.Functions.Api;
using DocGen.Storage;

namespace DocGen.Functions.Tests;

/// <summary>
/// Without a key, no request to the standalone server creates or reads a report: every operation is tried,
/// and the custom handler's old trigger route, which used to create reports for any agency, is gone.
/// </summary>
public sealed class NoKeyTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-nokey-").FullName;
    private RunningService _service = null!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _service = await RunningService.StartAsync(new Dictionary<string, string?> { [StorageSettings.Root] = _root });
        using var admin = _service.Client(RunningService.AdminKey);
        var created = await admin.PostAsync("/api/reports?formats=pdf", RunningService.Json(ApiTests.ReportJson(61)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        TestStores.DeleteFolder(_root);
    }

    private async Task<List<string>> Stored()
    {
        var all = new List<string>();
        await foreach (var b in _service.Store.ListAsync("reports/")) all.Add(b.Path);
        await foreach (var b in _service.Store.ListAsync("archive/")) all.Add(b.Path);
        await foreach (var b in _service.Store.ListAsync("incoming/")) all.Add(b.Path);
        return all;
    }

    private HttpRequestMessage Request(ApiRoute route)
    {
        // Open operations name an edition, not a report; the page's files are reached by their own path.
        string path = route.PublicPath.Replace("{*path}", "js/main.js").Replace("{edition}", "2021")
            .Replace("{id}", route.Name == Operations.GetEdition ? "2021" : _id).Replace("{version}", "1");
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method == "POST")
            request.Content = route.Path == ApiPaths.Signed
                ? RunningService.Pdf("%PDF-1.7\n% signed\n0123456789\n%%EOF\n"u8.ToArray())
                : RunningService.Json(ApiTests.ReportJson(62));
        return request;
    }

    [Fact]
    public async Task Every_keyed_operation_refuses_a_request_without_a_valid_key()
    {
        var before = await Stored();
        var keyed = ApiRoutes.All.Where(r => r.Access == Access.Key).ToList();
        Assert.Equal(13, keyed.Count);
        foreach (var key in new[] { null, "", "not-a-key", RunningService.KeyA.ToUpperInvariant(), RunningService.KeyA + "x" })
        {
            using var client = _service.Client(null);
            foreach (var route in keyed)
            {
                var request = Request(route);
                if (key is not null) request.Headers.TryAddWithoutValidation(ApiKeys.Header, key);
                var response = await client.SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Name} with key '{key}': {response.StatusCode} {body}");
                Assert.DoesNotContain(_id, body);
            }
        }
        Assert.Equal(before, await Stored());
    }

    [Fact]
    public async Task Open_operations_hold_no_report_data()
    {
        using var client = _service.Client(null);
        foreach (var route in ApiRoutes.All.Where(r => r.Access == Access.Open))
        {
            var response = await client.SendAsync(Request(route));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(_id, body);
            Assert.DoesNotContain(RunningService.AgencyA, body);
        }
    }

    [Theory]
    [InlineData("/IncomingReport")]
    [InlineData("/api/IncomingReport")]
    [InlineData("/api/incoming")]
    public async Task The_old_trigger_route_does_not_exist(string path)
    {
        var before = await Stored();
        string report = ApiTests.ReportJson(63, RunningService.AgencyB);
        // The custom handler's invocation payload, as the Functions host used to post it.
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["Data"] = new System.Text.Json.Nodes.JsonObject { ["report"] = report },
            ["Metadata"] = new System.Text.Json.Nodes.JsonObject { ["agency"] = RunningService.AgencyB, ["name"] = "x" },
        }.ToJsonString();
        using var client = _service.Client(null);
        var response = await client.PostAsync(path, new StringContent(payload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await Stored());
    }
}
