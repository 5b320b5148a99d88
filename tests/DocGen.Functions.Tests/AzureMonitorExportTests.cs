using System.Net;
using System.Text.Json;
using DocGen.Functions.Api;

namespace DocGen.Functions.Tests;

/// <summary>
/// With an Application Insights connection string the service sends its traces and metrics with the Azure Monitor
/// exporter. The connection string's ingestion endpoint is a listener on 127.0.0.1 (<see cref="IngestionListener"/>),
/// so the test reads what the real exporter sends. The service runs in its own process, as deployed, and is stopped
/// with SIGTERM, as the platform stops an instance: what it has not sent yet goes out at shutdown.
/// Nothing leaves the machine: statsbeat and the SDK statistics (which also ask the Azure VM metadata endpoint) are off,
/// and the exporter's offline storage is in this test's folder, so nothing stored by an earlier run is sent into this one.
/// The Entra ID case (the template's Application Insights has local authentication off) runs over TLS with a managed
/// identity endpoint of the listener's, as App Service provides one.
/// </summary>
public sealed class AzureMonitorExportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-azmon-").FullName;
    /// <summary>A key of this test's own: every envelope it reads must carry it.</summary>
    private readonly string _instrumentationKey = Guid.NewGuid().ToString();

    /// <summary>What the ingestion endpoint saw of one run of the service.</summary>
    private sealed record Run(IReadOnlyList<JsonElement> Items, string ReportId, IReadOnlyList<(string Path, string? Authorization)> Requests, int TokensIssued, string Token);

    /// <summary>
    /// Starts the service, sends <paramref name="probes"/> health requests back to back, posts a report, and stops the
    /// service. With <paramref name="entraId"/> ingestion is over TLS and the service signs in with a managed identity,
    /// App Service's kind, whose endpoint the listener also plays.
    /// </summary>
    private async Task<Run> RunServiceAsync(int probes, bool entraId = false)
    {
        await using var ingestion = await IngestionListener.StartAsync(tls: entraId);
        var environment = new Dictionary<string, string>
        {
            [ServiceSettings.ApplicationInsights] = $"InstrumentationKey={_instrumentationKey};IngestionEndpoint={ingestion.Address}",
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            ["APPLICATIONINSIGHTS_SDKSTATS_DISABLED"] = "true",
            // The exporter keeps its offline storage under the temporary folder, keyed by key, process name and folder.
            ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName,
        };
        if (entraId)
        {
            environment[ServiceSettings.ApplicationInsightsAuthentication] = "Authorization=AAD";
            environment["IDENTITY_ENDPOINT"] = ingestion.IdentityEndpoint.ToString();
            environment["IDENTITY_HEADER"] = IngestionListener.IdentityHeader;
            // The service trusts the listener's certificate, and only it.
            environment["SSL_CERT_FILE"] = ingestion.CertificateFile!;
        }
        using var service = await ServerProcess.StartAsync(_root, environment);
        using var client = service.Client();
        for (int i = 0; i < probes; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        var created = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(71)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        // The exporter waits for each answer of the endpoint before the process exits, so all it sent is here after.
        await service.StopAsync(TimeSpan.FromSeconds(60));
        var items = ingestion.Items();
        Assert.All(ingestion.Requests, r => Assert.Equal("/v2.1/track", r.Path));
        Assert.All(items, i => Assert.Equal(_instrumentationKey, i.GetProperty("iKey").GetString()));
        return new Run(items, id, ingestion.Requests, ingestion.TokensIssued, ingestion.Token);
    }

    private static JsonElement BaseData(JsonElement item) => item.GetProperty("data").GetProperty("baseData");

    private static string? Property(JsonElement item, string name) =>
        BaseData(item).TryGetProperty("properties", out var p) && p.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static string Seen(IReadOnlyList<JsonElement> items) =>
        $"received {items.Count}: " + string.Join(" | ", items.Select(i =>
            $"{i.GetProperty("name").GetString()} {(BaseData(i).TryGetProperty("name", out var n) ? n.GetString() : "")}"));

    [Fact]
    public async Task Traces_of_a_request_and_its_render_go_to_the_configured_ingestion_endpoint()
    {
        const int probes = 20;
        var (items, id, _, _, _) = await RunServiceAsync(probes);

        var request = Assert.Single(items, i => i.GetProperty("name").GetString() == "Request" && BaseData(i).GetProperty("name").GetString() == "POST /api/reports");
        Assert.Equal("201", BaseData(request).GetProperty("responseCode").GetString());
        Assert.Equal(id, Property(request, "docgen.report.id"));
        Assert.Equal(Operations.CreateReport, Property(request, "docgen.route"));
        Assert.Equal("ok", Property(request, "docgen.outcome"));

        // The render is an in-process dependency of that request: same operation, the request's span as parent.
        var render = Assert.Single(items, i => i.GetProperty("name").GetString() == "RemoteDependency" && Property(i, "docgen.report.id") == id);
        Assert.Equal("render", BaseData(render).GetProperty("name").GetString());
        Assert.Equal(RunningService.AgencyA, Property(render, "docgen.report.agency"));
        Assert.True(int.Parse(Property(render, "docgen.render.pages")!) > 0);
        var tags = request.GetProperty("tags");
        Assert.Equal(tags.GetProperty("ai.operation.id").GetString(), render.GetProperty("tags").GetProperty("ai.operation.id").GetString());
        Assert.Equal(BaseData(request).GetProperty("id").GetString(), render.GetProperty("tags").GetProperty("ai.operation.parentId").GetString());

        // A burst loses no trace: the exporter's default sampler (5 a second over 0.1 s) kept about 4 in 10 of these.
        Assert.True(items.Count(i => i.GetProperty("name").GetString() == "Request" && BaseData(i).GetProperty("name").GetString() == "GET /api/health") >= probes, Seen(items));
    }

    [Fact]
    public async Task Metrics_go_to_the_configured_ingestion_endpoint()
    {
        var items = (await RunServiceAsync(probes: 0)).Items;
        var metrics = items.Where(i => i.GetProperty("name").GetString() == "Metric")
            .SelectMany(i => BaseData(i).GetProperty("metrics").EnumerateArray())
            .ToList();
        var completed = metrics.Where(m => m.GetProperty("name").GetString() == "docgen.renders.completed").ToList();
        Assert.True(completed.Count > 0, Seen(items));
        // The warm-up render and this report's.
        Assert.True(completed.Sum(m => m.GetProperty("value").GetDouble()) >= 1);
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "docgen.render.duration");
    }

    [Fact]
    public async Task With_entra_id_authentication_every_send_carries_the_managed_identitys_token()
    {
        var run = await RunServiceAsync(probes: 0, entraId: true);
        Assert.True(run.TokensIssued >= 1, "no token was asked of the managed identity endpoint");
        Assert.NotEmpty(run.Requests);
        Assert.All(run.Requests, r => Assert.Equal($"Bearer {run.Token}", r.Authorization));
        Assert.Contains(run.Items, i => i.GetProperty("name").GetString() == "RemoteDependency" && Property(i, "docgen.report.id") == run.ReportId);
        Assert.Contains(run.Items, i => i.GetProperty("name").GetString() == "Metric");
    }

    public void Dispose() => TestStores.DeleteFolder(_root);
}
