using System.Net;
using DocGen.Core.Rendering;
using DocGen.Functions.Api;
using DocGen.Functions.Standalone;
using DocGen.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DocGen.Core;

namespace DocGen.Functions;

/// <summary>
/// Builds the standalone server (`dotnet run`, `docgen serve`, the tests): the operations of
/// <see cref="ApiRoutes"/> on Kestrel, and a watcher of incoming/ in place of the blob trigger. The worker
/// (<see cref="Worker.WorkerApp"/>) registers the same services with <see cref="AddServices"/>.
/// </summary>
public static class ServiceApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        NativeHeap.LimitArenas();
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var config = builder.Configuration;

        var limits = Limits.From(config);
        int port = config.GetValue<int?>(ServiceSettings.Port) ?? ServiceSettings.DefaultPort;
        var address = IPAddress.Parse(config[ServiceSettings.ListenAddress] ?? "127.0.0.1");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, port, listen => listen.Use(KestrelProblems.Middleware));
            // The handlers enforce their own, clearer limits (413 with a message); Kestrel's is a backstop.
            k.Limits.MaxRequestBodySize = Math.Max(limits.MaxBodyBytes, limits.MaxSignedBytes) + 1024 * 1024;
        });
        AddServices(builder.Services, config);
        builder.Services.AddProblemDetails();
        var incoming = IncomingOptions.From(config);
        builder.Services.AddSingleton(incoming);
        builder.Services.AddSingleton<IncomingWatcher>();
        if (incoming.Enabled) builder.Services.AddHostedService(sp => sp.GetRequiredService<IncomingWatcher>());

        StartPhases.Mark("services registered");
        var app = builder.Build();
        StartPhases.Mark("host built");
        app.UseExceptionHandler(handler => handler.Run(context =>
        {
            // Whatever failed, the caller gets a problem document and the service keeps serving.
            return Problems.WriteAsync(context, context.Features.Get<IExceptionHandlerFeature>()?.Error);
        }));
        app.UseStatusCodePages(context => Problems.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        ApiRoutes.MapAll(app);
        PageApi.MapRoot(app);
        app.Lifetime.ApplicationStarted.Register(() => StartPhases.Mark("listening"));
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => SweepAsync(app)));
        return app;
    }

    /// <summary>
    /// The sweep waits this long after start: it walks the whole store and removes only what is over an hour old, so
    /// nothing is lost by letting the start, the warm-up and the first requests have the cores first. A folder store
    /// of 4,000 reports (20,000 files) took 0.9 s and about 0.5 s of CPU to sweep here, and its listing is synchronous:
    /// run from ApplicationStarted as it was, it held up the host's start and competed with the first requests.
    /// </summary>
    internal static readonly TimeSpan SweepDelay = TimeSpan.FromSeconds(30);

    /// <summary>Soon after start, in the background: remove what saves killed half way left (never a complete report).</summary>
    private static async Task SweepAsync(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DocGen.Sweep");
        try
        {
            await Task.Delay(SweepDelay, app.Lifetime.ApplicationStopping);
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var swept = await app.Services.GetRequiredService<ReportRepository>().SweepAsync(now, cancellationToken: app.Lifetime.ApplicationStopping);
            StartPhases.Mark("start-up sweep done");
            if (swept.TemporaryFiles + swept.Files > 0)
                log.LogInformation("清理未完成的写入：{Temps}个临时文件，{Folders}个无清单的报告目录（{Files}个文件）", swept.TemporaryFiles, swept.Folders, swept.Files);
        }
        catch (OperationCanceledException) { } // stopped first: the next start sweeps
        catch (Exception e)
        {
            log.LogWarning(e, "启动时的清理未完成，下次启动再试");
        }
    }

    /// <summary>The services the handlers use, the same in both front ends.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(Limits.From(config));
        services.AddSingleton(new Downloads(TimeSpan.FromMinutes(config.GetValue<double?>(ServiceSettings.DownloadLinkMinutes) ?? 0)));
        services.AddSingleton(ApiKeys.From(config));
        // TryAdd: a caller (a test injecting faults) may have registered its own store.
        services.TryAddSingleton(_ => BlobStoreFactory.Create(config));
        services.AddSingleton(sp => new ReportRepository(sp.GetRequiredService<IBlobStore>()));
        services.AddSingleton(_ => new DocumentRenderer(new RenderSettings
        {
            FontDirectory = FontFolder(config[ServiceSettings.FontDirectory]),
            LongRunning = config.GetValue<bool?>(ServiceSettings.PreprocessFonts) ?? false,
            SystemFonts = config.GetValue<bool?>(ServiceSettings.SystemFonts) ?? true,
        }));
        if (config.GetValue<bool?>(ServiceSettings.WarmUp) ?? true) services.AddHostedService<WarmUpService>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name)
            .AddCheck<FontsHealthCheck>(FontsHealthCheck.Name)
            .AddCheck<TemplatesHealthCheck>(TemplatesHealthCheck.Name);
        services.AddMetrics();
        Telemetry.Add(services, config);
        services.AddSingleton(OperatingLimits.From(config));
        services.AddSingleton<KeyRateLimiter>();
        services.AddSingleton<RenderTelemetry>();
        services.AddSingleton<RenderGate>();
        services.AddSingleton<ReportGeneration>();
        services.AddSingleton<IncomingReports>();
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// A relative font folder ("fonts" in the Azure package) is taken relative to the application's own
    /// folder, not to whatever working directory the Functions host starts the worker in.
    /// </summary>
    internal static string? FontFolder(string? configured) =>
        string.IsNullOrWhiteSpace(configured) || Path.IsPathRooted(configured)
            ? configured
            : Path.Combine(AppContext.BaseDirectory, configured);
}

/// <summary>How downloads are answered: streamed, or (a positive lifetime) redirected to a read link of that lifetime.</summary>
public sealed record Downloads(TimeSpan LinkLifetime);

/// <summary>Body size limits, from configuration.</summary>
public sealed record Limits(long MaxBodyBytes, long MaxSignedBytes)
{
    public static Limits From(IConfiguration config) => new(
        config.GetValue<long?>(ServiceSettings.MaxBodyBytes) ?? ServiceSettings.DefaultMaxBodyBytes,
        config.GetValue<long?>(ServiceSettings.MaxSignedBytes) ?? ServiceSettings.DefaultMaxSignedBytes);
}
