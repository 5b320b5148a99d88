using System.Diagnostics;

namespace DocGen.Cli.Commands.Bench;

/// <summary>
/// One timed run of a child process: wall time from start to exit, the peak resident memory of its tree and the CPU
/// time (user + system) of the process and the descendants it waited for.
/// </summary>
internal sealed record ChildRun(double Milliseconds, long PeakKb, double CpuMilliseconds = 0);

/// <summary>
/// Starts a program as a bench case runs it and watches its memory: the largest VmHWM (peak resident set) of the
/// process (or, with <c>tree</c>, of any descendant: soffice is a script in front of soffice.bin), sampled every 20 ms.
/// </summary>
internal static class ChildProcess
{
    public static ProcessStartInfo Info(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Runs to the end (one child at a time, for <see cref="ChildCpu"/>); a failure (cannot start, non-zero exit, over <paramref name="timeout"/>) is a <see cref="CliException"/> naming the program.</summary>
    public static ChildRun Run(ProcessStartInfo psi, TimeSpan timeout, bool tree = false)
    {
        double cpuBefore = ChildCpu.TotalMilliseconds();
        var clock = Stopwatch.StartNew();
        using var p = Start(psi);
        using var memory = new PeakMemory(p.Id, tree);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new CliException("BENCH_TIMEOUT", $"{Describe(psi)} 超过{timeout.TotalSeconds:0}秒未结束，已终止");
        }
        p.WaitForExit();
        clock.Stop();
        long peak = memory.Stop();
        if (p.ExitCode != 0)
            throw new CliException("BENCH_CHILD_FAILED", $"{Describe(psi)} 退出码{p.ExitCode}：{Tail(stderr.Result + stdout.Result)}");
        return new ChildRun(clock.Elapsed.TotalMilliseconds, peak, ChildCpu.TotalMilliseconds() - cpuBefore);
    }

    public static Process Start(ProcessStartInfo psi)
    {
        try
        {
            return Process.Start(psi) ?? throw new CliException("BENCH_CANNOT_START", $"无法启动{Describe(psi)}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CliException("BENCH_CANNOT_START", $"无法启动{psi.FileName}：{e.Message}", e);
        }
    }

    public static string Describe(ProcessStartInfo psi) => $"“{Path.GetFileName(psi.FileName)} {string.Join(' ', psi.ArgumentList.Take(4))}…”";

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : "…" + text[^400..].Trim();
}

/// <summary>
/// Samples the peak resident memory (VmHWM) of a process, or of its tree, on a background thread until stopped.
/// The tree is looked up every 100 ms only: a scan of /proc costs time the measured programs would miss.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly int _root;
    private readonly bool _tree;
    private readonly Dictionary<int, long> _peaks = [];
    private readonly Thread _thread;
    private volatile bool _stop;

    public PeakMemory(int root, bool tree)
    {
        _root = root;
        _tree = tree;
        _thread = new Thread(Sample) { IsBackground = true, Name = "bench-memory" };
        _thread.Start();
    }

    /// <summary>The largest VmHWM seen in any process of the tree, kB.</summary>
    public long Stop()
    {
        _stop = true;
        _thread.Join();
        lock (_peaks) return _peaks.Count == 0 ? 0 : _peaks.Values.Max();
    }

    private void Sample()
    {
        IReadOnlyList<int> pids = [_root];
        for (int n = 0; !_stop; n++)
        {
            if (_tree && n % 5 == 0) pids = ProcStatus.Tree(_root);
            foreach (int pid in pids)
                if (ProcStatus.ReadKb(pid, "VmHWM") is { } kb)
                    lock (_peaks) _peaks[pid] = Math.Max(kb, _peaks.GetValueOrDefault(pid));
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        if (!_stop) Stop();
    }
}
