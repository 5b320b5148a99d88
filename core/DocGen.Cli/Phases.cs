using System.Diagnostics;

namespace DocGen.Cli;

/// <summary>
/// Start-up profile of a command: with DOCGEN_PHASES=1 each mark prints the milliseconds since the process
/// started (the runtime's own start-up included) to stderr, so the one-shot's time can be told apart by phase.
/// </summary>
internal static class Phases
{
    private static readonly bool On = Environment.GetEnvironmentVariable("DOCGEN_PHASES") == "1";
    private static readonly DateTime Started = On ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;

    public static void Mark(string phase)
    {
        if (On) Console.Error.WriteLine($"phase {(DateTime.UtcNow - Started).TotalMilliseconds,7:0.0} ms  {phase}");
    }
}
