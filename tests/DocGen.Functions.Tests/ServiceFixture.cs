using System.Net.Http.Headers;
using DocGen.Functions;
using DocGen.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocGen.Functions.Tests;

/// <summary>
/// Runs the real service on 127.0.0.1 (a free port) over a real store, and gives clients with the
/// keys of two agencies and of the compiling office.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    public const string AgencyA = "测试市人民政府";
    public const string AgencyB = "乙县人民政府";
    public const string KeyA = "key-agency-a";
    public const string KeyB = "key-agency-b";
    public const string AdminKey = "key-compiling-office";

    private readonly WebApplication _app;

    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public IBlobStore Store => _app.Services.GetRequiredService<IBlobStore>();
    public ReportRepository Repository => _app.Services.GetRequiredService<ReportRepository>();

    private RunningService(WebApplication app, Uri address)
    {
        _app = app;
        BaseAddress = address;
    }

    /// <summary>Starts the service with <paramref name="storage"/> settings; <paramref name="store"/> replaces the configured store.</summary>
    public static async Task<RunningService> StartAsync(IDictionary<string, string?> storage, IBlobStore? store = null, long? maxBody = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var settings = Settings(storage);
        if (maxBody is { } m) settings[ServiceSettings.MaxBodyBytes] = m.ToString();
        var app = ServiceApp.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            if (store is not null) b.Services.AddSingleton<IBlobStore>(store);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningService(app, new Uri(address));
    }

    /// <summary>The test settings (keys of two agencies and the compiling office), over <paramref name="storage"/>'s.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?> storage)
    {
        var settings = new Dictionary<string, string?>
        {
            [ServiceSettings.Port] = "0",
            // The watcher of incoming/ is tested on its own (IncomingWatcherTests), which turn it on.
            [ServiceSettings.IncomingPollSeconds] = "0",
            [ServiceSettings.AgencyKeys] = $"{AgencyA}={KeyA};{AgencyB}={KeyB}",
            [ServiceSettings.AdminKey] = AdminKey,
            // Preprocessing faces pays off over a server's life, not over a test's few requests.
            [ServiceSettings.PreprocessFonts] = "false",
            // Spans and metrics on the console would bury the test output; TelemetryTests read them from memory.
            [ServiceSettings.TelemetryConsole] = "false",
        };
        foreach (var (k, v) in storage) settings[k] = v;
        return settings;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (key is not null) client.DefaultRequestHeaders.Add("x-api-key", key);
        return client;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static ByteArrayContent Pdf(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
