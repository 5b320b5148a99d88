using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace DocGen.Functions.Tests;

/// <summary>
/// With an Application Insights connection string the service sends its traces with the Azure Monitor exporter.
/// The connection string's ingestion endpoint is a listener on 127.0.0.1, so the test reads what the real exporter
/// sends, and nothing leaves the machine (statsbeat, the exporter's own usage report, is turned off).
/// </summary>
[Collection(nameof(AzureMonitorExportTests))]
public sealed class AzureMonitorExportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-azmon-").FullName;

    [Fact]
    public async Task Traces_go_to_the_configured_ingestion_endpoint()
    {
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        int port = DocGen.Storage.Tests.AzuriteFixture.FreeLoopbackPort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new ConcurrentQueue<(string Path, string Body)>();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) { return; }
                Stream body = context.Request.InputStream;
                if (context.Request.Headers["Content-Encoding"] == "gzip") body = new GZipStream(body, CompressionMode.Decompress);
                using var reader = new StreamReader(body);
                string text = await reader.ReadToEndAsync();
                received.Enqueue((context.Request.Url!.AbsolutePath, text));
                int items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
                var answer = JsonSerializer.SerializeToUtf8Bytes(new { itemsReceived = items, itemsAccepted = items, errors = Array.Empty<object>() });
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        });

        var settings = TestStores.Disk(_root);
        settings[ServiceSettings.ApplicationInsights] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:{port}/";
        await using (var service = await RunningService.StartAsync(settings))
        {
            using var client = service.Client(RunningService.KeyA);
            var created = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(71)));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            service.Services.GetRequiredService<TracerProvider>().ForceFlush();

            // The request's own span ends after its answer is sent, so it may miss the first flush: flush again while waiting.
            var give = DateTime.UtcNow.AddSeconds(60);
            for (int round = 1; !received.Any(r => r.Body.Contains(id, StringComparison.Ordinal)) && DateTime.UtcNow < give; round++)
            {
                await Task.Delay(50);
                if (round % 20 == 0) service.Services.GetRequiredService<TracerProvider>().ForceFlush();
            }
            var track = received.Where(r => r.Body.Contains(id, StringComparison.Ordinal)).ToList();
            Assert.True(track.Count > 0, $"no envelope names report {id}; received {received.Count}: " +
                string.Join(" | ", received.Select(r => $"{r.Path} {r.Body[..Math.Min(300, r.Body.Length)]}")));
            Assert.All(track, r => Assert.EndsWith("/track", r.Path, StringComparison.Ordinal));
            // The request span and the render span, each an envelope of the instrumentation key.
            Assert.Contains(track, r => r.Body.Contains("\"render\"", StringComparison.Ordinal));
            Assert.Contains(track, r => r.Body.Contains("00000000-0000-0000-0000-000000000001", StringComparison.Ordinal));
        }
        listener.Stop();
    }

    public void Dispose() => TestStores.DeleteFolder(_root);
}

/// <summary>Run alone: the test waits on the exporter's own batching and transmission, which other tests' load would only slow.</summary>
[CollectionDefinition(nameof(AzureMonitorExportTests), DisableParallelization = true)]
public sealed class AzureMonitorExportCollection;
