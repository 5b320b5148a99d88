using System.Diagnostics;
using DocGen.Cli.Commands.Bench;

namespace DocGen.Core.Tests.Cli.Bench;

public class ProcStatusTests
{
    private const string Status = "Name:\tdotnet\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 4205380 kB\nVmHWM:\t  153224 kB\nVmRSS:\t  148012 kB\nThreads:\t21\n";

    [Fact]
    public void A_kB_field_of_proc_status_is_read_by_its_name()
    {
        Assert.Equal(153224, ProcStatus.ParseKb(Status, "VmHWM"));
        Assert.Equal(148012, ProcStatus.ParseKb(Status, "VmRSS"));
        Assert.Null(ProcStatus.ParseKb(Status, "VmSwap"));
        Assert.Null(ProcStatus.ParseKb(Status, "Threads")); // a count, not kB
        Assert.Null(ProcStatus.ParseKb(Status, "VmHW"));
    }

    [Fact]
    public void The_peak_of_this_process_is_at_least_its_current_resident_memory()
    {
        if (!OperatingSystem.IsLinux()) return;
        long rss = ProcStatus.ReadKb(Environment.ProcessId, "VmRSS")!.Value;
        long hwm = ProcStatus.ReadKb(Environment.ProcessId, "VmHWM")!.Value;
        Assert.True(rss > 1024, $"VmRSS {rss} kB");
        Assert.True(hwm >= rss, $"VmHWM {hwm} kB < VmRSS {rss} kB");
        Assert.Null(ProcStatus.ReadKb(int.MaxValue, "VmHWM"));
    }

    [Fact]
    public void The_parent_is_read_after_the_command_name_even_when_it_holds_spaces_and_parentheses()
    {
        Assert.Equal(1, ProcStatus.ParseParent("4242 (soffice.bin) S 1 4242 4242 0 -1"));
        Assert.Equal(77, ProcStatus.ParseParent("4243 (a (b) c) R 77 4243 4243 0 -1"));
        Assert.Null(ProcStatus.ParseParent("garbage"));
    }

    [Fact]
    public void Descendants_are_children_children_of_children_and_not_siblings()
    {
        var parents = new Dictionary<int, int> { [10] = 1, [11] = 10, [12] = 11, [13] = 10, [20] = 1 };
        Assert.Equal([10, 11, 13, 12], ProcStatus.Descendants(10, parents));
        Assert.Equal([20], ProcStatus.Descendants(20, parents));
    }

    [Fact]
    public void Load_average_is_the_first_three_numbers()
    {
        Assert.Equal((0.52, 12.5, 40), ProcStatus.ParseLoadAverage("0.52 12.50 40.00 3/467 12345\n"));
        Assert.Throws<FormatException>(() => ProcStatus.ParseLoadAverage("1.0"));
    }

    [Fact]
    public void The_peak_memory_of_a_child_tree_includes_a_grandchild_holding_100_MB()
    {
        if (!OperatingSystem.IsLinux()) return;
        // sh starts a second sh, which holds a 100 MB string for half a second: only the tree finds it.
        var psi = ChildProcess.Info("sh", ["-c", "sh -c 'x=$(head -c 100000000 /dev/zero | tr \"\\0\" a); sleep 0.5; echo ${#x}'"]);
        var run = ChildProcess.Run(psi, TimeSpan.FromMinutes(1), tree: true);
        Assert.True(run.PeakKb > 100_000, $"peak {run.PeakKb} kB");
        var alone = ChildProcess.Run(psi, TimeSpan.FromMinutes(1), tree: false);
        Assert.True(alone.PeakKb < 50_000, $"the outer sh alone: {alone.PeakKb} kB");
        Assert.True(run.Milliseconds >= 500);
    }

    [Fact]
    public void A_child_that_fails_is_an_error_naming_it()
    {
        var e = Assert.Throws<DocGen.Cli.CliException>(() => ChildProcess.Run(ChildProcess.Info("sh", ["-c", "echo 坏了 >&2; exit 3"]), TimeSpan.FromMinutes(1)));
        Assert.Equal("BENCH_CHILD_FAILED", e.Code);
        Assert.Contains("退出码3", e.Message);
        Assert.Contains("坏了", e.Message);
    }

    [Fact]
    public void Cpu_ticks_and_major_faults_are_read_from_proc_stat_after_the_command_name()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
        const string stat = "4242 (Docgen (x) y) S 1 4242 4242 0 -1 4194560 21795 0 37 0 122 11 0 0 20 0 23 0";
        Assert.Equal((122L, 11L, 37L), ProcStatus.ParseCpuAndFaults(stat));
        Assert.Null(ProcStatus.ParseCpuAndFaults("4242 (short) S 1 2"));
        Assert.Null(ProcStatus.ParseCpuAndFaults("no parenthesis"));
    }

    [Fact]
    public void A_field_of_proc_io_is_read_by_its_name()
    {
        const string io = "rchar: 1430324\nwchar: 9120\nsyscr: 812\nsyscw: 30\nread_bytes: 724992\nwrite_bytes: 4096\ncancelled_write_bytes: 0\n";
        Assert.Equal(724992, ProcStatus.ParseIo(io, "read_bytes"));
        Assert.Equal(1430324, ProcStatus.ParseIo(io, "rchar"));
        Assert.Null(ProcStatus.ParseIo(io, "read"));
    }

    [Fact]
    public void The_run_queue_wait_is_the_second_field_of_schedstat()
    {
        Assert.Equal(1_463_000_123L, ProcStatus.ParseRunQueueWait("644000000 1463000123 812\n"));
        Assert.Null(ProcStatus.ParseRunQueueWait("644000000"));
        Assert.Null(ProcStatus.ParseRunQueueWait("a b c"));
    }

    [Fact]
    public void The_cost_of_this_process_so_far_has_cpu_time()
    {
        if (!OperatingSystem.IsLinux()) return;
        var cost = ProcStatus.ReadCost(Environment.ProcessId);
        Assert.NotNull(cost);
        Assert.True(cost.CpuMs > 0, $"CPU {cost.CpuMs} ms");
        Assert.True(cost.MajorFaults >= 0 && cost.DiskReadKb >= 0 && cost.CpuWaitMs >= 0);
        Assert.Null(ProcStatus.ReadCost(int.MaxValue));
    }
}
