using System.Collections.Concurrent;
using System.Diagnostics;

namespace DocGen.Core;

/// <summary>
/// The start-up profile of the CLI and the service: with DOCGEN_PHASES=1 each mark prints to stderr the milliseconds since the
/// process started (the runtime's own start included), the CPU time used so far and the thread pool's threads and
/// queued items, so a slow start can be told apart: waiting for the CPU, for the disk, or for pool threads.
/// A mark made once per name (<see cref="Once"/>) times the first answer of each operation.
/// </summary>
public static class StartPhases
{
    private static readonly bool On = Environment.GetEnvironmentVariable("DOCGEN_PHASES") == "1";
    private static readonly DateTime Started = On ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;
    private static readonly ConcurrentDictionary<string, bool> Seen = new(StringComparer.Ordinal);

    public static bool Enabled => On;

    public static void Mark(string phase)
    {
        if (!On) return;
        double cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        Console.Error.WriteLine($"phase {(DateTime.UtcNow - Started).TotalMilliseconds,7:0.0} ms  cpu {cpu,6:0} ms  pool {ThreadPool.ThreadCount} threads {ThreadPool.PendingWorkItemCount} queued  {phase}");
    }

    /// <summary>Marks <paramref name="phase"/> the first time it is reached only.</summary>
    public static void Once(string phase)
    {
        if (On && Seen.TryAdd(phase, true)) Mark(phase);
    }
}
