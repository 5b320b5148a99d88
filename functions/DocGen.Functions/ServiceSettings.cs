namespace DocGen.Functions;

/// <summary>
/// Names of the settings the service reads (configuration keys; as environment variables ':' becomes
/// '__'). Infrastructure code is checked against these names. Storage settings are in
/// <see cref="DocGen.Storage.StorageSettings"/>.
/// </summary>
public static class ServiceSettings
{
    /// <summary>Port of the standalone server (default 7071, the port the Functions host uses locally).</summary>
    public const string Port = "DocGen:Port";
    /// <summary>Address the standalone server listens on (default 127.0.0.1).</summary>
    public const string ListenAddress = "DocGen:ListenAddress";
    /// <summary>API keys of agencies: "机构甲=key1;机构乙=key2".</summary>
    public const string AgencyKeys = "DocGen:Auth:AgencyKeys";
    /// <summary>Key of the compiling office, which sees every agency's reports.</summary>
    public const string AdminKey = "DocGen:Auth:AdminKey";
    /// <summary>Largest report JSON accepted, bytes (default 5 MB).</summary>
    public const string MaxBodyBytes = "DocGen:Limits:MaxBodyBytes";
    /// <summary>Largest signed PDF accepted, bytes (default 20 MB).</summary>
    public const string MaxSignedBytes = "DocGen:Limits:MaxSignedBytes";
    /// <summary>A folder of licensed font files searched before the system's fonts.</summary>
    public const string FontDirectory = "DocGen:Fonts:Directory";

    /// <summary>Search the system's font folders after <see cref="FontDirectory"/> (default true).</summary>
    public const string SystemFonts = "DocGen:Fonts:System";

    /// <summary>
    /// Preprocess font faces for faster subsetting, in the background after each is loaded (default false: about
    /// 100 MB per CJK face for 30–60 ms less per report; the service's default stays under 250 MB).
    /// </summary>
    public const string PreprocessFonts = "DocGen:Fonts:Preprocess";

    /// <summary>
    /// Validate and render a small built-in report on a thread of its own at start (default true), so fonts are
    /// mapped and code compiled before the first request; nothing is stored.
    /// </summary>
    public const string WarmUp = "DocGen:WarmUp";

    /// <summary>Seconds between the standalone server's scans of incoming/ (default 2; 0: no watcher). Under the Functions host the blob trigger does this.</summary>
    public const string IncomingPollSeconds = "DocGen:Incoming:PollSeconds";

    /// <summary>The agencies the compiling office expects a report from each year: "机构甲;机构乙" (GET /api/reports/missing).</summary>
    public const string ExpectedAgencies = "DocGen:Compilation:ExpectedAgencies";

    /// <summary>Requests a minute per API key, refilled steadily (default 120; 0: no limit). Beyond it: 429 with Retry-After.</summary>
    public const string RequestsPerMinute = "DocGen:Limits:RequestsPerMinute";
    /// <summary>Requests one key may send at once before the per-minute rate applies (default 60).</summary>
    public const string RequestBurst = "DocGen:Limits:RequestBurst";
    /// <summary>Renders at once per instance (default: the processor count). Rendering is CPU work.</summary>
    public const string RendersInFlight = "DocGen:Limits:RendersInFlight";
    /// <summary>Renders waiting for a slot (default 32, about a second of work); beyond it: 503 with Retry-After.</summary>
    public const string RenderQueue = "DocGen:Limits:RenderQueue";
    /// <summary>Seconds a render may take, queue included, before it is stopped (default 60; 503).</summary>
    public const string RenderDeadlineSeconds = "DocGen:Limits:RenderDeadlineSeconds";

    /// <summary>
    /// Minutes a download link lives (default 0: downloads stream through the service). Above 0, on Azure Blob Storage,
    /// GET of a report's .docx, PDF or signed version answers 307 with a read-only SAS link to the blob (user delegation under a managed identity).
    /// </summary>
    public const string DownloadLinkMinutes = "DocGen:Downloads:LinkMinutes";

    /// <summary>Application Insights: when set, traces and metrics go to Azure Monitor (the Functions host's own name for it).</summary>
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    /// <summary>
    /// How the service signs in to Application Insights ingestion: "Authorization=AAD" with the managed identity,
    /// "Authorization=AAD;ClientId=…" with a user-assigned one (the Functions host's own name and format). Required
    /// when the resource has local authentication off: ingestion then refuses telemetry without an Entra ID token.
    /// </summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    /// <summary>Without Application Insights, write traces and metrics to the console (default true).</summary>
    public const string TelemetryConsole = "DocGen:Telemetry:Console";
    /// <summary>
    /// With Application Insights: traces a second kept by the exporter's rate-limited sampler (default 0: every trace is kept).
    /// That sampler adapts over a tenth of a second, so a burst loses traces even when the average is far below the rate.
    /// </summary>
    public const string TracesPerSecond = "DocGen:Telemetry:TracesPerSecond";

    public static IReadOnlyList<string> All { get; } =
        [Port, ListenAddress, AgencyKeys, AdminKey, MaxBodyBytes, MaxSignedBytes, FontDirectory, SystemFonts, PreprocessFonts, WarmUp, IncomingPollSeconds,
         ExpectedAgencies, RequestsPerMinute, RequestBurst, RendersInFlight, RenderQueue, RenderDeadlineSeconds, DownloadLinkMinutes, ApplicationInsights, ApplicationInsightsAuthentication, TelemetryConsole, TracesPerSecond];

    public const int DefaultPort = 7071;
    public const long DefaultMaxBodyBytes = 5 * 1024 * 1024;
    public const long DefaultMaxSignedBytes = 20 * 1024 * 1024;
    public const double DefaultIncomingPollSeconds = 2;
    public const int DefaultRequestsPerMinute = 120;
    public const int DefaultRequestBurst = 60;
    public const int DefaultRenderQueue = 32;
    public const double DefaultRenderDeadlineSeconds = 60;
}
