using DocGen.Cli.Commands.Bench;

namespace DocGen.Core.Tests.Cli.Bench;

public class BenchStatsTests
{
    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(3, Stats.Median([5, 1, 3]));
        Assert.Equal(2.5, Stats.Median([4, 1, 3, 2]));
        Assert.Equal(7, Stats.Median([7]));
        Assert.Throws<ArgumentException>(() => Stats.Median([]));
    }

    [Fact]
    public void Percentile_is_the_nearest_rank()
    {
        double[] hundred = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();
        Assert.Equal(50, Stats.Percentile(hundred, 50));
        Assert.Equal(99, Stats.Percentile(hundred, 99));
        Assert.Equal(100, Stats.Percentile(hundred, 100));
        // With fewer than 100 values the 99th percentile is the largest: no interpolation invents a faster tail.
        double[] ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 1000];
        Assert.Equal(1000, Stats.Percentile(ten, 99));
        Assert.Equal(50, Stats.Percentile(ten, 50));
        Assert.Equal(10, Stats.Percentile(ten, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Stats.Percentile(ten, 0));
    }

    [Fact]
    public void Marginal_cost_is_the_difference_of_the_batches_over_the_reports_added()
    {
        // 5 reports in 3,000 ms and 25 in 4,000 ms: start-up cancels, each added report costs 50 ms.
        Assert.Equal(50, Stats.Marginal(5, 3000, 25, 4000));
        Assert.Equal(-5, Stats.Marginal(1, 100, 3, 90));
        Assert.Throws<ArgumentException>(() => Stats.Marginal(25, 1, 5, 2));
        Assert.Throws<ArgumentException>(() => Stats.Marginal(5, 1, 5, 2));
    }

    [Fact]
    public void Marginals_pair_the_runs_of_the_same_repetition()
    {
        var small = new Series();
        var large = new Series();
        foreach (var (s, l) in new[] { (1000.0, 2000.0), (1500.0, 2100.0) })
        {
            small.Add(new ChildRun(s, 100));
            large.Add(new ChildRun(l, 300));
        }
        Assert.Equal([50.0, 30.0], Series.Marginals(small, 5, large, 25));
        Assert.Equal(300 / 1024.0, large.PeakMb);
    }

    [Fact]
    public void Summary_gives_the_median_and_the_range()
    {
        Assert.Equal("20 (10–40)", Stats.Summary([40, 10, 20]));
        Assert.Equal("12.5", Stats.Summary([12.5], "0.0"));
    }

    [Fact]
    public void Targets_compare_the_marginal_costs_and_the_one_shot_medians()
    {
        var batch = new BatchFigures(5, 25);
        batch.DocGenSmall.Add(new ChildRun(1000, 1));
        batch.DocGenLarge.Add(new ChildRun(1500, 1)); // 25 ms a report
        batch.OfficeSmall.Add(new ChildRun(3000, 1));
        batch.OfficeLarge.Add(new ChildRun(13000, 1)); // 500 ms a report: 20×
        batch.DocGenOne.Add(new ChildRun(800, 1));
        batch.OfficeOne.Add(new ChildRun(2400, 1)); // 3×
        var targets = BenchReport.Targets(batch, null).ToList();
        Assert.Equal(2, targets.Count);
        Assert.Equal(("20×", true), (targets[0].Measured, targets[0].Met));
        Assert.Equal(("3.0×", false), (targets[1].Measured, targets[1].Met));
    }

    [Fact]
    public void The_batch_table_gives_the_cpu_time_beside_the_wall_time_and_its_marginal_cost()
    {
        var batch = new BatchFigures(5, 25);
        batch.DocGenSmall.Add(new ChildRun(1000, 1, 1300));
        batch.DocGenLarge.Add(new ChildRun(1500, 1, 2300)); // 25 ms of wall, 50 ms of CPU a report: both cores
        batch.OfficeSmall.Add(new ChildRun(3000, 1, 2900));
        batch.OfficeLarge.Add(new ChildRun(13000, 1, 12900)); // 500 ms of wall and of CPU
        var machine = new Machine(2, 1024, "Linux", ".NET", "LibreOffice");
        var md = BenchReport.Write("docgen bench", machine, "1 1 1", "1 1 1", 1, batch, null);
        Assert.Contains("| DocGen ms | DocGen CPU ms |", md);
        Assert.Contains("| batch of 5 reports, one process (`docgen render` / one `soffice` call) | 1000 | 1300 | 0 | 3000 | 2900 | 0 | 3.0× |", md);
        Assert.Contains("/ 20 | 25 | 50 | | 500 | 500 | | **20×** |", md);
    }

    [Fact]
    public void Service_targets_read_the_first_report_the_steady_memory_and_the_p99_at_20_clients()
    {
        var fast = Enumerable.Repeat(100.0, 99).Append(1200).ToArray();
        var levels = new[]
        {
            new LoadLevel(1, 6, [50, 60], 0, null, 200 * 1024),
            new LoadLevel(20, 6, fast, 0, null, 260 * 1024),
        };
        var service = new ServiceFigures([new StartRun(800, 1400, null)], new LoadLevel(2, 5, [500], 0, null, 900 * 1024), levels, 900 * 1024);
        var targets = BenchReport.Targets(null, service).ToList();
        Assert.Equal(("1400 ms", true), (targets[0].Measured, targets[0].Met));
        // The warm-up's memory is not steady; the levels' largest is, and it is over 250 MB.
        Assert.Equal(("260 MB", false), (targets[1].Measured, targets[1].Met));
        Assert.Equal(("100 ms", true), (targets[2].Measured, targets[2].Met));
        var withFailures = service with { Levels = [levels[0], levels[1] with { Failures = 1 }] };
        var last = BenchReport.Targets(null, withFailures).Last();
        Assert.Equal(("100 ms, 1 failed", false), (last.Measured, last.Met));
    }

    [Fact]
    public void The_first_report_target_is_judged_by_the_median_of_the_starts_and_says_how_many_were_over()
    {
        // Three fast starts and two slow ones (one exactly at the bar counts as over): the median is fast.
        StartRun[] starts = [new(600, 900, null), new(2900, 3400, null), new(700, 1000, null), new(1300, 1500, null), new(650, 950, null)];
        var service = new ServiceFigures(starts, new LoadLevel(2, 5, [100], 0, null, 1024), [], 1024);
        Assert.Equal(1000, service.FirstReportMs);
        Assert.Equal(700, service.HealthyMs);
        Assert.Equal(2, service.StartsOverTarget);
        var first = BenchReport.Targets(null, service).First();
        Assert.Equal(("1000 ms (median of 5 starts; 2 over 1.5 s)", true), (first.Measured, first.Met));

        // Slow in the median: not met, however fast the best start was.
        var slow = service with { Starts = [new(600, 900, null), new(2900, 3400, null), new(2000, 2600, null)] };
        Assert.Equal(("2600 ms (median of 3 starts; 2 over 1.5 s)", false), (BenchReport.Targets(null, slow).First().Measured, BenchReport.Targets(null, slow).First().Met));
    }

    [Fact]
    public void The_service_section_lists_every_start_with_its_cost()
    {
        StartRun[] starts = [new(600, 900, new ProcessCost(1200, 0, 0)), new(2900, 3400, new ProcessCost(1900, 812, 30_000) { CpuWaitMs = 2500 }), new(700, 1000, null)];
        var service = new ServiceFigures(starts, new LoadLevel(2, 5, [100], 0, null, 1024), [], 200 * 1024);
        var md = BenchReport.Write("docgen bench", new Machine(2, 1024, "Linux", ".NET", null), "1 1 1", "1 1 1", 1, null, service);
        Assert.Contains("Service, 3 starts (", md);
        Assert.Contains("first healthy `/api/health` 700 (600–2900) ms after process start, first report's 201 1000 (900–3400) ms after it, median (min–max); 1 of 3 over 1.5 s.", md);
        Assert.Contains("| 1 | 600 | 900 | 1200 | 0 | 0 | 0 |", md);
        Assert.Contains("| 2 | 2900 | 3400 | 1900 | 2500 | 812 | 30000 |", md);
        Assert.Contains("| 3 | 700 | 1000 | – | – | – | – |", md);
    }
}
