using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DocGen.Functions.Api;

/// <summary>How a render ended.</summary>
public enum RenderOutcome { Completed, Cancelled, Failed }

/// <summary>
/// The service's own traces and metrics: a span per render, and counters of renders started, completed,
/// cancelled and refused, renders in flight, their duration and pages. OpenTelemetry exports them by
/// <see cref="Name"/>; the counts are also kept here, so a test (or an operator's debugger) can read them.
/// </summary>
public sealed class RenderTelemetry : IDisposable
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string Name = "DocGen";

    public static readonly ActivitySource Source = new(Name, ReportGeneration.Version);

    private readonly Meter _meter;
    private readonly Counter<long> _started, _completed, _cancelled, _rejected, _rateLimited;
    private readonly UpDownCounter<long> _inFlight;
    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _pages;
    private long _startedCount, _completedCount, _cancelledCount, _rejectedCount, _inFlightCount;

    public RenderTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name, ReportGeneration.Version);
        _started = _meter.CreateCounter<long>("docgen.renders.started", "{render}", "Renders begun");
        _completed = _meter.CreateCounter<long>("docgen.renders.completed", "{render}", "Renders finished");
        _cancelled = _meter.CreateCounter<long>("docgen.renders.cancelled", "{render}", "Renders stopped: every caller went away, or the deadline passed");
        _rejected = _meter.CreateCounter<long>("docgen.renders.rejected", "{render}", "Renders refused with 503: too many in flight and the queue full");
        _rateLimited = _meter.CreateCounter<long>("docgen.requests.rate_limited", "{request}", "Requests refused with 429 by the per-key rate limit");
        _inFlight = _meter.CreateUpDownCounter<long>("docgen.renders.in_flight", "{render}", "Renders running now");
        _duration = _meter.CreateHistogram<double>("docgen.render.duration", "s", "Time to lay out and write the documents of one report");
        _pages = _meter.CreateHistogram<int>("docgen.render.pages", "{page}", "Pages of each rendered PDF");
    }

    public long Started => Interlocked.Read(ref _startedCount);
    public long Completed => Interlocked.Read(ref _completedCount);
    public long Cancelled => Interlocked.Read(ref _cancelledCount);
    public long Rejected => Interlocked.Read(ref _rejectedCount);
    public long InFlight => Interlocked.Read(ref _inFlightCount);

    internal void RenderStarted()
    {
        Interlocked.Increment(ref _startedCount);
        Interlocked.Increment(ref _inFlightCount);
        _started.Add(1);
        _inFlight.Add(1);
    }

    internal void RenderEnded(RenderOutcome outcome, TimeSpan took, int? pages, string kind)
    {
        Interlocked.Decrement(ref _inFlightCount);
        _inFlight.Add(-1);
        var tag = new KeyValuePair<string, object?>("docgen.render.kind", kind);
        if (outcome == RenderOutcome.Completed)
        {
            Interlocked.Increment(ref _completedCount);
            _completed.Add(1, tag);
            _duration.Record(took.TotalSeconds, tag);
            if (pages is { } p) _pages.Record(p, tag);
        }
        else if (outcome == RenderOutcome.Cancelled)
        {
            Interlocked.Increment(ref _cancelledCount);
            _cancelled.Add(1, tag);
        }
    }

    internal void RenderRejected()
    {
        Interlocked.Increment(ref _rejectedCount);
        _rejected.Add(1);
    }

    internal void RateLimited() => _rateLimited.Add(1);

    public void Dispose() => _meter.Dispose();
}
