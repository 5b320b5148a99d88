using System.Runtime.InteropServices;

namespace DocGen.Pdf.Measuring;

/// <summary>
/// The CPU time (user + system) of the calling thread, from clock_gettime(CLOCK_THREAD_CPUTIME_ID): what a call cost
/// this thread, whatever else runs on the machine. 0 where that clock is not there (not Linux).
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var t) != 0) return 0;
        return t.Seconds * 1000.0 + t.Nanoseconds / 1_000_000.0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
