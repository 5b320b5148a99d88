using System.Diagnostics;
using DocGen.Storage.Tests;

namespace DocGen.Functions.Tests;

/// <summary>
/// The standalone server as its own process, as it is deployed: it can be killed with SIGKILL, and nothing of the test
/// process (other tests' hosts and their telemetry) is shared with it.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly int _port;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        _port = port;
    }

    public static async Task<ServerProcess> StartAsync(string data, IReadOnlyDictionary<string, string>? environment = null)
    {
        int port = AzuriteFixture.FreeLoopbackPort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = data };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocGen.Functions.dll"));
        psi.Environment[ServiceSettings.Port] = port.ToString();
        psi.Environment["DocGen__Storage__Root"] = data;
        psi.Environment["DocGen__Auth__AgencyKeys"] = $"{RunningService.AgencyA}={RunningService.KeyA}";
        psi.Environment["DocGen__Fonts__Preprocess"] = "false";
        // The tests post as fast as the server answers; the per-key rate limit is LoadLimitTests' subject.
        psi.Environment["DocGen__Limits__RequestsPerMinute"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port);
        using var probe = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(60);)
        {
            try
            {
                if ((await probe.GetAsync("/api/health")).IsSuccessStatusCode) return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (process.HasExited) throw new InvalidOperationException($"server exited with {process.ExitCode}");
            await Task.Delay(100);
        }
        server.Dispose();
        throw new TimeoutException("server did not start");
    }

    public Uri Address => new($"http://127.0.0.1:{_port}");

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-api-key", RunningService.KeyA);
        return client;
    }

    /// <summary>
    /// SIGTERM, as the platform stops an instance: the host shuts down, its hosted services stop and OpenTelemetry's
    /// providers send what is pending. Waits for the process to exit.
    /// </summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (_process.HasExited) return;
        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString() } })!)
            await term.WaitForExitAsync();
        using var wait = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a crash or the OOM killer would.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
