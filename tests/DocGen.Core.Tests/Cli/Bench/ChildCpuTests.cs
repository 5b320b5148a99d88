using DocGen.Cli.Commands.Bench;

namespace DocGen.Core.Tests.Cli.Bench;

/// <summary>
/// getrusage(RUSAGE_CHILDREN) counts every child the process has reaped, so the measurement holds only while no
/// other child ends at the same time (the bench runs one at a time). Other test classes start programs of their
/// own in parallel; this collection runs alone, after them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneChildAtATime
{
    public const string Name = "one child process at a time";
}

[Collection(OneChildAtATime.Name)]
public class ChildCpuTests
{
    [Fact]
    public void The_cpu_time_of_a_child_includes_a_grandchild_it_waits_for_and_not_time_spent_asleep()
    {
        if (!OperatingSystem.IsLinux()) return;
        // The inner sh counts to 300,000 (about half a second of CPU here); sleeping costs wall time and no CPU.
        var busy = ChildProcess.Run(ChildProcess.Info("sh", ["-c", "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'"]), TimeSpan.FromMinutes(1));
        Assert.True(busy.CpuMilliseconds > 150, $"busy: {busy.CpuMilliseconds} ms of CPU");
        Assert.True(busy.CpuMilliseconds < busy.Milliseconds * 1.2, $"one thread: {busy.CpuMilliseconds} ms of CPU in {busy.Milliseconds} ms");
        var idle = ChildProcess.Run(ChildProcess.Info("sh", ["-c", "sleep 0.5"]), TimeSpan.FromMinutes(1));
        Assert.True(idle.Milliseconds >= 500);
        Assert.True(idle.CpuMilliseconds < 100, $"asleep: {idle.CpuMilliseconds} ms of CPU");
    }
}
