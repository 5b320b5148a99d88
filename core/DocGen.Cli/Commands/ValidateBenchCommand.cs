using System.CommandLine;
using System.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen bench-validate`: how long validating a report with a very long narrative takes. The narrative is
/// the paragraphs of the given reports (default: the samples) repeated until it has the asked number of
/// paragraphs, put into the first section of the first report with tables, so the text is real published prose.
/// </summary>
internal static class ValidateBenchCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "报告JSON文件（默认templates/samples/*.json）", Arity = ArgumentArity.ZeroOrMore };
        var paragraphs = new Option<int>("--paragraphs", "-p") { Description = "正文段落数", DefaultValueFactory = _ => 20_000 };
        var iterations = new Option<int>("--iterations", "-n") { Description = "计时的次数", DefaultValueFactory = _ => 30 };
        var save = new Option<string?>("--save") { Description = "把所造的长篇报告另存为JSON（可用validate比较两个版本的结果）" };
        var command = new Command("bench-validate", "性能基准：校验长篇正文报告的时间") { files, paragraphs, iterations, save };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(paragraphs), parse.GetValue(iterations), parse.GetValue(save)));
        return command;
    }

    private static int Run(string[] files, int paragraphs, int iterations, string? save)
    {
        if (files.Length == 0) files = Directory.GetFiles(Path.Combine("templates", "samples"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var reports = new List<Report>();
        foreach (var file in files)
        {
            var report = InputFile.ReadReport(file, out var errors);
            if (report is null)
            {
                foreach (var e in errors) CliOutput.Finding(file, e);
                return ExitCodes.Unreadable;
            }
            reports.Add(report);
        }
        var pool = reports.SelectMany(r => r.Preface.Concat(r.Sections.SelectMany(s => s.Blocks))).SelectMany(Leaves).ToArray();
        // The host is a report with tables, so the checks that compare the text with the tables run.
        var first = reports.FirstOrDefault(r => r.Tables.Count > 0 && r.Sections.Count > 0) ?? reports[0];
        if (pool.Length == 0 || first.Sections.Count == 0)
        {
            CliOutput.Error("NO_NARRATIVE", "所给报告没有正文段落");
            return ExitCodes.Unreadable;
        }
        var blocks = Enumerable.Range(0, paragraphs).Select(i => pool[i % pool.Length]).ToArray();
        var sections = first.Sections.ToArray();
        sections[0] = sections[0] with { Blocks = blocks };
        var big = first with { Sections = sections };
        long chars = blocks.Sum(b => b is Point p ? p.Lead.Length + p.Text.Length : ((Paragraph)b).Text.Length);

        if (save is not null) OutputFile.Write(save, Core.Json.ReportJsonWriter.Write(big));
        var options = new ValidationOptions { Today = new DateOnly(big.Year + 1, 6, 1) };
        var warm = ReportValidator.Validate(big, options); // warm-up: jit, caches
        int findings = warm.Count;
        string byCode = string.Join(", ", warm.GroupBy(f => f.Code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        string hash = FindingsHash(warm);
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var process = Process.GetCurrentProcess();
        long allocated = 0;
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var paused = GC.GetTotalPauseDuration();
        for (int i = 0; i < iterations; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            ReportValidator.Validate(big, options);
            sw.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        // Collections of each generation (a gen1 is counted in gen0 too) and the time paused for them, per run.
        string gc = string.Join("/", Enumerable.Range(0, 3).Select(g => $"{(GC.CollectionCount(g) - collections[g]) / (double)iterations:0.0}"));
        double pause = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / iterations;
        times.Sort();
        cpuTimes.Sort();
        Console.WriteLine($"{paragraphs} paragraphs, {chars} characters, {findings} findings ({byCode}; SHA-256 {hash}); {iterations} runs: " +
                          $"median {times[times.Count / 2]:0.00} ms, min {times[0]:0.00} ms, CPU time median {cpuTimes[cpuTimes.Count / 2]:0.0} ms, allocated {allocated / 1048576.0:0.0} MB per run, " +
                          $"GCs per run (gen0/1/2) {gc}, GC pause {pause:0.0} ms per run");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The findings' JSON, every field, in the order they are reported: two builds that print the same hash give the
    /// same findings (the 20,000-paragraph report is over the size `validate` reads, so it cannot be compared that way).
    /// </summary>
    private static string FindingsHash(IReadOnlyList<Finding> findings)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var f in findings)
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(FindingJson.Serialize(FindingJson.ToJson(f)) + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static IEnumerable<Block> Leaves(Block block) => block switch
    {
        Subsection s => s.Blocks.SelectMany(Leaves),
        _ => [block],
    };
}
