namespace DocGen.Cli.Commands.Bench;

/// <summary>The runs of one case: wall times, CPU times and peak memory, one entry per repetition.</summary>
internal sealed class Series
{
    public List<double> Milliseconds { get; } = [];
    public List<double> CpuMilliseconds { get; } = [];
    public List<long> PeakKb { get; } = [];

    public bool Empty => Milliseconds.Count == 0;

    public void Add(ChildRun run)
    {
        Milliseconds.Add(run.Milliseconds);
        CpuMilliseconds.Add(run.CpuMilliseconds);
        PeakKb.Add(run.PeakKb);
    }

    /// <summary>The marginal cost per report of each repetition, from the runs of a small and a large batch.</summary>
    public static List<double> Marginals(Series small, int k1, Series large, int k2) =>
        small.Milliseconds.Zip(large.Milliseconds, (t1, t2) => Stats.Marginal(k1, t1, k2, t2)).ToList();

    /// <summary>The same for CPU time: what one more report costs the machine, whichever cores it ran on.</summary>
    public static List<double> CpuMarginals(Series small, int k1, Series large, int k2) =>
        small.CpuMilliseconds.Zip(large.CpuMilliseconds, (t1, t2) => Stats.Marginal(k1, t1, k2, t2)).ToList();

    public double PeakMb => PeakKb.Count == 0 ? 0 : PeakKb.Max() / 1024.0;
}
