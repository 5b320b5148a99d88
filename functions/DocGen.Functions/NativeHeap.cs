using System.Runtime.InteropServices;

namespace DocGen.Functions;

/// <summary>
/// The C heap under HarfBuzz. hb-subset allocates and frees several megabytes per subset of a CJK face; glibc gives
/// every thread that meets contention an arena of its own (up to 8 per core) and keeps freed pages in each. Measured
/// on the service bench (2 cores, 20 clients): 60–67 MB of arenas resident; two arenas and a trim every few renders
/// (<see cref="Api.RenderGate"/>) take 30–50 MB off the service's resident memory, at no CPU cost we could measure. Only glibc has these calls: elsewhere (musl, Windows, macOS) nothing is done.
/// </summary>
internal static class NativeHeap
{
    private const int ArenaMax = -8; // M_ARENA_MAX in malloc.h

    /// <summary>
    /// As many arenas as renders in flight (one a core, at least two), so renders never wait on one arena's lock,
    /// while the thread pool's other threads share them. Called first thing at start, before threads have arenas.
    /// </summary>
    /// <remarks>
    /// Not chosen, measured: a fixed mmap threshold of 256 KB (large blocks unmapped when freed) saved another 20–30 MB
    /// but cost 10–15% more CPU a report, faulting the same pages in again for every subset.
    /// </remarks>
    public static void LimitArenas() => Try(() => mallopt(ArenaMax, Math.Max(2, Environment.ProcessorCount)));

    /// <summary>Returns the free pages of every arena to the system (malloc_trim(0)); a few milliseconds at most.</summary>
    public static void Trim() => Try(() => malloc_trim(0));

    private static void Try(Func<int> call)
    {
        if (!OperatingSystem.IsLinux()) return;
        try { call(); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { } // not glibc: nothing to tune
    }

    [DllImport("libc.so.6")]
    private static extern int mallopt(int param, int value);

    [DllImport("libc.so.6")]
    private static extern int malloc_trim(nuint pad);
}
