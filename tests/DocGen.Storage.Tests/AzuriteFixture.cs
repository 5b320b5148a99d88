using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;

namespace DocGen.Storage.Tests;

/// <summary>
/// Gives the Azure tests a running Azurite blob service.
/// <list type="number">
/// <item>If the environment variable <c>DOCGEN_TEST_AZURITE</c> holds a connection string, that service is used.</item>
/// <item>Otherwise <c>azurite-blob</c> is looked up on PATH, then in <c>.tools/node_modules/.bin/</c> and
/// <c>node_modules/.bin/</c> of the test directory and each of its parents (install it with
/// <c>npm install --prefix .tools azurite@3.37.0</c> at the repository root), and started on a free loopback port
/// with a temporary folder, <c>--skipApiVersionCheck --loose --silent --disableTelemetry</c>; it is stopped at the end.</item>
/// <item>If it cannot be found or does not answer, every Azure test fails with the reason: never skipped.</item>
/// </list>
/// A subclass may start its own Azurite with other options (<see cref="ExtraArguments"/>) and its own client options.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "DOCGEN_TEST_AZURITE";

    // The well-known development account of the storage emulator (public, documented, not a secret).
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private string? _folder;
    private readonly StringBuilder _output = new();

    public string ConnectionString { get; private set; } = "";

    /// <summary>The blob endpoint of the Azurite this fixture started (empty when it uses <see cref="EnvironmentVariable"/>).</summary>
    public Uri? BlobEndpoint { get; private set; }

    public static string ConnectionStringFor(int port, string scheme = "http") =>
        $"DefaultEndpointsProtocol={scheme};AccountName={DevAccount};AccountKey={DevKey};BlobEndpoint={scheme}://127.0.0.1:{port}/{DevAccount};";

    /// <summary>Whether a connection string in <see cref="EnvironmentVariable"/> is used instead of starting Azurite.</summary>
    protected virtual bool UsesEnvironment => true;

    /// <summary>Azurite's options beyond host, port, folder and the quiet ones; <paramref name="folder"/> is its temporary folder.</summary>
    protected virtual IEnumerable<string> ExtraArguments(string folder) => [];

    /// <summary><c>http</c>, or <c>https</c> when <see cref="ExtraArguments"/> give Azurite a certificate.</summary>
    protected virtual string Scheme => "http";

    /// <summary>Options of every client that talks to this Azurite (a subclass's transport trusts its certificate).</summary>
    public virtual BlobClientOptions ClientOptions() => new();

    public async Task InitializeAsync()
    {
        string? given = UsesEnvironment ? Environment.GetEnvironmentVariable(EnvironmentVariable) : null;
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given.Trim();
            await WaitUntilReadyAsync(TimeSpan.FromSeconds(30), $"环境变量 {EnvironmentVariable} 指定的 Azurite").ConfigureAwait(false);
            return;
        }

        string exe = FindAzurite() ?? throw new InvalidOperationException(
            "Azurite (azurite-blob) was not found, so the Azure Blob store tests cannot run. Either set " +
            $"{EnvironmentVariable} to a connection string of a running Azurite, or install it: " +
            "`npm install --prefix .tools azurite@3.37.0` at the repository root (looked on PATH and in " +
            ".tools/node_modules/.bin and node_modules/.bin of the test directory and its parents).");

        int port = FreeLoopbackPort();
        _folder = Path.Combine(Path.GetTempPath(), "docgen-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var start = new ProcessStartInfo(exe)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var arg in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _folder, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                 }.Concat(ExtraArguments(_folder)))
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {exe}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ConnectionString = ConnectionStringFor(port, Scheme);
        BlobEndpoint = new Uri($"{Scheme}://127.0.0.1:{port}/{DevAccount}");
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(60), exe).ConfigureAwait(false);
    }

    public virtual Task DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
        }
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, string what)
    {
        var options = ClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var client = new BlobServiceClient(ConnectionString, options);
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < timeout)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"Azurite ({what}) exited with code {_process.ExitCode} before answering:\n{Output()}");
            }
            try
            {
                await client.GetPropertiesAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                last = ex;
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"Azurite ({what}) did not answer within {timeout.TotalSeconds} s: {last?.Message}\n{Output()}", last);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    internal static string? FindAzurite()
    {
        string[] names = OperatingSystem.IsWindows() ? ["azurite-blob.cmd", "azurite-blob.exe"] : ["azurite-blob"];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var sub in new[] { Path.Combine(".tools", "node_modules", ".bin"), Path.Combine("node_modules", ".bin") })
            {
                foreach (var name in names)
                {
                    var candidate = Path.Combine(dir.FullName, sub, name);
                    if (File.Exists(candidate)) return candidate;
                }
            }
        }
        return null;
    }

    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
