using System.Diagnostics;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Core;

namespace DocGen.Functions;

/// <summary>
/// At start, on a thread of its own while the host is still starting: validates and renders
/// <see cref="WarmUpReport"/> once, so the fonts are indexed and mapped and the code compiled before the
/// first caller comes (on 2 cores that work overlaps the host's start instead of following it). Nothing
/// is stored; a failure is logged and changes nothing, the first request then pays as before.
/// </summary>
internal sealed class WarmUpService(DocumentRenderer renderer, ILogger<WarmUpService> log) : IHostedService
{
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            StartPhases.Mark("warm-up started");
            var report = WarmUpReport.Create();
            ReportValidator.Validate(report);
            renderer.WarmUp(_stop.Token);
            StartPhases.Mark("warm-up rendered");
            log.LogInformation("预热完成：字体与生成代码已就绪，用时{Ms}毫秒", (long)clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            log.LogWarning(e, "预热未完成，首个请求将自行加载字体");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
