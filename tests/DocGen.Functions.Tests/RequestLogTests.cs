using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DocGen.Functions.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocGen.Functions.Tests;

/// <summary>Each request leaves one structured log line: the fields are read from a captured logger provider, not parsed from text.</summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-log-").FullName;
    private readonly CapturedLogs _logs = new();
    private RunningService _service = null!;

    public async Task InitializeAsync() =>
        _service = await RunningService.StartAsync(TestStores.Disk(_root), configure: b => b.Logging.AddProvider(_logs));

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        TestStores.DeleteFolder(_root);
    }

    [Fact]
    public async Task Each_request_logs_route_agency_report_pages_status_outcome_and_duration()
    {
        using var client = _service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(41)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var post = await _logs.Single(Operations.CreateReport);
        Assert.Equal(RunningService.AgencyA, post["Agency"]);
        Assert.Equal(id, post["ReportId"]);
        Assert.True(post["Pages"] is int pages && pages > 0, $"pages: {post["Pages"]}");
        Assert.Equal(201, post["Status"]);
        Assert.Equal("ok", post["Outcome"]);
        Assert.True(post["DurationMs"] is double ms && ms > 0, $"duration: {post["DurationMs"]}");

        // A download, then the same download with its entity tag: 304 is the status written, not the 200 planned.
        var pdf = await client.GetAsync($"/api/reports/{id}/pdf");
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{id}/pdf");
        again.Headers.IfNoneMatch.Add(pdf.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        var downloads = await _logs.All(Operations.GetReportPdf, 2);
        Assert.Equal([200, 304], downloads.Select(d => d["Status"]));
        Assert.All(downloads, d => Assert.Equal(id, d["ReportId"]));
        Assert.All(downloads, d => Assert.Null(d["Pages"]));

        // Refusals say so, with what was known.
        using var other = _service.Client(RunningService.KeyB);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(43)))).StatusCode);
        var forbidden = await _logs.Single(Operations.CreateReport, r => r["Status"] is 403);
        Assert.Equal("refused", forbidden["Outcome"]);
        Assert.Equal(RunningService.AgencyA, forbidden["Agency"]);

        using var stranger = _service.Client("no-such-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync($"/api/reports/{id}")).StatusCode);
        var unknown = await _logs.Single(Operations.GetReport);
        Assert.Equal(401, unknown["Status"]);
        Assert.Null(unknown["Agency"]);
        Assert.Equal(id, unknown["ReportId"]);

        // The text is made from the fields, so a reader of plain logs sees them too.
        Assert.Contains($"report {id}", _logs.Text(Operations.CreateReport));
    }

    /// <summary>Keeps the state of every DocGen.Requests entry.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(IReadOnlyDictionary<string, object?> Fields, string Text)> _entries = new();

        public ILogger CreateLogger(string categoryName) => categoryName == RequestLog.Category ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        /// <summary>The entries of <paramref name="route"/> (waiting for <paramref name="count"/>: a line is written after the answer's last byte).</summary>
        public async Task<List<IReadOnlyDictionary<string, object?>>> All(string route, int count, Func<IReadOnlyDictionary<string, object?>, bool>? where = null)
        {
            var give = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var found = _entries.Select(e => e.Fields).Where(f => Equals(f["Route"], route) && (where is null || where(f))).ToList();
                if (found.Count >= count || DateTime.UtcNow > give) return found;
                await Task.Delay(10);
            }
        }

        public async Task<IReadOnlyDictionary<string, object?>> Single(string route, Func<IReadOnlyDictionary<string, object?>, bool>? where = null)
        {
            var found = await All(route, 1, where);
            return Assert.Single(found);
        }

        public string Text(string route) => _entries.First(e => Equals(e.Fields["Route"], route)).Text;

        public void Dispose() { }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
                    owner._entries.Enqueue((fields.ToDictionary(f => f.Key, f => f.Value), formatter(state, exception)));
            }
        }
    }
}
