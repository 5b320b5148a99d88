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

    public static IReadOnlyList<string> All { get; } =
        [Port, ListenAddress, AgencyKeys, AdminKey, MaxBodyBytes, MaxSignedBytes, FontDirectory, SystemFonts, PreprocessFonts, WarmUp, IncomingPollSeconds];

    public const int DefaultPort = 7071;
    public const long DefaultMaxBodyBytes = 5 * 1024 * 1024;
    public const long DefaultMaxSignedBytes = 20 * 1024 * 1024;
    public const double DefaultIncomingPollSeconds = 2;
}
