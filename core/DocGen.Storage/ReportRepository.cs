using System.Globalization;

namespace DocGen.Storage;

/// <summary>
/// Stores reports and their signed versions on an <see cref="IBlobStore"/>, in the layout of <see cref="ReportLayout"/>.
/// <list type="bullet">
/// <item><b>All or nothing</b>: a report's files are written first, then the id index, then
/// <c>manifest.json</c> (create-only). Without a manifest a report is incomplete and is never returned
/// or listed; saving again completes it.</item>
/// <item><b>Idempotent</b>: saving a report id that already has a manifest returns that manifest
/// (first writer wins) as long as <c>input.json</c> is the same; other input under the same id, or the
/// same id under another agency/year, is a <c>REPORT_ID_CONFLICT</c>.</item>
/// <item><b>Write-once archive</b>: signed PDFs get versions 1, 2, 3… claimed with create-only writes,
/// so concurrent uploads get distinct consecutive versions. There is no way to replace or delete them here.</item>
/// <item><b>Deterministic</b>: no clock is read; times come from the caller.</item>
/// </list>
/// Thread-safe; share one instance.
/// </summary>
public sealed class ReportRepository
{
    /// <summary>How many versions an upload tries before giving up (only reached under extreme contention).</summary>
    public const int MaxVersionAttempts = 1000;

    private readonly IBlobStore _store;

    /// <summary>Creates a repository over <paramref name="store"/>.</summary>
    public ReportRepository(IBlobStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>The underlying store.</summary>
    public IBlobStore Store => _store;

    /// <summary>Saves a report (see the class remarks) and returns its manifest.</summary>
    /// <exception cref="InvalidStorageNameException">Invalid agency, year or id.</exception>
    /// <exception cref="StorageException"><c>INVALID_REPORT_FILE</c> for an empty input; <c>REPORT_ID_CONFLICT</c>.</exception>
    public async Task<ReportManifest> SaveAsync(NewReport report, CancellationToken cancellationToken = default) =>
        (await SaveOnceAsync(report, cancellationToken).ConfigureAwait(false)).Manifest;

    /// <summary>
    /// Saves a report as <see cref="SaveAsync"/> does and says whether this call completed it (<c>Created</c>) or found
    /// it complete already. The files of a complete report are never written again: each file is created only if
    /// missing, and one left by an interrupted save is replaced only while no manifest exists.
    /// </summary>
    public async Task<(ReportManifest Manifest, bool Created)> SaveOnceAsync(NewReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        string agency = StorageNames.ValidateAgency(report.Agency);
        StorageNames.ValidateYear(report.Year);
        StorageNames.ValidateReportId(report.ReportId);
        if (report.InputJson is null || report.InputJson.Length == 0)
            throw new StorageException(StorageErrorCodes.InvalidReportFile, "报告数据 input.json 不能为空");
        ArgumentNullException.ThrowIfNull(report.TemplateId);
        ArgumentNullException.ThrowIfNull(report.DocGenVersion);

        string id = report.ReportId;
        string inputSha = BlobStoreExtensions.Sha256Hex(report.InputJson);
        string manifestPath = ReportLayout.ReportFile(agency, report.Year, id, ReportFileNames.Manifest);

        // Same id stored elsewhere, completely? Then it is another report.
        var indexed = await ReadLocationAsync(id, cancellationToken).ConfigureAwait(false);
        if (indexed is not null && (indexed.Agency != agency || indexed.Year != report.Year)
            && await ReadManifestAsync(ReportLayout.ReportFile(indexed.Agency, indexed.Year, id, ReportFileNames.Manifest), cancellationToken).ConfigureAwait(false) is not null)
        {
            throw Conflict(id, $"该编号已用于 {indexed.Agency} {indexed.Year} 年度的报告");
        }

        var location = new ReportLocation(id, agency, report.Year);
        var labels = BlobLabels.Of(agency, report.Year, report.TemplateId, id);
        var existing = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            EnsureSameInput(existing, inputSha);
            if (indexed != location) await WriteLocationAsync(location, labels, cancellationToken).ConfigureAwait(false);
            return (existing, false);
        }

        var files = new List<ManifestFile>();
        foreach (var (name, bytes) in new[]
                 {
                     (ReportFileNames.Input, report.InputJson),
                     (ReportFileNames.Docx, report.Docx),
                     (ReportFileNames.Pdf, report.Pdf),
                     (ReportFileNames.Validation, report.ValidationJson),
                 })
        {
            if (bytes is null) continue;
            string contentType = ContentTypes.FromFileName(name);
            string path = ReportLayout.ReportFile(agency, report.Year, id, name);
            string sha = BlobStoreExtensions.Sha256Hex(bytes);
            try
            {
                await _store.WriteBytesAsync(path, bytes, contentType, labels, WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
            }
            catch (BlobAlreadyExistsException)
            {
                // A concurrent save of the same id got here first, or an interrupted one left this file.
                if (await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false) is { } done)
                {
                    EnsureSameInput(done, inputSha);
                    return (done, false);
                }
                var there = await _store.ComputeSha256Async(path, cancellationToken).ConfigureAwait(false);
                if (there?.Sha256 != sha) // never referenced by a manifest, so not part of any report
                    await _store.WriteBytesAsync(path, bytes, contentType, labels, WriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
            }
            files.Add(new ManifestFile(name, sha, bytes.Length, contentType));
        }

        await WriteLocationAsync(location, labels, cancellationToken).ConfigureAwait(false);

        var manifest = new ReportManifest(ReportManifest.CurrentSchema, id, agency, report.Year, report.TemplateId,
            report.DocGenVersion, report.CreatedAt, files);
        try
        {
            await _store.WriteBytesAsync(manifestPath, StorageJson.Serialize(manifest), ContentTypes.Json,
                labels, WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
            return (manifest, true);
        }
        catch (BlobAlreadyExistsException)
        {
            // A concurrent save of the same id finished first.
            var winner = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false)
                ?? throw new StorageException(StorageErrorCodes.IntegrityMismatch, $"报告清单无法读取：{manifestPath}");
            EnsureSameInput(winner, inputSha);
            return (winner, false);
        }

        static void EnsureSameInput(ReportManifest stored, string sha)
        {
            if (stored.GetFile(ReportFileNames.Input)?.Sha256 != sha)
                throw Conflict(stored.ReportId, "同一编号已保存了不同的报告数据");
        }
    }

    /// <summary>
    /// Finds a complete report by id, or returns null if there is none (unknown id, or a save that never finished).
    /// With <paramref name="verify"/>, the stored files are checked against the manifest first.
    /// </summary>
    /// <exception cref="ReportIntegrityException">Only with <paramref name="verify"/>: a file is missing or differs.</exception>
    public async Task<ReportManifest?> GetReportAsync(string reportId, bool verify = false, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateReportId(reportId);
        var location = await ReadLocationAsync(reportId, cancellationToken).ConfigureAwait(false);
        if (location is null) return null;
        return await GetReportAsync(location.Agency, location.Year, reportId, verify, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the manifest of a report whose agency and year are known, or null if it is not complete.</summary>
    /// <exception cref="ReportIntegrityException">Only with <paramref name="verify"/>: a file is missing or differs.</exception>
    public async Task<ReportManifest?> GetReportAsync(string agency, int year, string reportId, bool verify = false,
        CancellationToken cancellationToken = default)
    {
        var manifest = await ReadManifestAsync(ReportLayout.ReportFile(agency, year, reportId, ReportFileNames.Manifest), cancellationToken)
            .ConfigureAwait(false);
        if (manifest is not null && verify)
        {
            var problems = await VerifyAsync(manifest, cancellationToken).ConfigureAwait(false);
            if (problems.Count > 0) throw new ReportIntegrityException(reportId, problems);
        }
        return manifest;
    }

    /// <summary>Checks every file of a manifest against the stored bytes; returns one Chinese line per problem (empty: all good).</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(ReportManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            string path = ReportLayout.ReportFile(manifest.Agency, manifest.Year, manifest.ReportId, file.Name);
            var actual = await _store.ComputeSha256Async(path, cancellationToken).ConfigureAwait(false);
            if (actual is null)
                problems.Add($"缺少文件 {file.Name}");
            else if (actual.Value.Size != file.Size)
                problems.Add($"{file.Name} 大小为 {actual.Value.Size} 字节，清单记录为 {file.Size} 字节");
            else if (!string.Equals(actual.Value.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{file.Name} 的 SHA-256 与清单不符");
        }
        return problems;
    }

    /// <summary>Opens one file of a complete report (one of <see cref="ReportFileNames.ReportFiles"/>), or null if the report or the file does not exist.</summary>
    public async Task<Stream?> OpenFileAsync(string reportId, string fileName, CancellationToken cancellationToken = default)
    {
        var manifest = await GetReportAsync(reportId, verify: false, cancellationToken).ConfigureAwait(false);
        if (manifest?.GetFile(fileName) is null) return null;
        return await _store.OpenReadAsync(ReportLayout.ReportFile(manifest.Agency, manifest.Year, reportId, fileName), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Lists the complete reports of an agency (optionally of one year), newest year first, then by creation time (newest first) and id.</summary>
    public async Task<IReadOnlyList<ReportManifest>> ListReportsAsync(string agency, int? year = null, CancellationToken cancellationToken = default)
    {
        string prefix = year is null ? ReportLayout.AgencyPrefix(agency) : ReportLayout.YearPrefix(agency, year.Value);
        int depth = ReportLayout.AgencyPrefix(agency).Count(c => c == '/') + 2; // {year}/{id}/manifest.json
        var manifests = new List<ReportManifest>();
        await foreach (var blob in _store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Path.EndsWith("/" + ReportFileNames.Manifest, StringComparison.Ordinal)) continue;
            if (blob.Path.Count(c => c == '/') != depth) continue;
            var manifest = await ReadManifestAsync(blob.Path, cancellationToken).ConfigureAwait(false);
            if (manifest is not null) manifests.Add(manifest);
        }
        return manifests
            .OrderByDescending(m => m.Year)
            .ThenByDescending(m => m.CreatedAt)
            .ThenBy(m => m.ReportId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One page of every agency's complete reports of <paramref name="year"/> (the compiling office's list), in a stable
    /// order (<see cref="ReportKey"/>), from just after <paramref name="after"/> (the previous page's <see cref="ReportPage.Next"/>).
    /// Reports stored meanwhile are listed where they sort; only the page's manifests are read, and only the year folders of
    /// the agencies the page reaches are listed (see <see cref="KeysOfYearAsync"/>).
    /// </summary>
    public async Task<ReportPage> ListYearAsync(int year, int limit, ReportKey? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var page = new List<ReportManifest>();
        ReportKey? last = null;
        await foreach (var (key, path) in KeysOfYearAsync(year, after, cancellationToken).ConfigureAwait(false))
        {
            if (page.Count == limit) return new ReportPage(page, last); // there is more
            last = key;
            if (await ReadManifestAsync(path, cancellationToken).ConfigureAwait(false) is { } manifest) page.Add(manifest);
        }
        return new ReportPage(page, null);
    }

    /// <summary>The agencies with at least one complete report of <paramref name="year"/>, ordinal order.</summary>
    /// <remarks>Each agency's year folder is listed only up to its first manifest, several agencies at a time.</remarks>
    public async Task<IReadOnlyList<string>> ListAgenciesAsync(int year, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateYear(year);
        var agencies = await AgencyFoldersAsync(null, cancellationToken).ConfigureAwait(false);
        var submitted = new bool[agencies.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, agencies.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ListingParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                await foreach (var _ in ManifestsInYearFolderAsync(agencies[i], year, ct).ConfigureAwait(false))
                {
                    submitted[i] = true;
                    break;
                }
            }).ConfigureAwait(false);
        return agencies.Where((_, i) => submitted[i]).ToList();
    }

    /// <summary>How many agencies' folders <see cref="ListAgenciesAsync"/> lists at once (each is a round trip on Azure).</summary>
    private const int ListingParallelism = 8;

    /// <summary>
    /// The manifests of a year after <paramref name="after"/>, in <see cref="ReportKey"/> order: the agency folders below
    /// <c>reports/</c> (one listing with a delimiter), then, agency by agency from <paramref name="after"/>'s on, that agency's
    /// <c>reports/{agency}/{year}/</c> only. Other years are never listed, and the listing stops when the caller stops.
    /// </summary>
    private async IAsyncEnumerable<(ReportKey Key, string Path)> KeysOfYearAsync(int year, ReportKey? after,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StorageNames.ValidateYear(year);
        foreach (var agency in await AgencyFoldersAsync(after?.Agency, cancellationToken).ConfigureAwait(false))
        {
            var keys = new List<(ReportKey Key, string Path)>();
            await foreach (var found in ManifestsInYearFolderAsync(agency, year, cancellationToken).ConfigureAwait(false))
                if (after is null || found.Key.CompareTo(after) > 0) keys.Add(found);
            keys.Sort((a, b) => a.Key.CompareTo(b.Key));
            foreach (var key in keys) yield return key;
        }
    }

    /// <summary>
    /// The agency folders below <c>reports/</c>, from <paramref name="from"/> on (inclusive), ordinal order. A folder whose name
    /// is no valid agency is kept (the compilation names it in a warning); one that is no valid path segment cannot be listed.
    /// </summary>
    private async Task<List<string>> AgencyFoldersAsync(string? from, CancellationToken cancellationToken)
    {
        var agencies = new List<string>();
        await foreach (var name in _store.ListFoldersAsync(BlobPath.ReportsContainer + "/", cancellationToken).ConfigureAwait(false))
        {
            if (from is not null && string.CompareOrdinal(name, from) < 0) continue;
            if (BlobPath.IsValidSegment(name)) agencies.Add(name);
        }
        agencies.Sort(StringComparer.Ordinal);
        return agencies;
    }

    /// <summary>The manifests in <c>reports/{agency}/{year}/</c>, <c>reports/{agency}/{year}/{id}/manifest.json</c> (a complete report has one).</summary>
    private async IAsyncEnumerable<(ReportKey Key, string Path)> ManifestsInYearFolderAsync(string agency, int year,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string prefix = $"{BlobPath.ReportsContainer}/{agency}/{year.ToString(CultureInfo.InvariantCulture)}/";
        await foreach (var blob in _store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var rest = blob.Path.AsSpan(prefix.Length);
            int slash = rest.IndexOf('/');
            if (slash > 0 && rest[(slash + 1)..].SequenceEqual(ReportFileNames.Manifest))
                yield return (new ReportKey(agency, rest[..slash].ToString()), blob.Path);
        }
    }

    /// <summary>
    /// Archives a signed PDF of a complete report as the next version (1, 2, 3…). The content is read fully
    /// into memory. The version is claimed with a create-only write and the next number is tried on conflict.
    /// </summary>
    /// <exception cref="StorageException"><c>REPORT_NOT_FOUND</c>; the refusals of <see cref="SignedPdfInspector.Inspect"/>.</exception>
    public async Task<SignedVersion> ArchiveSignedAsync(string reportId, Stream signedPdf, DateTimeOffset uploadedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedPdf);
        using var buffer = new MemoryStream();
        await signedPdf.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return await ArchiveSignedAsync(reportId, buffer.ToArray(), uploadedAt, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="ArchiveSignedAsync(string, Stream, DateTimeOffset, CancellationToken)"/>
    public async Task<SignedVersion> ArchiveSignedAsync(string reportId, byte[] signedPdf, DateTimeOffset uploadedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedPdf);
        var manifest = await GetReportAsync(reportId, verify: false, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorCodes.ReportNotFound, $"找不到编号为 {reportId} 的报告");
        byte[]? reportPdf = manifest.GetFile(ReportFileNames.Pdf) is null ? null
            : await _store.ReadAllBytesAsync(ReportLayout.ReportFile(manifest.Agency, manifest.Year, reportId, ReportFileNames.Pdf), cancellationToken)
                .ConfigureAwait(false);
        // Refuses what is not a well-formed PDF, carries active content or has a signature that does not verify.
        var check = SignedPdfInspector.Inspect(signedPdf, reportPdf);

        string sha = BlobStoreExtensions.Sha256Hex(signedPdf);
        var labels = BlobLabels.Of(manifest.Agency, manifest.Year, manifest.TemplateId, reportId);
        var existing = await ListVersionNumbersAsync(manifest.Agency, manifest.Year, reportId, cancellationToken).ConfigureAwait(false);
        int version = existing.Count == 0 ? 1 : existing[^1] + 1;
        for (int attempt = 0; ; attempt++, version++)
        {
            if (attempt >= MaxVersionAttempts)
                throw new StorageException(StorageErrorCodes.BlobExists, $"报告 {reportId} 的签章版本号分配失败，请重试");
            try
            {
                await _store.WriteBytesAsync(ReportLayout.ArchiveFile(manifest.Agency, manifest.Year, reportId, version, ReportFileNames.Signed),
                    signedPdf, ContentTypes.Pdf, labels, WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (BlobAlreadyExistsException)
            {
                // Another upload claimed this version: try the next one.
            }
        }

        var result = new SignedVersion(reportId, manifest.Agency, manifest.Year, version, sha, signedPdf.Length, uploadedAt, check);
        await _store.WriteBytesAsync(ReportLayout.ArchiveFile(manifest.Agency, manifest.Year, reportId, version, ReportFileNames.SignedMetadata),
            StorageJson.Serialize(SignedMetadata.From(result)),
            ContentTypes.Json, labels, WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Lists the signed versions of a report, oldest first; empty if the report or its archive does not exist.</summary>
    public async Task<IReadOnlyList<SignedVersion>> ListSignedVersionsAsync(string reportId, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateReportId(reportId);
        var location = await ReadLocationAsync(reportId, cancellationToken).ConfigureAwait(false);
        if (location is null) return [];
        var versions = new List<SignedVersion>();
        foreach (int version in await ListVersionNumbersAsync(location.Agency, location.Year, reportId, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(await ReadVersionAsync(location, version, cancellationToken).ConfigureAwait(false));
        }
        return versions;
    }

    /// <summary>Describes one signed version (its SHA-256 and size, for a download's entity tag), or returns null if it does not exist.</summary>
    public async Task<SignedVersion?> GetSignedVersionAsync(string reportId, int version, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateReportId(reportId);
        if (version < 1) return null;
        var location = await ReadLocationAsync(reportId, cancellationToken).ConfigureAwait(false);
        if (location is null) return null;
        string pdfPath = ReportLayout.ArchiveFile(location.Agency, location.Year, reportId, version, ReportFileNames.Signed);
        if (!await _store.ExistsAsync(pdfPath, cancellationToken).ConfigureAwait(false)) return null;
        return await ReadVersionAsync(location, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a signed version's PDF, or returns null if it does not exist.</summary>
    public async Task<Stream?> OpenSignedAsync(string reportId, int version, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateReportId(reportId);
        if (version < 1) return null;
        var location = await ReadLocationAsync(reportId, cancellationToken).ConfigureAwait(false);
        if (location is null) return null;
        return await _store.OpenReadAsync(ReportLayout.ArchiveFile(location.Agency, location.Year, reportId, version, ReportFileNames.Signed),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long an unfinished save is left alone before the sweep removes it (a save takes seconds).</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Removes what interrupted saves left: temporary files, and report folders without a manifest whose files
    /// are all older than <paramref name="staleAfter"/> (default <see cref="DefaultStaleAfter"/>). A folder with a
    /// manifest (a complete report) and anything in the archive are never touched; the manifest is looked for
    /// again right before each delete. Run at start and on demand (<c>docgen sweep</c>).
    /// </summary>
    public async Task<SweepResult> SweepAsync(DateTimeOffset now, TimeSpan? staleAfter = null, CancellationToken cancellationToken = default)
    {
        var cutoff = now - (staleAfter ?? DefaultStaleAfter);
        int temps = await _store.SweepTemporaryAsync(cutoff, cancellationToken).ConfigureAwait(false);
        var folders = new Dictionary<string, List<BlobInfo>>(StringComparer.Ordinal);
        await foreach (var blob in _store.ListAsync(BlobPath.ReportsContainer + "/", cancellationToken).ConfigureAwait(false))
        {
            // reports/{agency}/{year}/{id}/{file}
            if (blob.Path.Count(c => c == '/') != 4) continue;
            string folder = blob.Path[..(blob.Path.LastIndexOf('/') + 1)];
            if (!folders.TryGetValue(folder, out var list)) folders[folder] = list = [];
            list.Add(blob);
        }
        int swept = 0, files = 0;
        foreach (var (folder, blobs) in folders)
        {
            if (blobs.Any(b => b.Path.EndsWith("/" + ReportFileNames.Manifest, StringComparison.Ordinal))) continue;
            if (blobs.Any(b => b.LastModified is not { } m || m >= cutoff)) continue;
            bool any = false;
            foreach (var blob in blobs)
            {
                if (await _store.ExistsAsync(folder + ReportFileNames.Manifest, cancellationToken).ConfigureAwait(false)) break;
                if (await _store.DeleteAsync(blob.Path, cancellationToken).ConfigureAwait(false)) { files++; any = true; }
            }
            if (any) swept++;
        }
        return new SweepResult(temps, swept, files);
    }

    /// <summary>Where a report id is stored according to the id index, or null. The report may still be incomplete.</summary>
    public async Task<ReportLocation?> ReadLocationAsync(string reportId, CancellationToken cancellationToken = default)
    {
        string path = ReportLayout.IdIndex(reportId);
        var bytes = await _store.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : StorageJson.Deserialize<ReportLocation>(bytes, path);
    }

    private Task WriteLocationAsync(ReportLocation location, BlobLabels labels, CancellationToken cancellationToken) =>
        _store.WriteBytesAsync(ReportLayout.IdIndex(location.ReportId), StorageJson.Serialize(location), ContentTypes.Json,
            labels, WriteMode.Overwrite, cancellationToken);

    /// <summary>
    /// A short-lived link that reads one file of a complete report directly from the store (Azure: a SAS URL), or
    /// null when the report is unknown or the store cannot sign links.
    /// </summary>
    public async Task<Uri?> ReadLinkAsync(ReportManifest manifest, string fileName, DateTimeOffset now, TimeSpan lifetime, string downloadName,
        CancellationToken cancellationToken = default)
    {
        if (_store is not IBlobLinks links || manifest.GetFile(fileName) is null) return null;
        return await links.ReadLinkAsync(ReportLayout.ReportFile(manifest.Agency, manifest.Year, manifest.ReportId, fileName), now, now + lifetime,
            downloadName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="ReadLinkAsync"/>, for an archived signed version; null also when there is no such version.</summary>
    public async Task<Uri?> ReadSignedLinkAsync(ReportManifest manifest, int version, DateTimeOffset now, TimeSpan lifetime, string downloadName,
        CancellationToken cancellationToken = default)
    {
        if (_store is not IBlobLinks links || version < 1) return null;
        string path = ReportLayout.ArchiveFile(manifest.Agency, manifest.Year, manifest.ReportId, version, ReportFileNames.Signed);
        if (!await _store.ExistsAsync(path, cancellationToken).ConfigureAwait(false)) return null;
        return await links.ReadLinkAsync(path, now, now + lifetime, downloadName, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReportManifest?> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await _store.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : StorageJson.Deserialize<ReportManifest>(bytes, path);
    }

    private async Task<List<int>> ListVersionNumbersAsync(string agency, int year, string reportId, CancellationToken cancellationToken)
    {
        string prefix = ReportLayout.ArchiveFolder(agency, year, reportId);
        var versions = new SortedSet<int>();
        await foreach (var blob in _store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var rest = blob.Path.AsSpan(prefix.Length);
            int slash = rest.IndexOf('/');
            if (slash <= 0 || !rest[(slash + 1)..].SequenceEqual(ReportFileNames.Signed)) continue;
            var number = rest[..slash];
            if (number[0] != '0' && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0)
                versions.Add(v);
        }
        return versions.ToList();
    }

    private async Task<SignedVersion> ReadVersionAsync(ReportLocation location, int version, CancellationToken cancellationToken)
    {
        string metaPath = ReportLayout.ArchiveFile(location.Agency, location.Year, location.ReportId, version, ReportFileNames.SignedMetadata);
        var bytes = await _store.ReadAllBytesAsync(metaPath, cancellationToken).ConfigureAwait(false);
        if (bytes is not null)
        {
            var meta = StorageJson.Deserialize<SignedMetadata>(bytes, metaPath);
            return meta.ToSignedVersion();
        }
        // The upload stopped between the PDF and its metadata: describe the PDF itself.
        string pdfPath = ReportLayout.ArchiveFile(location.Agency, location.Year, location.ReportId, version, ReportFileNames.Signed);
        var hash = await _store.ComputeSha256Async(pdfPath, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorCodes.IntegrityMismatch, $"签章文件不可读：{pdfPath}");
        return new SignedVersion(location.ReportId, location.Agency, location.Year, version, hash.Sha256, hash.Size, null);
    }

    private static StorageException Conflict(string id, string reason) =>
        new(StorageErrorCodes.ReportIdConflict, $"报告编号 {id} 冲突：{reason}");
}

/// <summary>What a sweep removed: temporary files, and the manifest-less report folders and their files.</summary>
public sealed record SweepResult(int TemporaryFiles, int Folders, int Files);

/// <summary>The content of <c>signed.json</c>.</summary>
/// <remarks>Schema 2 adds <see cref="Check"/>; versions archived under schema 1 read with it null.</remarks>
internal sealed record SignedMetadata(string Schema, string ReportId, string Agency, int Year, int Version, string FileName,
    string ContentType, string Sha256, long Size, DateTimeOffset? UploadedAt, SignedPdfCheck? Check = null)
{
    public const string CurrentSchema = "docgen.signed-version/2";

    public static SignedMetadata From(SignedVersion v) =>
        new(CurrentSchema, v.ReportId, v.Agency, v.Year, v.Version, ReportFileNames.Signed, ContentTypes.Pdf, v.Sha256, v.Size, v.UploadedAt, v.Check);

    public SignedVersion ToSignedVersion() => new(ReportId, Agency, Year, Version, Sha256, Size, UploadedAt, Check);
}
