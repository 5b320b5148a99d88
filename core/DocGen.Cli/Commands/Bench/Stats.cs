using System.Globalization;

namespace DocGen.Cli.Commands.Bench;

/// <summary>The arithmetic of the bench: medians, percentiles and the marginal cost of one more report in a batch.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        if (percent is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent));
        var sorted = values.Order().ToArray();
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>
    /// What one more report costs in a batch: the time of a batch of <paramref name="k2"/> less that of <paramref name="k1"/>,
    /// over the reports added. Start-up, font loading and the JIT's first pass cancel out.
    /// </summary>
    public static double Marginal(int k1, double t1, int k2, double t2)
    {
        if (k2 <= k1) throw new ArgumentException($"the larger batch ({k2}) must hold more reports than the smaller ({k1})");
        return (t2 - t1) / (k2 - k1);
    }

    /// <summary>Median with the range of the runs, e.g. "512 (480–530)"; the value alone for one run.</summary>
    public static string Summary(IReadOnlyList<double> values, string format = "0")
    {
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return values.Count == 1 ? F(values[0]) : $"{F(Median(values))} ({F(values.Min())}–{F(values.Max())})";
    }
}
