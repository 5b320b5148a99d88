using System.Net;
using System.Text.Json;
using DocGen.Core.Rendering;
using DocGen.Functions.Api;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Functions.Tests;

/// <summary>
/// Rendering is CPU work, so the service limits it: per key (429), per instance (503 beyond the slots and
/// the queue), and a render nobody waits for any more is stopped. Over real HTTP on the standalone server;
/// renders are held by a test seam (<see cref="HeldRenders"/>) so nothing depends on timing.
/// </summary>
public sealed class LoadLimitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-limits-").FullName;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    /// <summary>A deadline well past <see cref="Patience"/>: a render stopped in time was stopped by its callers leaving.</summary>
    private static Dictionary<string, string?> FarDeadline => new() { [ServiceSettings.RenderDeadlineSeconds] = "600" };

    private Task<RunningService> Start(Dictionary<string, string?> limits, HeldRenders? hold = null)
    {
        var settings = TestStores.Disk(_root);
        foreach (var (k, v) in limits) settings[k] = v;
        return RunningService.StartAsync(settings, configure: b =>
        {
            if (hold is not null) b.Services.AddSingleton<IRenderHold>(hold);
        });
    }

    [Fact]
    public async Task A_burst_from_one_key_gets_429_while_another_key_still_gets_through()
    {
        await using var service = await Start(new()
        {
            [ServiceSettings.RequestsPerMinute] = "1",
            [ServiceSettings.RequestBurst] = "3",
        });
        using var a = service.Client(RunningService.KeyA);
        using var b = service.Client(RunningService.KeyB);
        var burst = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => a.GetAsync("/api/reports")));
        Assert.Equal(3, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, refused.Count);
        foreach (var r in refused)
        {
            await HostileInputTests.Problem(r, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
            // One token a minute: the wait is about a minute, never zero.
            Assert.InRange(r.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        }

        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/reports")).StatusCode);
        // Open operations take no key and are not limited by one.
        using var open = service.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await open.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task More_renders_than_the_slots_and_queue_get_503_and_the_service_recovers()
    {
        var hold = new HeldRenders();
        await using var service = await Start(new()
        {
            [ServiceSettings.RendersInFlight] = "1",
            [ServiceSettings.RenderQueue] = "1",
        }, hold);
        var gate = service.Services.GetRequiredService<RenderGate>();
        var telemetry = service.Services.GetRequiredService<RenderTelemetry>();
        using var client = service.Client(RunningService.KeyA);

        var first = client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(1)));
        await hold.Arrived(1, Patience);
        var second = client.PostAsync("/api/reports/preview", RunningService.Json(ApiTests.ReportJson(2)));
        await Until(() => gate.Queued == 1);

        var third = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(3)));
        await HostileInputTests.Problem(third, HttpStatusCode.ServiceUnavailable, ProblemCodes.RenderBusy);
        Assert.Equal(OperatingLimits.BusyRetryAfter, third.Headers.RetryAfter?.Delta);
        var preview = await client.PostAsync("/api/reports/preview", RunningService.Json(ApiTests.ReportJson(4)));
        await HostileInputTests.Problem(preview, HttpStatusCode.ServiceUnavailable, ProblemCodes.RenderBusy);
        Assert.Equal(2, telemetry.Rejected);

        hold.Release();
        Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
        var previewed = await second;
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Equal("application/pdf", previewed.Content.Headers.ContentType?.MediaType);

        // Recovered: the refused report goes through now.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(3)))).StatusCode);
        Assert.Equal(3, telemetry.Completed);
        Assert.Equal(0, telemetry.InFlight);
    }

    [Fact]
    public async Task A_client_that_disconnects_stops_its_render()
    {
        // The hold lets the render go on once the request's token has fired: the renderer itself must stop.
        var hold = new HeldRenders { UntilCancelled = true };
        await using var service = await Start(FarDeadline, hold);
        var telemetry = service.Services.GetRequiredService<RenderTelemetry>();
        using var client = service.Client(RunningService.KeyA);
        using var leave = new CancellationTokenSource();

        var post = client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(5)), leave.Token);
        await hold.Arrived(1, Patience);
        leave.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);

        await Until(() => telemetry.Started == telemetry.Cancelled + telemetry.Completed);
        Assert.Equal(1, telemetry.Started);
        Assert.Equal(1, telemetry.Cancelled);
        Assert.Equal(0, telemetry.Completed);
        Assert.Null(await service.Repository.GetReportAsync(RunningService.AgencyA, 2024, ReportIdOf(ApiTests.ReportJson(5))));

        // The service is not worse for it: the same report renders when asked again.
        hold.UntilCancelled = false;
        hold.Release();
        var again = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(5)));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_shared_render_stops_only_when_every_waiter_has_gone()
    {
        var hold = new HeldRenders { UntilCancelled = true };
        await using var service = await Start(FarDeadline, hold);
        var generation = service.Services.GetRequiredService<ReportGeneration>();
        var telemetry = service.Services.GetRequiredService<RenderTelemetry>();
        var body = System.Text.Encoding.UTF8.GetBytes(ApiTests.ReportJson(6));
        var caller = new Caller(RunningService.AgencyA);
        using var one = new CancellationTokenSource();
        using var two = new CancellationTokenSource();

        var first = generation.GenerateAsync(body, caller, OutputFormats.Both, DateTimeOffset.UnixEpoch, one.Token);
        await hold.Arrived(1, Patience);
        var second = generation.GenerateAsync(body, caller, OutputFormats.Both, DateTimeOffset.UnixEpoch, two.Token);

        one.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(hold.Token.IsCancellationRequested, "one waiter left: the render goes on for the other");
        Assert.Equal(1, telemetry.Started);

        two.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await Until(() => telemetry.Cancelled == 1);
        Assert.Equal(0, telemetry.Completed);

        // A waiter still there gets the report: a third request joins a fresh render and stays.
        hold.UntilCancelled = false;
        hold.Release();
        var third = await generation.GenerateAsync(body, caller, OutputFormats.Both, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.True(Assert.IsType<Generation.Stored>(third).Created);
        Assert.Equal(1, telemetry.Completed);
    }

    [Fact]
    public async Task A_render_past_its_deadline_is_stopped_with_503()
    {
        var hold = new HeldRenders { UntilCancelled = true };
        await using var service = await Start(new() { [ServiceSettings.RenderDeadlineSeconds] = "0.5" }, hold);
        var telemetry = service.Services.GetRequiredService<RenderTelemetry>();
        using var client = service.Client(RunningService.KeyA);

        var response = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(7)));
        await HostileInputTests.Problem(response, HttpStatusCode.ServiceUnavailable, ProblemCodes.RenderDeadlineExceeded);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, telemetry.Cancelled);
        Assert.Equal(0, telemetry.Completed);
    }

    [Fact]
    public async Task A_dropped_report_met_by_busy_renders_is_left_for_a_retry_not_rejected()
    {
        var hold = new HeldRenders();
        using var h = new WorkerHarness(new Dictionary<string, string?>
        {
            [ServiceSettings.RendersInFlight] = "1",
            [ServiceSettings.RenderQueue] = "0",
        }, s => s.AddSingleton<IRenderHold>(hold));
        var incoming = h.Services.GetRequiredService<IncomingReports>();
        var first = h.Services.GetRequiredService<ReportGeneration>().GenerateAsync(System.Text.Encoding.UTF8.GetBytes(ApiTests.ReportJson(8)),
            new Caller(RunningService.AgencyA), OutputFormats.Both, DateTimeOffset.UnixEpoch, CancellationToken.None);
        await hold.Arrived(1, Patience);

        var dropped = System.Text.Encoding.UTF8.GetBytes(ApiTests.ReportJson(9));
        var busy = await Assert.ThrowsAsync<RenderUnavailableException>(() => incoming.ProcessAsync(RunningService.AgencyA, "busy", dropped, CancellationToken.None));
        Assert.Equal(ProblemCodes.RenderBusy, busy.Code);
        // No receipt: the trigger (or the watcher's next scan) tries again.
        Assert.False(await h.Store.ExistsAsync($"{IncomingReports.Container}/{RunningService.AgencyA}/busy{IncomingReports.FindingsSuffix}"));
        Assert.False(await h.Store.ExistsAsync($"{IncomingReports.Container}/{RunningService.AgencyA}/busy{IncomingReports.ResultSuffix}"));

        hold.Release();
        Assert.IsType<Generation.Stored>(await first);
        var receipt = await incoming.ProcessAsync(RunningService.AgencyA, "busy", dropped, CancellationToken.None);
        Assert.Equal("generated", receipt!["status"]!.GetValue<string>());
    }

    [Fact]
    public void The_contract_declares_429_and_503_with_Retry_After()
    {
        var doc = JsonDocument.Parse(OpenApiDocument.Json.Value).RootElement;
        var create = doc.GetProperty("paths").GetProperty("/api/reports").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "429", "503" })
            Assert.True(create.GetProperty(status).GetProperty("headers").TryGetProperty("Retry-After", out _), status);
        var preview = doc.GetProperty("paths").GetProperty("/api/reports/preview").GetProperty("post").GetProperty("responses");
        Assert.Contains(ProblemCodes.RenderBusy, preview.GetProperty("503").GetRawText());
        Assert.Contains(ProblemCodes.RateLimited, preview.GetProperty("429").GetRawText());
    }

    private static string ReportIdOf(string json)
    {
        var report = DocGen.Core.Json.ReportJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).Report!;
        return ReportGeneration.ReportId(DocGen.Core.Json.ReportJsonWriter.Write(report), OutputFormats.Both);
    }

    /// <summary>Waits for a state the service reaches on its own threads (not a timing assertion: it fails only after a minute).</summary>
    private static async Task Until(Func<bool> condition)
    {
        var give = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > give) Assert.Fail("the service did not reach the expected state within a minute");
            await Task.Delay(10);
        }
    }

    public void Dispose() => TestStores.DeleteFolder(_root);

    /// <summary>
    /// Holds every render at its start until <see cref="Release"/>; with <see cref="UntilCancelled"/>, until the
    /// render's token fires, and then lets the render itself run on that cancelled token.
    /// </summary>
    private sealed class HeldRenders : IRenderHold
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _arrivals = new(0);

        public bool UntilCancelled { get; set; }
        public CancellationToken Token { get; private set; }

        public void Release() => _release.TrySetResult();

        public async Task Arrived(int count, TimeSpan patience)
        {
            for (int i = 0; i < count; i++)
                Assert.True(await _arrivals.WaitAsync(patience), "no render started");
        }

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            _arrivals.Release();
            if (!UntilCancelled)
            {
                await _release.Task.WaitAsync(cancellationToken);
                return;
            }
            var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var _ = cancellationToken.Register(() => cancelled.TrySetResult());
            await Task.WhenAny(cancelled.Task, _release.Task);
        }
    }
}
