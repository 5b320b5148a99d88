using System.Globalization;
using System.Text;

namespace DocGen.Cli.Commands.Bench;

/// <summary>Writes the figures of a run as Markdown: the machine and its load, the issue's targets, then each case.</summary>
internal static class BenchReport
{
    public static string Write(string command, Machine machine, string loadStart, string loadEnd, double minutes,
        BatchFigures? batch, ServiceFigures? service, FloorFigures? floor = null)
    {
        var md = new StringBuilder();
        string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        md.AppendLine(Line($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `{command}`, {minutes:0.0} min."));
        md.AppendLine();
        md.AppendLine(Line($"Machine: {machine}. Load average (1, 5, 15 min) at start {loadStart}, at end {loadEnd}."));
        md.AppendLine();
        md.AppendLine("| target (issue 12) | measured | met |");
        md.AppendLine("|---|---:|:---:|");
        foreach (var (target, measured, met) in Targets(batch, service, floor))
            md.AppendLine($"| {target} | {measured} | {(met is null ? "–" : met.Value ? "yes" : "**no**")} |");
        if (batch is not null) Batch(md, batch);
        if (service is not null) Service(md, service);
        if (floor is not null) Floor(md, floor);
        return md.ToString();
    }

    public static IEnumerable<(string Target, string Measured, bool? Met)> Targets(BatchFigures? batch, ServiceFigures? service, FloorFigures? floor = null)
    {
        if (floor is not null)
            yield return (string.Create(CultureInfo.InvariantCulture, $"floor: CPU a report of the work the bytes fix (hb-subset, deflate) within the {FloorFigures.BudgetMs:0} ms that 20× allows on 2 cores"),
                string.Create(CultureInfo.InvariantCulture, $"{floor.FloorMsPerReport:0.0} ms (faces preprocessed: {floor.PreprocessedFloorMsPerReport:0.0} ms)"),
                floor.FloorMsPerReport <= FloorFigures.BudgetMs);
        if (batch is not null && !batch.DocGenLarge.Empty && !batch.OfficeLarge.Empty)
        {
            double ratio = MarginalRatio(batch);
            yield return ("marginal cost of a report in a batch ≥ 20× below LibreOffice's (goal 50×)", Times(ratio), ratio >= 20);
        }
        if (batch is not null && !batch.DocGenOne.Empty && !batch.OfficeOne.Empty)
        {
            double ratio = Stats.Median(batch.OfficeOne.Milliseconds) / Stats.Median(batch.DocGenOne.Milliseconds);
            yield return ("one-shot `docgen render` of one report ≥ 4× faster than one `soffice` conversion", Times(ratio), ratio >= 4);
        }
        if (service is null) yield break;
        int n = service.Starts.Count;
        string over = n == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" (median of {n} starts; {service.StartsOverTarget} over 1.5 s)");
        yield return ("service: first report (201) < 1.5 s after process start", Ms(service.FirstReportMs) + over, service.FirstReportMs < ServiceFigures.FirstReportTargetMs);
        long steady = service.Levels.Count == 0 ? 0 : service.Levels.Max(l => l.MaxRssKb);
        yield return ("service: steady RSS < 250 MB (largest VmRSS during the timed levels)", Mb(steady), steady < 250 * 1024);
        if (service.Levels.FirstOrDefault(l => l.Clients == 20) is { LatenciesMs.Count: > 0 } twenty)
        {
            double p99 = Stats.Percentile(twenty.LatenciesMs, 99);
            string failures = twenty.Failures == 0 ? "" : $", {twenty.Failures} failed";
            yield return ("service: 20 concurrent clients, p99 < 1 s", Ms(p99) + failures, p99 < 1000 && twenty.Failures == 0);
        }
    }

    /// <summary>LibreOffice's marginal cost over DocGen's, each the median of the repetitions' marginal costs.</summary>
    private static double MarginalRatio(BatchFigures b) =>
        Stats.Median(Series.Marginals(b.OfficeSmall, b.Small, b.OfficeLarge, b.Large)) / Stats.Median(Series.Marginals(b.DocGenSmall, b.Small, b.DocGenLarge, b.Large));

    private static void Batch(StringBuilder md, BatchFigures b)
    {
        md.AppendLine();
        md.AppendLine("Wall time of a process from start to exit, ms: median (min–max) of the repetitions; CPU is its user + system time (of soffice and the soffice.bin it waits for), so CPU above wall is work run on both cores side by side; peak RSS is the largest VmHWM of the process (LibreOffice: of soffice.bin).");
        md.AppendLine();
        md.AppendLine("| case | DocGen ms | DocGen CPU ms | DocGen peak MB | LibreOffice ms | LibreOffice CPU ms | LibreOffice peak MB | LibreOffice ÷ DocGen |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        string Or(Series s, Func<Series, string> figure) => s.Empty ? "–" : figure(s);
        void Row(string name, Series d, Series o)
        {
            if (d.Empty) return;
            string ratio = o.Empty ? "–" : Times(Stats.Median(o.Milliseconds) / Stats.Median(d.Milliseconds));
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Stats.Summary(d.Milliseconds)} | {Stats.Summary(d.CpuMilliseconds)} | {d.PeakMb:0} | {Or(o, s => Stats.Summary(s.Milliseconds))} | {Or(o, s => Stats.Summary(s.CpuMilliseconds))} | {Or(o, s => s.PeakMb.ToString("0", CultureInfo.InvariantCulture))} | {ratio} |"));
        }
        Row($"batch of {b.Small} reports, one process (`docgen render` / one `soffice` call)", b.DocGenSmall, b.OfficeSmall);
        Row($"batch of {b.Large} reports, one process", b.DocGenLarge, b.OfficeLarge);
        if (!b.DocGenLarge.Empty)
        {
            var d = Series.Marginals(b.DocGenSmall, b.Small, b.DocGenLarge, b.Large);
            var dCpu = Series.CpuMarginals(b.DocGenSmall, b.Small, b.DocGenLarge, b.Large);
            bool office = !b.OfficeLarge.Empty;
            string o = office ? Stats.Summary(Series.Marginals(b.OfficeSmall, b.Small, b.OfficeLarge, b.Large)) : "–";
            string oCpu = office ? Stats.Summary(Series.CpuMarginals(b.OfficeSmall, b.Small, b.OfficeLarge, b.Large)) : "–";
            string ratio = office ? Times(MarginalRatio(b)) : "–";
            md.AppendLine($"| **one more report in a batch** (T({b.Large}) − T({b.Small})) / {b.Large - b.Small} | {Stats.Summary(d)} | {Stats.Summary(dCpu)} | | {o} | {oCpu} | | **{ratio}** |");
        }
        Row("**one report, fresh process** (one-shot)", b.DocGenOne, b.OfficeOne);
    }

    private static void Service(StringBuilder md, ServiceFigures s)
    {
        md.AppendLine();
        var healthy = s.Starts.Select(r => r.HealthyMs).ToList();
        var first = s.Starts.Select(r => r.FirstReportMs).ToList();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Service, {s.Starts.Count} starts (each a fresh process with an empty store, stopped before the next; the last one runs the load levels): first healthy `/api/health` {Stats.Summary(healthy)} ms after process start, first report's 201 {Stats.Summary(first)} ms after it, median (min–max); {s.StartsOverTarget} of {s.Starts.Count} over 1.5 s. Peak RSS (VmHWM) of the last process over its run {s.PeakKb / 1024.0:0} MB."));
        md.AppendLine();
        md.AppendLine("At the 201: the process's CPU time, the time its threads waited for a CPU (ready to run, summed over threads), its major page faults and what it read from the disk rather than the page cache.");
        md.AppendLine();
        md.AppendLine("| start | health ms | first 201 ms | CPU ms | waited for a CPU ms | major page faults | read from disk kB |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < s.Starts.Count; i++)
        {
            var r = s.Starts[i];
            string cost = r.Cost is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c.CpuMs:0} | {c.CpuWaitMs:0} | {c.MajorFaults} | {c.DiskReadKb}") : "– | – | – | –";
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {r.HealthyMs:0} | {r.FirstReportMs:0} | {cost} |"));
        }
        md.AppendLine();
        md.AppendLine("| clients | seconds | reports (201) | failures | reports/s | p50 ms | p99 ms | max ms | max RSS MB |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        void Row(string name, LoadLevel l)
        {
            bool any = l.LatenciesMs.Count > 0;
            string P(double p) => any ? Stats.Percentile(l.LatenciesMs, p).ToString("0", CultureInfo.InvariantCulture) : "–";
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {l.Seconds:0.0} | {l.LatenciesMs.Count} | {l.Failures} | {l.PerSecond:0.0} | {P(50)} | {P(99)} | {P(100)} | {l.MaxRssKb / 1024.0:0} |"));
        }
        Row($"{s.Warmup.Clients} (warm-up, right after the first report)", s.Warmup);
        foreach (var level in s.Levels) Row(level.Clients.ToString(CultureInfo.InvariantCulture), level);
        foreach (var failed in s.Levels.Prepend(s.Warmup).Where(l => l.FirstFailure is not null))
            md.AppendLine().AppendLine($"First failure at {failed.Clients} clients: {failed.FirstFailure}");
        foreach (var ended in s.Levels.Prepend(s.Warmup).Where(l => l.Exhausted))
            md.AppendLine().AppendLine($"At {ended.Clients} clients the prepared reports ran out before the time was up; the level ended early.");
    }

    private static void Floor(StringBuilder md, FloorFigures f)
    {
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Floor, in this process: {f.Reports} derived reports rendered one after another on one thread by a fresh renderer, the PDF then the .docx ({f.RenderCpuMs / f.Reports:0.0} ms of CPU a report for both, compiled code warmed by 3 renders of its own), every hb-subset request and deflate of its PDFs and every zip entry of its .docx files kept, then those {f.Calls} calls made again alone {f.Rounds} times, on the thread's CPU clock; median (min–max) of the replays. {(f.Mismatches == 0 ? "Every replayed call gave the same bytes as in the render." : $"**{f.Mismatches} replayed calls gave other bytes than the render's.**")}"));
        md.AppendLine();
        md.AppendLine("| part | calls | input | output KB | CPU inside the renders ms | CPU replayed ms | replayed, a report ms | faces preprocessed, a report ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in f.Parts)
        {
            string input = p.Name.StartsWith(FloorBench.SubsetPrefix, StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{p.InputSize} glyphs")
                : string.Create(CultureInfo.InvariantCulture, $"{p.InputSize / 1024.0:0} KB");
            string inside = double.IsNaN(p.RecordedMs) ? "–" : p.RecordedMs.ToString("0.0", CultureInfo.InvariantCulture);
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Name} | {p.Calls} | {input} | {p.OutputBytes / 1024.0:0} | {inside} | {Stats.Summary(p.ReplayedMs, "0.0")} | {Stats.Median(p.ReplayedMs) / f.Reports:0.00} | {(p.PreprocessedMs.Count == 0 ? "" : (Stats.Median(p.PreprocessedMs) / f.Reports).ToString("0.00", CultureInfo.InvariantCulture))} |"));
        }
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| **floor, a report** (parts a cache could skip left out) | | | | | | **{f.FloorMsPerReport:0.00}** of {FloorFigures.BudgetMs:0} | **{f.PreprocessedFloorMsPerReport:0.00}** |"));
        md.AppendLine();
        md.AppendLine("Where the renders' CPU went, a report (the fixed work above is inside these):");
        md.AppendLine();
        md.AppendLine("| phase | CPU a report ms |");
        md.AppendLine("|---|---:|");
        foreach (var (phase, ms) in f.Phases) md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {ms / f.Reports:0.0} |"));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| the rest (plans, PDF model, the writers' set-up) | {(f.RenderCpuMs - f.Phases.Sum(p => p.Value)) / f.Reports:0.0} |"));
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"The last column: the same subsets from faces run through `hb_subset_preprocess` first (the service's option, same bytes), which took {f.PreprocessCpuMs / 1000:0.0} s of CPU for the {f.PreprocessedFaces} faces, once a process, not counted in it."));
    }

    private static string Times(double ratio) => ratio.ToString(ratio < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + "×";
    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
    private static string Mb(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
