using System.Runtime.InteropServices;

namespace DocGen.Cli.Commands.Bench;

/// <summary>
/// The CPU time (user + system) of the children this process has waited for, from getrusage(RUSAGE_CHILDREN):
/// a process's own and that of every descendant it waited for in turn (soffice's soffice.bin). Read before and
/// after a run, the difference is that run's CPU time, as long as the bench waits for one child at a time.
/// Beside the wall time it tells how much of a speed-up is work run side by side and how much is less work.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>Milliseconds of CPU used so far by waited-for children; 0 where getrusage is not there (not Linux).</summary>
    public static double TotalMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        if (GetRusage(RusageChildren, out var usage) != 0) return 0;
        return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicros + usage.SystemMicros) / 1000.0;
    }

    /// <summary>struct rusage of 64-bit Linux: two timevals, then fourteen longs this does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicros, SystemSeconds, SystemMicros;
        private long _maxrss, _ixrss, _idrss, _isrss, _minflt, _majflt, _nswap, _inblock, _oublock, _msgsnd, _msgrcv, _nsignals, _nvcsw, _nivcsw;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);
}
