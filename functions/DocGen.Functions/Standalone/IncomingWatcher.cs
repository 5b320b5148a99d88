using DocGen.Functions.Api;
using DocGen.Storage;
using Microsoft.Extensions.Hosting;

namespace DocGen.Functions.Standalone;

/// <summary>
/// The standalone server's blob trigger: scans incoming/ of the configured store (disk, Azurite or Azure)
/// every few seconds, and on the disk store also as soon as a file changes, and hands every upload that
/// has no receipt for its current content to <see cref="IncomingReports"/>, the code the worker's blob
/// trigger runs. An upload is answered once per content: the receipt records the SHA-256 it answered.
/// A server configured with agencies' keys watches those agencies' folders; one with only the compiling
/// office's key watches all of incoming/.
/// </summary>
public sealed class IncomingWatcher(IBlobStore store, IncomingReports incoming, IncomingOptions options, ApiKeys keys, ILogger<IncomingWatcher> log) : BackgroundService
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = WatchDisk();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (RenderUnavailableException e)
            {
                // The service is busy with requests: the uploads left are answered on a later round.
                log.LogInformation("Renders busy ({Code}): the rest of {Container}/ waits for the next round", e.Code, IncomingReports.Container);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage unreachable for a while: say so and try again on the next round.
                log.LogError(e, "Scanning {Container}/ failed", IncomingReports.Container);
            }
            try
            {
                // Woken by a file change: let a copy in progress finish before reading it.
                if (await _wake.WaitAsync(options.Interval, stoppingToken)) await Task.Delay(SettleTime, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Answers every upload in incoming/ whose content has no receipt yet; returns how many it answered.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        int answered = 0;
        var uploads = new List<string>();
        var agencies = keys.Agencies;
        var folders = agencies.Count == 0 ? [IncomingReports.Container + "/"] : agencies.Select(a => $"{IncomingReports.Container}/{a}/");
        // A file copied into the folder is written in place: one changed just now may still be half written
        // (even empty), so it waits for a later round rather than getting a receipt for what was there so far.
        var settled = DateTimeOffset.UtcNow - SettleTime;
        bool unsettled = false;
        foreach (var folder in folders)
            await foreach (var blob in store.ListAsync(folder, ct))
                if (blob.Path.EndsWith(".json", StringComparison.Ordinal) && !IncomingReports.IsReceipt(blob.Path))
                {
                    if (blob.LastModified > settled) unsettled = true;
                    else uploads.Add(blob.Path);
                }
        if (unsettled && _wake.CurrentCount == 0) _wake.Release();
        foreach (var path in uploads.Order(StringComparer.Ordinal))
        {
            var content = await store.ReadAllBytesAsync(path, ct);
            if (content is null) continue; // removed meanwhile
            var receipt = await incoming.ReadReceiptAsync(path, ct);
            if (receipt?["source"]?["sha256"]?.GetValue<string>() == IncomingReports.Hash(content)) continue;
            var (agency, name) = Split(path);
            await incoming.ProcessAsync(agency, name, content, ct);
            answered++;
        }
        return answered;
    }

    /// <summary>incoming/{agency}/{name}.json → (agency, name); a file directly in incoming/ has no agency.</summary>
    internal static (string? Agency, string Name) Split(string path)
    {
        string rest = path[(IncomingReports.Container.Length + 1)..^".json".Length];
        int slash = rest.IndexOf('/');
        return slash < 0 ? (null, rest) : (rest[..slash], rest[(slash + 1)..]);
    }

    /// <summary>On the disk store, a change under incoming/ starts a scan at once instead of at the next round.</summary>
    private FileSystemWatcher? WatchDisk()
    {
        if (store is not FileSystemBlobStore disk) return null;
        string folder = Path.Combine(disk.Root, IncomingReports.Container);
        Directory.CreateDirectory(folder);
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler wake = (_, e) =>
        {
            if (!IncomingReports.IsReceipt(e.FullPath) && _wake.CurrentCount == 0) _wake.Release();
        };
        watcher.Created += wake;
        watcher.Changed += wake;
        watcher.Renamed += (s, e) => wake(s, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}

/// <summary>How often the standalone server scans incoming/ (<see cref="ServiceSettings.IncomingPollSeconds"/>; 0 turns the watcher off).</summary>
public sealed record IncomingOptions(TimeSpan Interval)
{
    public bool Enabled => Interval > TimeSpan.Zero;

    public static IncomingOptions From(IConfiguration config) =>
        new(TimeSpan.FromSeconds(config.GetValue<double?>(ServiceSettings.IncomingPollSeconds) ?? ServiceSettings.DefaultIncomingPollSeconds));
}
