using System.Security.Cryptography;
using System.Text;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>The outcome of a generation request; the HTTP and blob-trigger front ends phrase it their own way.</summary>
public abstract record Generation
{
    /// <summary>The body is not report JSON (parse faults with pointers).</summary>
    public sealed record Unreadable(IReadOnlyList<Finding> Findings) : Generation;
    /// <summary>The caller may not write reports of this agency.</summary>
    public sealed record Forbidden(string Agency) : Generation;
    /// <summary>The agency name cannot be stored (a forbidden or look-alike character, too long…): a user error, not a fault.</summary>
    public sealed record BadAgency(string Code, string Message) : Generation;
    /// <summary>The report was read but has errors.</summary>
    public sealed record Invalid(Report Report, IReadOnlyList<Finding> Findings) : Generation;
    /// <summary>The documents are stored; <see cref="Created"/> is false when the same input was stored before.</summary>
    public sealed record Stored(ReportManifest Manifest, IReadOnlyList<Finding> Warnings, bool Created) : Generation
    {
        /// <summary>Pages of the PDF rendered for this request; null when nothing was rendered (stored before, or no PDF).</summary>
        public int? Pages { get; init; }
    }
}

/// <summary>
/// Read, check, render and store one report. The report id is a hash of the report as DocGen writes it
/// (and of the formats asked for), so the same input always gets the same id and is stored once.
/// </summary>
public sealed class ReportGeneration(ReportRepository repository, RenderGate gate)
{
    public static readonly string Version = typeof(ReportGeneration).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// One id's render, shared by every request for that id (first writer wins). It is cancelled when the last
    /// request waiting for it has gone, never while one still waits; the gate stops it at the deadline.
    /// </summary>
    private sealed class SharedWork
    {
        public readonly CancellationTokenSource Cancel = new();
        public Task<(ReportManifest Manifest, bool Created, int? Pages)> Task = null!;
        public int Waiters;
    }

    private readonly Dictionary<string, SharedWork> _inFlight = new(StringComparer.Ordinal);

    public async Task<Generation> GenerateAsync(byte[] body, Caller caller, OutputFormats formats, DateTimeOffset now, CancellationToken ct)
    {
        var read = ReportJsonReader.Read(body);
        if (!read.Ok) return new Generation.Unreadable(read.Errors);
        var report = read.Report!;
        string agency;
        try
        {
            agency = StorageNames.ValidateAgency(report.Agency);
        }
        catch (InvalidStorageNameException e)
        {
            return new Generation.BadAgency(e.Code, e.Message);
        }
        if (!caller.May(agency)) return new Generation.Forbidden(agency);

        var findings = ReportValidator.Validate(report);
        if (findings.Any(f => f.Severity == Severity.Error)) return new Generation.Invalid(report, findings);

        byte[] canonical = ReportJsonWriter.Write(report);
        string id = ReportId(canonical, formats);
        if (await repository.GetReportAsync(agency, report.Year, id, cancellationToken: ct) is { } existing)
            return new Generation.Stored(existing, findings, Created: false);

        var (work, mine) = Join(id, cancel => RenderAndSaveAsync(report, agency, id, canonical, findings, formats, now, cancel));
        try
        {
            // Only the request whose work completed the report answers 201; the others waited for it and answer 200.
            var (manifest, created, pages) = await work.Task.WaitAsync(ct);
            return new Generation.Stored(manifest, findings, Created: mine && created) { Pages = pages };
        }
        finally
        {
            Leave(id, work);
        }
    }

    /// <summary>The work of <paramref name="id"/> in flight, or a new one started (a cancelled one is not joined).</summary>
    private (SharedWork Work, bool Mine) Join(string id, Func<CancellationToken, Task<(ReportManifest, bool, int?)>> start)
    {
        SharedWork work;
        lock (_inFlight)
        {
            // A stopped or failed work (refused as busy, say) is not joined: this request starts afresh.
            if (_inFlight.TryGetValue(id, out var running) && !running.Cancel.IsCancellationRequested && !running.Task.IsFaulted && !running.Task.IsCanceled)
            {
                running.Waiters++;
                return (running, false);
            }
            work = new SharedWork { Waiters = 1 };
            _inFlight[id] = work;
            // Started under the lock so that no one joins a work without a task; it runs off this thread at once.
            work.Task = Task.Run(() => start(work.Cancel.Token), CancellationToken.None);
        }
        return (work, true);
    }

    /// <summary>A request for <paramref name="id"/> is done (answered, or gone): the last one out stops an unfinished render.</summary>
    private void Leave(string id, SharedWork work)
    {
        bool stop;
        lock (_inFlight)
        {
            if (--work.Waiters > 0) return;
            if (_inFlight.TryGetValue(id, out var current) && ReferenceEquals(current, work)) _inFlight.Remove(id);
            stop = !work.Task.IsCompleted;
        }
        if (stop) work.Cancel.Cancel();
    }

    /// <summary>
    /// The work of one id, not tied to any one caller's cancellation: others may be waiting for it. Another process
    /// finishing first makes <see cref="ReportRepository.SaveOnceAsync"/> return its manifest and write nothing.
    /// <paramref name="cancel"/> stops the render; a rendered report is saved whole (a save stopped half way would
    /// only leave work for the sweep).
    /// </summary>
    private async Task<(ReportManifest Manifest, bool Created, int? Pages)> RenderAndSaveAsync(Report report, string agency, string id, byte[] canonical,
        IReadOnlyList<Finding> findings, OutputFormats formats, DateTimeOffset now, CancellationToken cancel)
    {
        // A request that finished just before this one joined has completed the report: nothing to do.
        if (await repository.GetReportAsync(agency, report.Year, id, cancellationToken: cancel) is { } done) return (done, false, null);
        var docs = await gate.RenderAsync(report, formats, "report", id, cancel);
        var (manifest, created) = await repository.SaveOnceAsync(new NewReport
        {
            Agency = agency,
            Year = report.Year,
            ReportId = id,
            InputJson = canonical,
            Docx = docs.Docx,
            Pdf = docs.Pdf,
            ValidationJson = Encoding.UTF8.GetBytes(FindingJson.Serialize(FindingJson.ToJson(findings))),
            TemplateId = $"annual-report-{report.Edition}",
            DocGenVersion = Version,
            CreatedAt = now,
        });
        return (manifest, created, docs.PdfResult?.Pages.Count);
    }

    public static string ReportId(byte[] canonicalJson, OutputFormats formats)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(canonicalJson);
        sha.AppendData([(byte)formats]);
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }
}
