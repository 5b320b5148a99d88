using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DocGen.Functions.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DocGen.Functions.Tests;

/// <summary>
/// The service's traces and metrics, read with OpenTelemetry's in-memory exporter from the real standalone server.
/// Other tests' services run in the same process and feed the same source and meter names, so spans are picked
/// by report id and counts are at least, not exactly, this test's.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-otel-").FullName;

    [Fact]
    public async Task A_render_leaves_a_span_and_metrics_of_pages_duration_and_counts()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await using var service = await RunningService.StartAsync(TestStores.Disk(_root), configure: b =>
        {
            b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            b.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        });
        using var client = service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(51)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        service.Services.GetRequiredService<TracerProvider>().ForceFlush();
        service.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Activity[] seen;
        lock (spans) seen = [.. spans];
        var render = Assert.Single(seen, s => s.Source.Name == RenderTelemetry.Name && s.OperationName == "render" && Equals(s.GetTagItem("docgen.report.id"), id));
        Assert.Equal(RunningService.AgencyA, render.GetTagItem("docgen.report.agency"));
        Assert.True(render.GetTagItem("docgen.render.pages") is int pages && pages > 0);
        // The render is a child of the request's server span, which carries the route and the outcome.
        var request = Assert.Single(seen, s => s.SpanId == render.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(Operations.CreateReport, request.GetTagItem("docgen.route"));
        Assert.Equal("ok", request.GetTagItem("docgen.outcome"));
        Assert.Equal(id, request.GetTagItem("docgen.report.id"));

        MetricSnapshot[] exported;
        lock (metrics) exported = [.. metrics];
        Assert.True(Total(exported, "docgen.renders.started") >= 1);
        Assert.True(Total(exported, "docgen.renders.completed") >= 1);
        Assert.Contains(exported, m => m.Name == "docgen.renders.in_flight");
        Assert.Contains(exported, m => m.Name == "docgen.render.duration" && m.Unit == "s");
        Assert.Contains(exported, m => m.Name == "docgen.render.pages");
        // ASP.NET Core's own request metrics come along.
        Assert.Contains(exported, m => m.Name == "http.server.request.duration");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    public void A_traces_per_second_below_zero_or_not_a_number_is_refused_at_start_by_its_name(string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ServiceSettings.ApplicationInsights] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/",
            [ServiceSettings.TracesPerSecond] = value,
        }).Build();
        var refused = Assert.Throws<InvalidOperationException>(() => { Telemetry.Add(new ServiceCollection(), config); });
        Assert.Contains(ServiceSettings.TracesPerSecond, refused.Message);
    }

    [Fact]
    public void Entra_id_ingestion_uses_the_managed_identity_the_authentication_setting_names()
    {
        Assert.Null(Telemetry.IngestionCredential(null));
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(Telemetry.IngestionCredential("Authorization=AAD"));
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(Telemetry.IngestionCredential("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000002"));
        var refused = Assert.Throws<InvalidOperationException>(() => Telemetry.IngestionCredential("Authorization=Key"));
        Assert.Contains(ServiceSettings.ApplicationInsightsAuthentication, refused.Message);
    }

    /// <summary>The largest count exported for <paramref name="name"/> (cumulative: the last export holds the total).</summary>
    private static long Total(IEnumerable<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Select(p => p.GetSumLong()).DefaultIfEmpty(0).Max();

    public void Dispose() => TestStores.DeleteFolder(_root);
}
