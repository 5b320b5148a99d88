using System.Diagnostics;
using System.Threading.RateLimiting;
using DocGen.Core.Rendering;

namespace DocGen.Functions.Api;

/// <summary>A render could not be done now: too many in flight, or the deadline passed. Worth retrying later (503).</summary>
public sealed class RenderUnavailableException(string code, string message, TimeSpan retryAfter) : Exception(message)
{
    public string Code { get; } = code;
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A seam for tests: awaited once a render has its slot, before it starts. The service registers none.</summary>
public interface IRenderHold
{
    Task WaitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Rendering is CPU work, so an instance runs at most <see cref="OperatingLimits.RendersInFlight"/> renders at once,
/// with a short queue behind them; beyond it a render is refused (503), not left to pile up. Every render here
/// stops at <see cref="OperatingLimits.RenderDeadline"/> or when its token fires, and is counted in <see cref="RenderTelemetry"/>.
/// </summary>
public sealed class RenderGate(OperatingLimits limits, DocumentRenderer renderer, RenderTelemetry telemetry, IRenderHold? hold = null) : IDisposable
{
    private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = limits.RendersInFlight,
        QueueLimit = limits.RenderQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>
    /// Every so many renders, and whenever the last render in flight ends, the C heap's free pages go back to the
    /// system (<see cref="NativeHeap.Trim"/>). Under steady load the gate is never idle, hence the count: every 4th
    /// render kept 15–25 MB off the bench's peak at 20 clients, with no CPU cost above the noise (every 2nd did no better).
    /// </summary>
    private const int TrimEvery = 4;
    private int _running;
    private int _rendered;

    /// <summary>Renders waiting for a slot now.</summary>
    public long Queued => _slots.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Renders <paramref name="report"/>; throws <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires.</summary>
    /// <param name="kind">What the render is for (report, preview), a tag of its span and metrics.</param>
    /// <param name="reportId">The report's id when it is to be stored, for its span.</param>
    public async Task<RenderedDocuments> RenderAsync(Core.Model.Report report, OutputFormats formats, string kind, string? reportId, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(limits.RenderDeadline);
        var token = deadline.Token;
        try
        {
            using var lease = await _slots.AcquireAsync(1, token);
            if (!lease.IsAcquired)
            {
                telemetry.RenderRejected();
                throw new RenderUnavailableException(ProblemCodes.RenderBusy, "正在生成的报告过多，请稍后重试", OperatingLimits.BusyRetryAfter);
            }
            using var activity = RenderTelemetry.Source.StartActivity("render");
            activity?.SetTag("docgen.report.agency", report.Agency);
            activity?.SetTag("docgen.report.year", report.Year);
            activity?.SetTag("docgen.render.kind", kind);
            activity?.SetTag("docgen.report.id", reportId);
            telemetry.RenderStarted();
            var clock = Stopwatch.StartNew();
            var outcome = RenderOutcome.Failed;
            int? pages = null;
            try
            {
                if (hold is not null) await hold.WaitAsync(token);
                // Layout and font subsetting are CPU work; keep them off the request's synchronous path.
                Interlocked.Increment(ref _running);
                RenderedDocuments docs;
                try
                {
                    docs = await Task.Run(() => renderer.Render(report, formats, cancel: token), CancellationToken.None);
                }
                finally
                {
                    bool idle = Interlocked.Decrement(ref _running) == 0 && Queued == 0;
                    if (idle || Interlocked.Increment(ref _rendered) % TrimEvery == 0)
                        ThreadPool.UnsafeQueueUserWorkItem(static _ => NativeHeap.Trim(), null);
                }
                (outcome, pages) = (RenderOutcome.Completed, docs.PdfResult?.Pages.Count);
                activity?.SetTag("docgen.render.pages", pages);
                return docs;
            }
            catch (OperationCanceledException)
            {
                outcome = RenderOutcome.Cancelled;
                throw;
            }
            finally
            {
                telemetry.RenderEnded(outcome, clock.Elapsed, pages, kind);
                if (outcome != RenderOutcome.Completed) activity?.SetStatus(ActivityStatusCode.Error, outcome.ToString());
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            throw new RenderUnavailableException(ProblemCodes.RenderDeadlineExceeded,
                $"报告未能在{limits.RenderDeadline.TotalSeconds:0}秒内生成，已停止，请稍后重试", OperatingLimits.BusyRetryAfter);
        }
    }

    public void Dispose() => _slots.Dispose();
}
