using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DocGen.Core.Json;
using DocGen.Functions;
using DocGen.Functions.Api;
using DocGen.Storage;

namespace DocGen.Cli.Commands.Bench;

/// <summary>One load level: how many requests finished in how long, their latencies, and the resident memory meanwhile.</summary>
internal sealed record LoadLevel(int Clients, double Seconds, IReadOnlyList<double> LatenciesMs, int Failures, string? FirstFailure, long MaxRssKb)
{
    /// <summary>The level ran out of prepared reports before its time was up (it then ends early).</summary>
    public bool Exhausted { get; init; }

    public double PerSecond => LatenciesMs.Count / Seconds;
}

/// <summary>
/// One start of the service: milliseconds from process start to the first healthy /api/health and to the first
/// report's 201, and what the process had cost at that 201 (CPU, major faults, disk reads: a start that read its
/// code and fonts from the disk rather than the page cache shows it here).
/// </summary>
internal sealed record StartRun(double HealthyMs, double FirstReportMs, ProcessCost? Cost);

/// <summary>The starts (the last one went on to the load levels), the levels and the peak memory of that last process.</summary>
internal sealed record ServiceFigures(IReadOnlyList<StartRun> Starts, LoadLevel Warmup, IReadOnlyList<LoadLevel> Levels, long PeakKb)
{
    /// <summary>The bar for the first report after start.</summary>
    public const double FirstReportTargetMs = 1500;

    public double HealthyMs => Stats.Median(Starts.Select(s => s.HealthyMs).ToList());
    /// <summary>The median of the starts: one start is no figure, starts vary (0.6–7 s seen on one machine).</summary>
    public double FirstReportMs => Stats.Median(Starts.Select(s => s.FirstReportMs).ToList());
    public int StartsOverTarget => Starts.Count(s => s.FirstReportMs >= FirstReportTargetMs);
}

/// <summary>
/// The published service, standalone on Kestrel with its defaults but for a free loopback port, a folder store in
/// a temporary folder and one agency key per agency of the derived reports. Started <see cref="BenchOptions.Starts"/>
/// times, each a fresh process with an empty store, stopped before the next: times from process start to the first
/// healthy /api/health and to the first report's 201. The last start goes on: distinct reports posted by 1, 4, 16,
/// 20 clients.
/// </summary>
internal sealed class ServiceBench
{
    private const string Key = "bench-key-";
    private readonly ReportDeriver _deriver;
    private readonly List<byte[]> _bodies = [];
    private int _next;

    private ServiceBench(ReportDeriver deriver) => _deriver = deriver;

    public static ServiceFigures Run(BenchOptions options, string service, ReportDeriver deriver, string work) =>
        new ServiceBench(deriver).Run(options, service, work);

    /// <summary>
    /// Serialises enough new reports for a level before it starts, so the clients spend no CPU on it while timed:
    /// four times the best rate seen so far (at first 40 a second), at least 50.
    /// </summary>
    private void Prepare(double seconds, double bestRate)
    {
        int wanted = _next + 1 + Math.Max(50, (int)Math.Ceiling(seconds * Math.Max(40, 4 * bestRate)));
        while (_bodies.Count < wanted) _bodies.Add(ReportJsonWriter.Write(_deriver.Derive(_bodies.Count)));
    }

    private string KeyOf(int index) => Key + (index % _deriver.Agencies.Count);

    private ServiceFigures Run(BenchOptions options, string service, string work)
    {
        Prepare(options.WarmupSeconds, 0);
        var starts = new List<StartRun>();
        for (int i = 0; ; i++)
        {
            bool last = i == options.Starts - 1;
            using var started = Start(service, work, i);
            try
            {
                var run = FirstReport(started);
                starts.Add(run);
                Console.Error.WriteLine($"bench: start {i + 1}/{options.Starts}: healthy after {run.HealthyMs:0} ms, first report after {run.FirstReportMs:0} ms"
                    + (run.Cost is { } c ? $" ({c.CpuMs:0} ms CPU, {c.MajorFaults} major faults, {c.DiskReadKb} kB from disk)" : ""));
                if (!last) continue;

                var warmup = Load(started.Http, started.Process.Id, 2, options.WarmupSeconds);
                var levels = new List<LoadLevel>();
                foreach (int clients in options.Clients)
                {
                    Prepare(options.Seconds, levels.Prepend(warmup).Max(l => l.PerSecond));
                    Console.Error.WriteLine($"bench: {clients} clients for {options.Seconds:0} s");
                    levels.Add(Load(started.Http, started.Process.Id, clients, options.Seconds));
                }
                return new ServiceFigures(starts, warmup, levels, started.Memory.Stop());
            }
            finally
            {
                started.Stop();
            }
        }
    }

    /// <summary>A started service process, its client and its memory watch; <see cref="Stop"/> kills it and waits.</summary>
    private sealed class Started(Process process, HttpClient http, ProcessLog log, PeakMemory memory, Stopwatch clock) : IDisposable
    {
        public Process Process => process;
        public HttpClient Http => http;
        public ProcessLog Log => log;
        public PeakMemory Memory => memory;
        /// <summary>Started with the process: every time is from its start.</summary>
        public Stopwatch Clock => clock;

        public void Stop()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            Stop();
            memory.Dispose();
            http.Dispose();
            process.Dispose();
        }
    }

    /// <summary>Start <paramref name="index"/>: a fresh process on a free port with an empty store of its own.</summary>
    private Started Start(string service, string work, int index)
    {
        int port = FreePort();
        string folder = Directory.CreateDirectory(Path.Combine(work, "service", index.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        var psi = PublishedBuild.Start(service, [], folder);
        psi.Environment[Env(ServiceSettings.Port)] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment[Env(ServiceSettings.ListenAddress)] = "127.0.0.1";
        psi.Environment[Env(StorageSettings.Root)] = Path.Combine(folder, "store");
        psi.Environment[Env(ServiceSettings.AgencyKeys)] = string.Join(';', _deriver.Agencies.Select((a, i) => $"{a}={Key}{i}"));
        // No per-key rate limit (0): the bench measures rendering, and the default 120 a minute for each of its
        // agencies' keys would answer 429 once the service renders faster than the limit lets them post.
        psi.Environment[Env(ServiceSettings.RequestsPerMinute)] = "0";
        var baseUri = new Uri($"http://127.0.0.1:{port}/{ApiPaths.Prefix}/");
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        Console.Error.WriteLine($"bench: service on 127.0.0.1:{port}");
        var clock = Stopwatch.StartNew();
        var process = ChildProcess.Start(psi);
        return new Started(process, http, new ProcessLog(process), new PeakMemory(process.Id, tree: false), clock);
    }

    /// <summary>Waits for the first healthy answer, then posts report 0 (new to the empty store) and times its 201.</summary>
    private StartRun FirstReport(Started s)
    {
        double healthy = WaitHealthy(s.Http, s.Process, s.Log, s.Clock);
        var (status, problem) = Post(s.Http, 0).GetAwaiter().GetResult();
        double firstReport = s.Clock.Elapsed.TotalMilliseconds;
        var cost = ProcStatus.ReadCost(s.Process.Id);
        if (status != HttpStatusCode.Created)
            throw new CliException("BENCH_SERVICE_FAILED", $"服务对第一份报告答复{(int)status}（应为201）：{problem}");
        return new StartRun(healthy, firstReport, cost);
    }

    private static string Env(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    private static double WaitHealthy(HttpClient http, Process process, ProcessLog log, Stopwatch clock)
    {
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
                throw new CliException("BENCH_SERVICE_FAILED", $"服务启动后退出（退出码{process.ExitCode}）：{log.Tail()}");
            try
            {
                using var answer = http.GetAsync(ApiPaths.Health).GetAwaiter().GetResult();
                if (answer.StatusCode == HttpStatusCode.OK) return clock.Elapsed.TotalMilliseconds;
            }
            catch (HttpRequestException) { } // not listening yet
            Thread.Sleep(10);
        }
        throw new CliException("BENCH_SERVICE_FAILED", $"服务两分钟内未答复健康检查：{log.Tail()}");
    }

    /// <summary>Posts report <paramref name="index"/> with its agency's key; the status and, for a failure, the problem's body.</summary>
    private async Task<(HttpStatusCode Status, string? Problem)> Post(HttpClient http, int index)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiPaths.Reports) { Content = new ByteArrayContent(_bodies[index]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ApiKeys.Header, KeyOf(index));
        using var answer = await http.SendAsync(request);
        string body = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, answer.StatusCode == HttpStatusCode.Created ? null : body.Length > 300 ? body[..300] : body);
    }

    /// <summary>
    /// <paramref name="clients"/> loops, each posting the next distinct report as soon as its last one is answered, for
    /// <paramref name="seconds"/>; a request is counted when it started within the time. Anything but 201 is a failure
    /// (a 200 would mean a report was not new).
    /// </summary>
    private LoadLevel Load(HttpClient http, int pid, int clients, double seconds)
    {
        var latencies = new List<double>();
        int failures = 0;
        string? firstFailure = null;
        long maxRss = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        bool running = true, exhausted = false;
        var sampler = Task.Run(async () =>
        {
            while (Volatile.Read(ref running))
            {
                maxRss = Math.Max(maxRss, ProcStatus.ReadKb(pid, "VmRSS") ?? 0);
                await Task.Delay(100);
            }
        });
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < until)
            {
                int index = Interlocked.Increment(ref _next);
                if (index >= _bodies.Count)
                {
                    exhausted = true; // out of distinct reports: the level ends early, and says so
                    return;
                }
                var started = clock.Elapsed;
                var (status, problem) = await Post(http, index);
                double ms = (clock.Elapsed - started).TotalMilliseconds;
                lock (latencies)
                {
                    if (status == HttpStatusCode.Created) latencies.Add(ms);
                    else if (failures++ == 0) firstFailure = $"{(int)status} {problem}";
                }
            }
        })).ToArray();
        Task.WaitAll(loops);
        double elapsed = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref running, false);
        sampler.Wait();
        return new LoadLevel(clients, elapsed, latencies, failures, firstFailure, maxRss) { Exhausted = exhausted };
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The service's output, drained so it never blocks on a full pipe; the end is kept for error messages.</summary>
    private sealed class ProcessLog
    {
        private readonly System.Text.StringBuilder _text = new();

        public ProcessLog(Process process)
        {
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (_text)
            {
                _text.AppendLine(line);
                if (_text.Length > 8000) _text.Remove(0, _text.Length - 4000);
            }
        }

        public string Tail()
        {
            lock (_text) return _text.Length <= 600 ? _text.ToString().Trim() : "…" + _text.ToString()[^600..].Trim();
        }
    }
}
