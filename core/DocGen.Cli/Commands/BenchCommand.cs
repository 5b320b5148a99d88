using System.CommandLine;
using System.Diagnostics;
using DocGen.Cli.Commands.Bench;
using DocGen.Core.Model;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen bench`: DocGen against LibreOffice like for like, on distinct reports derived from the samples, with the
/// published builds: the marginal cost of a report in a batch, one report in a fresh process, and the service's cold
/// start and throughput; peak memory of each; the floor the output bytes set (in this process); a Markdown table. `--hashes` instead prints the SHA-256 of each
/// sample's outputs, to show a speed change leaves the bytes alone.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "作为基准的报告JSON文件（默认templates/samples/*.json）", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "把结果（Markdown）另存为文件" };
        var cases = new Option<string>("--cases") { Description = "测哪些：batch、oneshot、service、floor（本进程内：输出字节所定的hb-subset与deflate的CPU下限），逗号分隔", DefaultValueFactory = _ => "all" };
        var batch = new Option<string>("--batch") { Description = "两个批量的报告数，差值给出每多一份报告的边际成本", DefaultValueFactory = _ => "5,25" };
        var repeat = new Option<int>("--repeat", "-r") { Description = "DocGen与LibreOffice交替运行的轮数", DefaultValueFactory = _ => 3 };
        var starts = new Option<int>("--starts") { Description = "服务冷启动的次数（每次一个新进程，计到第一份报告；取中位数）", DefaultValueFactory = _ => 5 };
        var clients = new Option<string>("--clients") { Description = "服务的并发客户端数", DefaultValueFactory = _ => "1,4,16,20" };
        var seconds = new Option<double>("--seconds") { Description = "每个并发数持续的秒数", DefaultValueFactory = _ => 6 };
        var warmup = new Option<double>("--warmup") { Description = "第一份报告之后、计时之前的预热秒数（单独列出）", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "派生报告的随机种子（同一种子得到同样的报告）", DefaultValueFactory = _ => 1 };
        var noOffice = new Option<bool>("--no-libreoffice") { Description = "不运行LibreOffice" };
        var docgen = new Option<string?>("--docgen") { Description = "已发布的docgen（可执行文件或.dll）；默认先dotnet publish -c Release" };
        var service = new Option<string?>("--service") { Description = "已发布的DocGen.Functions（可执行文件或.dll）；默认先dotnet publish -c Release" };
        var native = new Option<bool>("--native") { Description = "把docgen发布为原生程序（Native AOT，需要clang）再计时；默认ReadyToRun" };
        var hashes = new Option<bool>("--hashes") { Description = "不计时：列出每个报告.docx与PDF的SHA-256（sha256sum格式），用于确认优化不改变输出" };
        var command = new Command("bench", "性能基准：与LibreOffice同条件对比（批量边际成本、单次进程、服务冷启动与吞吐），输出Markdown表格")
        {
            files, output, cases, batch, repeat, starts, clients, seconds, warmup, seed, noOffice, docgen, service, native, hashes,
        };
        command.SetAction(parse =>
        {
            var reports = ReadReports(parse.GetValue(files)!);
            if (parse.GetValue(hashes)) return SampleHashes.Run(reports, parse.GetValue(output));
            var (small, large) = BenchOptions.ParseBatch(parse.GetValue(batch)!);
            var options = new BenchOptions
            {
                Cases = BenchOptions.ParseCases(parse.GetValue(cases)!),
                Small = small,
                Large = large,
                Repeat = Positive(parse.GetValue(repeat), "--repeat"),
                Starts = Positive(parse.GetValue(starts), "--starts"),
                Clients = BenchOptions.ParseCounts(parse.GetValue(clients)!, "--clients"),
                Seconds = Positive(parse.GetValue(seconds), "--seconds"),
                WarmupSeconds = Math.Max(0, parse.GetValue(warmup)),
                Seed = parse.GetValue(seed),
                LibreOffice = !parse.GetValue(noOffice),
                DocGen = parse.GetValue(docgen),
                Native = parse.GetValue(native),
                Service = parse.GetValue(service),
            };
            return Run(options, reports.Select(r => r.Report).ToArray(), parse.GetValue(output));
        });
        return command;
    }

    private static int Run(BenchOptions options, Report[] samples, string? output)
    {
        var clock = Stopwatch.StartNew();
        string loadStart = ProcStatus.LoadAverage();
        var machine = Machine.Describe();
        if (machine.LibreOffice is null && options.LibreOffice)
        {
            Console.Error.WriteLine("bench: soffice not found, LibreOffice is not measured");
            options = options with { LibreOffice = false };
        }
        var deriver = new ReportDeriver(samples, options.Seed);
        bool processes = options.Cases.HasFlag(BenchCases.Batch) || options.Cases.HasFlag(BenchCases.OneShot);
        bool serviceCase = options.Cases.HasFlag(BenchCases.Service);
        string? root = (processes && options.DocGen is null) || (serviceCase && options.Service is null) ? PublishedBuild.RepoRoot() : null;
        string? docgen = processes ? options.DocGen ?? PublishedBuild.Publish(root!, Path.Combine("core", "DocGen.Cli"), "docgen", options.Native) : null;
        string? service = serviceCase
            ? options.Service ?? PublishedBuild.Publish(root!, Path.Combine("functions", "DocGen.Functions"), "DocGen.Functions")
            : null;

        var work = Directory.CreateTempSubdirectory("docgen-bench-");
        try
        {
            var batch = docgen is null ? null : BatchBench.Run(options, docgen, deriver, work.FullName);
            var figures = service is null ? null : ServiceBench.Run(options, service, deriver, work.FullName);
            var floor = options.Cases.HasFlag(BenchCases.Floor) ? FloorBench.Run(options, deriver) : null;
            string command = "docgen " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            string md = BenchReport.Write(command, machine, loadStart, ProcStatus.LoadAverage(), clock.Elapsed.TotalMinutes, batch, figures, floor);
            Console.Write(md);
            if (output is not null) OutputFile.WriteText(output, md);
            return ExitCodes.Ok;
        }
        finally
        {
            try { work.Delete(true); } catch (IOException) { }
        }
    }

    private static List<(string Name, Report Report)> ReadReports(string[] files)
    {
        string samples = Path.Combine("templates", "samples");
        if (files.Length == 0 && Directory.Exists(samples)) files = Directory.GetFiles(samples, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new CliException("BENCH_NO_REPORTS", "没有报告：请在仓库根目录运行，或给出报告JSON文件");
        var reports = new List<(string, Report)>();
        foreach (var file in files)
        {
            var report = InputFile.ReadReport(file, out var errors);
            if (report is null)
            {
                foreach (var e in errors) CliOutput.Finding(file, e);
                throw new CliException("BENCH_UNREADABLE", $"无法读取“{file}”");
            }
            reports.Add((Path.GetFileNameWithoutExtension(file), report));
        }
        return reports;
    }

    private static T Positive<T>(T value, string option) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new CliException("USAGE", $"{option}应为正数");
}
