using System.Collections.Concurrent;
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
    public sealed record Stored(ReportManifest Manifest, IReadOnlyList<Finding> Warnings, bool Created) : Generation;
}

/// <summary>
/// Read, check, render and store one report. The report id is a hash of the report as DocGen writes it
/// (and of the formats asked for), so the same input always gets the same id and is stored once.
/// </summary>
public sealed class ReportGeneration(ReportRepository repository, DocumentRenderer renderer)
{
    public static readonly string Version = typeof(ReportGeneration).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Renders in progress by id: concurrent requests for one id share the first one's work (first writer wins).</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<(ReportManifest Manifest, bool Created)>>> _inFlight = new(StringComparer.Ordinal);

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

        var work = new Lazy<Task<(ReportManifest Manifest, bool Created)>>(() => RenderAndSaveAsync(report, agency, id, canonical, findings, formats, now));
        var shared = _inFlight.GetOrAdd(id, work);
        bool mine = ReferenceEquals(shared, work);
        try
        {
            // Only the request whose work completed the report answers 201; the others waited for it and answer 200.
            var (manifest, created) = await shared.Value.WaitAsync(ct);
            return new Generation.Stored(manifest, findings, Created: mine && created);
        }
        finally
        {
            if (mine) _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<(ReportManifest, bool)>>>(id, work));
        }
    }

    /// <summary>
    /// The work of one id, not tied to any one caller's cancellation: others may be waiting for it. Another process
    /// finishing first makes <see cref="ReportRepository.SaveOnceAsync"/> return its manifest and write nothing.
    /// </summary>
    private async Task<(ReportManifest Manifest, bool Created)> RenderAndSaveAsync(Report report, string agency, string id, byte[] canonical,
        IReadOnlyList<Finding> findings, OutputFormats formats, DateTimeOffset now)
    {
        // A request that finished just before this one joined has completed the report: nothing to do.
        if (await repository.GetReportAsync(agency, report.Year, id) is { } done) return (done, false);
        // Layout and font subsetting are CPU work; keep them off the request's synchronous path.
        var docs = await Task.Run(() => renderer.Render(report, formats));
        return await repository.SaveOnceAsync(new NewReport
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
    }

    public static string ReportId(byte[] canonicalJson, OutputFormats formats)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(canonicalJson);
        sha.AppendData([(byte)formats]);
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }
}
