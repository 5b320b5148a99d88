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

internal sealed record ServiceFigures(double HealthyMs, double FirstReportMs, LoadLevel Warmup, IReadOnlyList<LoadLevel> Levels, long PeakKb);

/// <summary>
/// The published service, standalone on Kestrel with its defaults but for a free loopback port, a folder store in
/// a temporary folder and one agency key per agency of the derived reports. Times from process start to the first
/// healthy /api/health and to the first report's 201; then distinct reports posted by 1, 4, 16, 20 clients.
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
        int port = FreePort();
        var psi = PublishedBuild.Start(service, [], Directory.CreateDirectory(Path.Combine(work, "service")).FullName);
        psi.Environment[Env(ServiceSettings.Port)] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment[Env(ServiceSettings.ListenAddress)] = "127.0.0.1";
        psi.Environment[Env(StorageSettings.Root)] = Path.Combine(work, "service", "store");
        psi.Environment[Env(ServiceSettings.AgencyKeys)] = string.Join(';', _deriver.Agencies.Select((a, i) => $"{a}={Key}{i}"));
        var baseUri = new Uri($"http://127.0.0.1:{port}/{ApiPaths.Prefix}/");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };

        Console.Error.WriteLine($"bench: service on 127.0.0.1:{port}");
        Prepare(options.WarmupSeconds, 0);
        var clock = Stopwatch.StartNew();
        using var process = ChildProcess.Start(psi);
        var log = new ProcessLog(process);
        using var memory = new PeakMemory(process.Id, tree: false);
        try
        {
            double healthy = WaitHealthy(http, process, log, clock);
            var (status, problem) = Post(http, 0).GetAwaiter().GetResult();
            if (status != HttpStatusCode.Created)
                throw new CliException("BENCH_SERVICE_FAILED", $"服务对第一份报告答复{(int)status}（应为201）：{problem}");
            double firstReport = clock.Elapsed.TotalMilliseconds;
            Console.Error.WriteLine($"bench: healthy after {healthy:0} ms, first report after {firstReport:0} ms");

            var warmup = Load(http, process.Id, 2, options.WarmupSeconds);
            var levels = new List<LoadLevel>();
            foreach (int clients in options.Clients)
            {
                Prepare(options.Seconds, levels.Prepend(warmup).Max(l => l.PerSecond));
                Console.Error.WriteLine($"bench: {clients} clients for {options.Seconds:0} s");
                levels.Add(Load(http, process.Id, clients, options.Seconds));
            }
            return new ServiceFigures(healthy, firstReport, warmup, levels, memory.Stop());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
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
