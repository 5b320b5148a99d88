using DocGen.Functions.Api;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;

namespace DocGen.Functions;

/// <summary>
/// OpenTelemetry for both front ends: traces of requests (ASP.NET Core) and renders (<see cref="RenderTelemetry.Source"/>),
/// metrics of requests and renders (<see cref="RenderTelemetry"/>). Exported to Azure Monitor when
/// <see cref="ServiceSettings.ApplicationInsights"/> is set, else to the console when <see cref="ServiceSettings.TelemetryConsole"/> is true.
/// Off by default: the console exporter writes every span whole, synchronously, as it ends; on the service bench it
/// took 20–30% of the CPU a report and 30 MB of resident memory.
/// </summary>
public static class Telemetry
{
    public static void Add(IServiceCollection services, IConfiguration config)
    {
        string? azure = config[ServiceSettings.ApplicationInsights];
        bool console = string.IsNullOrWhiteSpace(azure) && (config.GetValue<bool?>(ServiceSettings.TelemetryConsole) ?? false);
        double tracesPerSecond = config.GetValue<double?>(ServiceSettings.TracesPerSecond) ?? 0;
        if (tracesPerSecond < 0 || !double.IsFinite(tracesPerSecond))
            throw new InvalidOperationException($"{ServiceSettings.TracesPerSecond}应为0（保留全部追踪）或正数");
        var credential = IngestionCredential(config[ServiceSettings.ApplicationInsightsAuthentication]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("DocGen", serviceVersion: ReportGeneration.Version))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RenderTelemetry.Name).AddAspNetCoreInstrumentation();
                if (!string.IsNullOrWhiteSpace(azure)) tracing.AddAzureMonitorTraceExporter(o => ConfigureAzure(o, azure, credential, tracesPerSecond));
                else if (console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RenderTelemetry.Name).AddAspNetCoreInstrumentation();
                if (!string.IsNullOrWhiteSpace(azure)) metrics.AddAzureMonitorMetricExporter(o => ConfigureAzure(o, azure, credential, tracesPerSecond));
                else if (console) metrics.AddConsoleExporter();
            });
    }

    /// <summary>
    /// The managed identity that <see cref="ServiceSettings.ApplicationInsightsAuthentication"/> names, or null without
    /// the setting. The exporter reads only the connection string; the setting is the Functions host's, so without this
    /// the service's telemetry was refused by a resource with local authentication off while the host's own got through.
    /// </summary>
    internal static TokenCredential? IngestionCredential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var scheme) || !scheme.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{ServiceSettings.ApplicationInsightsAuthentication}应为“Authorization=AAD”，用户分配的托管标识再加“;ClientId=…”");
        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }

    /// <summary>
    /// The exporter's own default sampler keeps 5 traces a second measured over the last 0.1 s: a request that follows
    /// a few others within that window (health probes, a portal's batch) is dropped with its render span, though the
    /// average rate is far below 5. Renders are few (the render gate bounds them), so every trace is kept unless
    /// <see cref="ServiceSettings.TracesPerSecond"/> asks for the rate limit.
    /// </summary>
    private static void ConfigureAzure(AzureMonitorExporterOptions options, string connectionString, TokenCredential? credential, double tracesPerSecond)
    {
        options.ConnectionString = connectionString;
        options.Credential = credential;
        options.SamplingRatio = 1F;
        options.TracesPerSecond = tracesPerSecond > 0 ? tracesPerSecond : null;
    }
}
