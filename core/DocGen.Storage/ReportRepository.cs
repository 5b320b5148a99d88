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
    public async Task<ReportManifest> SaveAsync(NewReport report, CancellationToken cancellationToken = default)
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
        var existing = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            EnsureSameInput(existing, inputSha);
            if (indexed != location) await WriteLocationAsync(location, cancellationToken).ConfigureAwait(false);
            return existing;
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
            // Overwrite: files left by an interrupted save were never referenced by a manifest.
            await _store.WriteBytesAsync(ReportLayout.ReportFile(agency, report.Year, id, name), bytes, contentType,
                WriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
            files.Add(new ManifestFile(name, BlobStoreExtensions.Sha256Hex(bytes), bytes.Length, contentType));
        }

        await WriteLocationAsync(location, cancellationToken).ConfigureAwait(false);

        var manifest = new ReportManifest(ReportManifest.CurrentSchema, id, agency, report.Year, report.TemplateId,
            report.DocGenVersion, report.CreatedAt, files);
        try
        {
            await _store.WriteBytesAsync(manifestPath, StorageJson.Serialize(manifest), ContentTypes.Json,
                WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
            return manifest;
        }
        catch (BlobAlreadyExistsException)
        {
            // A concurrent save of the same id finished first.
            var winner = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false)
                ?? throw new StorageException(StorageErrorCodes.IntegrityMismatch, $"报告清单无法读取：{manifestPath}");
            EnsureSameInput(winner, inputSha);
            return winner;
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
    /// Archives a signed PDF of a complete report as the next version (1, 2, 3…). The content is read fully
    /// into memory. The version is claimed with a create-only write and the next number is tried on conflict.
    /// </summary>
    /// <exception cref="StorageException"><c>REPORT_NOT_FOUND</c>, <c>NOT_PDF</c>.</exception>
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
        if (!LooksLikePdf(signedPdf))
            throw new StorageException(StorageErrorCodes.NotPdf, "上传的签章文件为空或不是 PDF 文件");
        var manifest = await GetReportAsync(reportId, verify: false, cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException(StorageErrorCodes.ReportNotFound, $"找不到编号为 {reportId} 的报告");

        string sha = BlobStoreExtensions.Sha256Hex(signedPdf);
        var existing = await ListVersionNumbersAsync(manifest.Agency, manifest.Year, reportId, cancellationToken).ConfigureAwait(false);
        int version = existing.Count == 0 ? 1 : existing[^1] + 1;
        for (int attempt = 0; ; attempt++, version++)
        {
            if (attempt >= MaxVersionAttempts)
                throw new StorageException(StorageErrorCodes.BlobExists, $"报告 {reportId} 的签章版本号分配失败，请重试");
            try
            {
                await _store.WriteBytesAsync(ReportLayout.ArchiveFile(manifest.Agency, manifest.Year, reportId, version, ReportFileNames.Signed),
                    signedPdf, ContentTypes.Pdf, WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (BlobAlreadyExistsException)
            {
                // Another upload claimed this version: try the next one.
            }
        }

        var result = new SignedVersion(reportId, manifest.Agency, manifest.Year, version, sha, signedPdf.Length, uploadedAt);
        await _store.WriteBytesAsync(ReportLayout.ArchiveFile(manifest.Agency, manifest.Year, reportId, version, ReportFileNames.SignedMetadata),
            StorageJson.Serialize(SignedMetadata.From(result)),
            ContentTypes.Json, WriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Where a report id is stored according to the id index, or null. The report may still be incomplete.</summary>
    public async Task<ReportLocation?> ReadLocationAsync(string reportId, CancellationToken cancellationToken = default)
    {
        string path = ReportLayout.IdIndex(reportId);
        var bytes = await _store.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : StorageJson.Deserialize<ReportLocation>(bytes, path);
    }

    private Task WriteLocationAsync(ReportLocation location, CancellationToken cancellationToken) =>
        _store.WriteBytesAsync(ReportLayout.IdIndex(location.ReportId), StorageJson.Serialize(location), ContentTypes.Json,
            WriteMode.Overwrite, cancellationToken);

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

    private static bool LooksLikePdf(byte[] bytes)
    {
        // The header "%PDF-" must be within the first 1024 bytes (ISO 32000 allows leading junk).
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    private static StorageException Conflict(string id, string reason) =>
        new(StorageErrorCodes.ReportIdConflict, $"报告编号 {id} 冲突：{reason}");
}

/// <summary>The content of <c>signed.json</c>.</summary>
internal sealed record SignedMetadata(string Schema, string ReportId, string Agency, int Year, int Version, string FileName,
    string ContentType, string Sha256, long Size, DateTimeOffset? UploadedAt)
{
    public const string CurrentSchema = "docgen.signed-version/1";

    public static SignedMetadata From(SignedVersion v) =>
        new(CurrentSchema, v.ReportId, v.Agency, v.Year, v.Version, ReportFileNames.Signed, ContentTypes.Pdf, v.Sha256, v.Size, v.UploadedAt);

    public SignedVersion ToSignedVersion() => new(ReportId, Agency, Year, Version, Sha256, Size, UploadedAt);
}
