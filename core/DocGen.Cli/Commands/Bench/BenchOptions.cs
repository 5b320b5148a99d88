using System.Globalization;

namespace DocGen.Cli.Commands.Bench;

/// <summary>The cases a bench run can hold.</summary>
[Flags]
internal enum BenchCases
{
    /// <summary>A batch of K1 and of K2 reports in one process, DocGen and one soffice call.</summary>
    Batch = 1,
    /// <summary>One report in a fresh process, DocGen and soffice.</summary>
    OneShot = 2,
    /// <summary>The standalone service: cold start and throughput.</summary>
    Service = 4,
    /// <summary>In this process: the CPU a report of the work the output bytes fix (hb-subset, deflate), replayed alone.</summary>
    Floor = 8,
    All = Batch | OneShot | Service | Floor,
}

/// <summary>What `docgen bench` measures and how often.</summary>
internal sealed record BenchOptions
{
    public BenchCases Cases { get; init; } = BenchCases.All;
    /// <summary>The two batch sizes whose difference gives the marginal cost.</summary>
    public int Small { get; init; } = 5;
    public int Large { get; init; } = 25;
    /// <summary>Repetitions of the interleaved DocGen / LibreOffice runs; the floor's replays.</summary>
    public int Repeat { get; init; } = 3;
    /// <summary>
    /// Fresh starts of the service, one after another, each timed to its first report: starts vary (on one machine
    /// 0.6–1.2 s in 17 of 20 and 2.1–7.0 s in three), so the target is judged by their median.
    /// </summary>
    public int Starts { get; init; } = 5;
    public IReadOnlyList<int> Clients { get; init; } = [1, 4, 16, 20];
    /// <summary>Seconds each client count runs for.</summary>
    public double Seconds { get; init; } = 6;
    /// <summary>Seconds of load after the first report and before the timed levels, reported on their own.</summary>
    public double WarmupSeconds { get; init; } = 5;
    public int Seed { get; init; } = 1;
    public bool LibreOffice { get; init; } = true;
    /// <summary>Published programs to time; null: publish them from the repository.</summary>
    public string? DocGen { get; init; }
    /// <summary>Publish the CLI as a native program (Native AOT, `-p:DocGenNative=true`) rather than ReadyToRun.</summary>
    public bool Native { get; init; }
    public string? Service { get; init; }

    public static BenchCases ParseCases(string text)
    {
        var cases = (BenchCases)0;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            cases |= name.ToLowerInvariant() switch
            {
                "batch" => BenchCases.Batch,
                "oneshot" or "one-shot" => BenchCases.OneShot,
                "service" => BenchCases.Service,
                "floor" => BenchCases.Floor,
                "all" => BenchCases.All,
                _ => throw new CliException("USAGE", $"--cases中的“{name}”无效，应为batch、oneshot、service、floor或all，以逗号分隔"),
            };
        return cases == 0 ? throw new CliException("USAGE", "--cases不能为空") : cases;
    }

    /// <summary>A comma-separated list of positive whole numbers, e.g. "1,4,16,20".</summary>
    public static IReadOnlyList<int> ParseCounts(string text, string option)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                throw new CliException("USAGE", $"{option}中的“{part}”不是正整数");
            counts.Add(n);
        }
        return counts.Count == 0 ? throw new CliException("USAGE", $"{option}不能为空") : counts;
    }

    /// <summary>The two batch sizes, "5,25": two numbers, the second larger.</summary>
    public static (int Small, int Large) ParseBatch(string text)
    {
        var sizes = ParseCounts(text, "--batch");
        if (sizes.Count != 2 || sizes[1] <= sizes[0])
            throw new CliException("USAGE", $"--batch应为两个数，第二个更大，如5,25（给出的是“{text}”）");
        return (sizes[0], sizes[1]);
    }
}
