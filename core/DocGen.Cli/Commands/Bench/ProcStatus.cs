using System.Globalization;

namespace DocGen.Cli.Commands.Bench;

/// <summary>Reads what Linux's /proc says about processes and the machine: peak and current resident memory, parents, load.</summary>
internal static class ProcStatus
{
    /// <summary>A "Name:   123 kB" field of /proc/PID/status, in kB; null when the field is absent.</summary>
    public static long? ParseKb(string status, string field)
    {
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var parts = line[(field.Length + 1)..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kb)) return null;
            return parts.Length > 1 && parts[1] == "kB" ? kb : null;
        }
        return null;
    }

    /// <summary>The field of a live process, or null when it has gone (or this is not Linux).</summary>
    public static long? ReadKb(int pid, string field)
    {
        try { return ParseKb(File.ReadAllText($"/proc/{pid}/status"), field); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The parent's id from the text of /proc/PID/stat ("pid (comm) state ppid …"; comm may hold spaces and parentheses).</summary>
    public static int? ParseParent(string stat)
    {
        int close = stat.LastIndexOf(')');
        if (close < 0) return null;
        var rest = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rest.Length > 1 && int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out int ppid) ? ppid : null;
    }

    /// <summary>
    /// CPU ticks (user, system) and major page faults from the text of /proc/PID/stat: after the command name, field
    /// 10 of the rest is majflt, 12 and 13 utime and stime (proc(5), counted from the state as 1).
    /// </summary>
    public static (long UserTicks, long SystemTicks, long MajorFaults)? ParseCpuAndFaults(string stat)
    {
        int close = stat.LastIndexOf(')');
        if (close < 0) return null;
        var rest = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 13) return null;
        bool Read(int i, out long v) => long.TryParse(rest[i], NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return Read(9, out long majflt) && Read(11, out long utime) && Read(12, out long stime) ? (utime, stime, majflt) : null;
    }

    /// <summary>A "name: 123" field of /proc/PID/io (e.g. read_bytes: what the process made the disk read, not the page cache).</summary>
    public static long? ParseIo(string io, string field)
    {
        foreach (var line in io.Split('\n'))
            if (line.StartsWith(field + ":", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(field.Length + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long v))
                return v;
        return null;
    }

    /// <summary>Nanoseconds a thread has waited on a run queue, ready but not running: the second field of /proc/PID/task/TID/schedstat.</summary>
    public static long? ParseRunQueueWait(string schedstat)
    {
        var parts = schedstat.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ns) ? ns : null;
    }

    /// <summary>
    /// What a live process has cost so far: CPU milliseconds (user + system), the milliseconds its live threads
    /// waited for a CPU (summed over threads, so above the wall time when several waited at once), major page faults
    /// (pages read from disk because they were not in the page cache) and kB its reads fetched from the disk; null
    /// when it has gone.
    /// </summary>
    public static ProcessCost? ReadCost(int pid)
    {
        try
        {
            if (ParseCpuAndFaults(File.ReadAllText($"/proc/{pid}/stat")) is not var (user, system, majflt)) return null;
            long? read = ParseIo(File.ReadAllText($"/proc/{pid}/io"), "read_bytes");
            long waitNs = 0;
            foreach (var task in SafeDirectories($"/proc/{pid}/task"))
            {
                try { waitNs += ParseRunQueueWait(File.ReadAllText(Path.Combine(task, "schedstat"))) ?? 0; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the thread has ended
            }
            return new ProcessCost((user + system) * 1000.0 / ClockTicksPerSecond, majflt, (read ?? 0) / 1024) { CpuWaitMs = waitNs / 1e6 };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The unit of /proc's CPU times (USER_HZ, 100 on every Linux this runs on; asked of the C library).</summary>
    private static readonly double ClockTicksPerSecond = OperatingSystem.IsLinux() && SysConf(ScClockTicks) is > 0 and var hz ? hz : 100;

    private const int ScClockTicks = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);

    /// <summary>The process and all its descendants alive now (soffice is a script that starts soffice.bin).</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            try
            {
                if (ParseParent(File.ReadAllText(Path.Combine(dir, "stat"))) is { } ppid) parents[pid] = ppid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return Descendants(root, parents);
    }

    public static IReadOnlyList<int> Descendants(int root, IReadOnlyDictionary<int, int> parentOf)
    {
        var children = parentOf.ToLookup(p => p.Value, p => p.Key);
        var tree = new List<int> { root };
        for (int i = 0; i < tree.Count; i++) tree.AddRange(children[tree[i]].Where(c => !tree.Contains(c)));
        return tree;
    }

    /// <summary>The three load averages of /proc/loadavg ("0.52 0.58 0.59 1/467 12345").</summary>
    public static (double One, double Five, double Fifteen) ParseLoadAverage(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) throw new FormatException($"not a load average: {text}");
        double Part(int i) => double.Parse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        return (Part(0), Part(1), Part(2));
    }

    public static string LoadAverage()
    {
        try
        {
            var (one, five, fifteen) = ParseLoadAverage(File.ReadAllText("/proc/loadavg"));
            return string.Create(CultureInfo.InvariantCulture, $"{one:0.00} {five:0.00} {fifteen:0.00}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return "（无法读取）"; }
    }

    private static IEnumerable<string> SafeDirectories(string path)
    {
        try { return Directory.GetDirectories(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}

/// <summary>What a process has cost so far: CPU time, major page faults and kB read from the disk; the time its threads waited for a CPU.</summary>
internal sealed record ProcessCost(double CpuMs, long MajorFaults, long DiskReadKb)
{
    public double CpuWaitMs { get; init; }
}
