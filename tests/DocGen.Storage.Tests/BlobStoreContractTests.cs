using static DocGen.Storage.Tests.TestData;

namespace DocGen.Storage.Tests;

/// <summary>
/// The same cases for every <see cref="IBlobStore"/>: the blob-level guarantees and the report repository on top.
/// Each test uses fresh unique names, so a shared Azurite (or a reused folder) cannot make tests interfere.
/// </summary>
public abstract class BlobStoreContractTests
{
    protected abstract IBlobStore Store { get; }

    private ReportRepository Repository => new(Store);

    // ---------- blob level ----------

    [Fact]
    public async Task Write_then_read_round_trips_with_chinese_path()
    {
        string path = $"incoming/{Unique()}/某市人民政府办公室/数据.json";
        var bytes = Utf8("{\"机构\":\"某市人民政府办公室\"}");
        var written = await Store.WriteBytesAsync(path, bytes, ContentTypes.Json);

        Assert.Equal(bytes.Length, written.Size);
        Assert.Equal(bytes, await Store.ReadAllBytesAsync(path));
        Assert.True(await Store.ExistsAsync(path));
        var info = await Store.GetInfoAsync(path);
        Assert.NotNull(info);
        Assert.Equal(bytes.Length, info.Size);
        Assert.Equal(ContentTypes.Json, info.ContentType);
        Assert.Equal((Sha256(bytes), (long)bytes.Length), await Store.ComputeSha256Async(path));
    }

    [Fact]
    public async Task Overwrite_replaces_content()
    {
        string path = $"incoming/{Unique()}/a.json";
        await Store.WriteBytesAsync(path, Utf8("first, longer content"), ContentTypes.Json);
        await Store.WriteBytesAsync(path, Utf8("second"), ContentTypes.Json);
        Assert.Equal(Utf8("second"), await Store.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Create_only_refuses_an_existing_blob_with_a_distinct_exception()
    {
        string path = $"incoming/{Unique()}/a.json";
        await Store.WriteBytesAsync(path, Utf8("original"), ContentTypes.Json, WriteMode.CreateOnly);

        var ex = await Assert.ThrowsAsync<BlobAlreadyExistsException>(() =>
            Store.WriteBytesAsync(path, Utf8("intruder"), ContentTypes.Json, WriteMode.CreateOnly));
        Assert.Equal(StorageErrorCodes.BlobExists, ex.Code);
        Assert.Equal(path, ex.Path);
        Assert.Equal(Utf8("original"), await Store.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Concurrent_create_only_writes_have_exactly_one_winner()
    {
        string path = $"incoming/{Unique()}/race.json";
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await Store.WriteBytesAsync(path, Utf8($"writer {i}"), ContentTypes.Json, WriteMode.CreateOnly);
                return i;
            }
            catch (BlobAlreadyExistsException)
            {
                return -1;
            }
        }));
        var winners = results.Where(r => r >= 0).ToList();
        Assert.Single(winners);
        Assert.Equal(Utf8($"writer {winners[0]}"), await Store.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_the_old_content_and_nothing_half_written()
    {
        string folder = $"incoming/{Unique()}";
        string path = folder + "/a.json";
        await Store.WriteBytesAsync(path, Utf8("old"), ContentTypes.Json);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync(path, new BrokenStream(100_000), ContentTypes.Json));
        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync(folder + "/new.json", new BrokenStream(100_000), ContentTypes.Json,
            WriteMode.CreateOnly));

        Assert.Equal(Utf8("old"), await Store.ReadAllBytesAsync(path));
        Assert.False(await Store.ExistsAsync(folder + "/new.json"));
        var listed = await ToListAsync(Store.ListAsync(folder + "/"));
        Assert.Equal([path], listed.Select(b => b.Path));
    }

    [Fact]
    public async Task Missing_blobs_read_as_absent()
    {
        string path = $"incoming/{Unique()}/none.json";
        Assert.Null(await Store.OpenReadAsync(path));
        Assert.Null(await Store.GetInfoAsync(path));
        Assert.False(await Store.ExistsAsync(path));
        Assert.False(await Store.DeleteAsync(path));
        Assert.Null(await Store.ComputeSha256Async(path));
        Assert.Empty(await ToListAsync(Store.ListAsync($"incoming/{Unique()}/")));
        Assert.Empty(await ToListAsync(Store.ListAsync("nosuchcontainer/")));
    }

    [Fact]
    public async Task List_by_prefix_returns_exactly_the_matching_blobs()
    {
        string root = $"incoming/{Unique()}";
        string[] paths = [$"{root}/a/1.json", $"{root}/a/sub/2.json", $"{root}/ab/3.json", $"{root}/b/4.json"];
        foreach (var p in paths) await Store.WriteBytesAsync(p, Utf8(p), ContentTypes.Json);

        async Task<string[]> List(string prefix) =>
            (await ToListAsync(Store.ListAsync(prefix))).Select(b => b.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal([paths[0], paths[1]], await List(root + "/a/"));
        Assert.Equal([paths[0], paths[1], paths[2]], await List(root + "/a"));
        Assert.Equal(paths, await List(root + "/"));
        var info = (await ToListAsync(Store.ListAsync(root + "/b/"))).Single();
        Assert.Equal(Utf8(paths[3]).Length, info.Size);
    }

    [Fact]
    public async Task Delete_removes_an_ordinary_blob()
    {
        string path = $"incoming/{Unique()}/a.json";
        await Store.WriteBytesAsync(path, Utf8("x"), ContentTypes.Json);
        Assert.True(await Store.DeleteAsync(path));
        Assert.False(await Store.ExistsAsync(path));
    }

    [Fact]
    public async Task Archive_blobs_are_write_once_at_the_store_level()
    {
        string path = $"archive/{Unique()}/2025/r1/1/signed.pdf";
        var original = FakePdf("original");
        await Assert.ThrowsAsync<BlobImmutableException>(() => Store.WriteBytesAsync(path, original, ContentTypes.Pdf, WriteMode.Overwrite));
        await Store.WriteBytesAsync(path, original, ContentTypes.Pdf, WriteMode.CreateOnly);

        var overwrite = await Assert.ThrowsAsync<BlobImmutableException>(() =>
            Store.WriteBytesAsync(path, FakePdf("forged"), ContentTypes.Pdf, WriteMode.Overwrite));
        Assert.Equal(StorageErrorCodes.ArchiveImmutable, overwrite.Code);
        await Assert.ThrowsAsync<BlobAlreadyExistsException>(() =>
            Store.WriteBytesAsync(path, FakePdf("forged"), ContentTypes.Pdf, WriteMode.CreateOnly));
        await Assert.ThrowsAsync<BlobImmutableException>(() => Store.DeleteAsync(path));
        Assert.Equal(original, await Store.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("reports")]
    [InlineData("../etc/passwd")]
    [InlineData("reports/../archive/x")]
    [InlineData("reports/a/../../x")]
    [InlineData("reports/./x")]
    [InlineData("reports//x")]
    [InlineData("reports/x/")]
    [InlineData("/reports/x")]
    [InlineData("reports/.hidden")]
    [InlineData("reports/a\\..\\b")]
    [InlineData("Reports/x")]
    [InlineData("re/x")]
    [InlineData("reports/a\u0000b")]
    [InlineData("reports/a:b")]
    [InlineData("reports/trailing.")]
    public async Task Invalid_paths_are_rejected_everywhere(string path)
    {
        var ex = await Assert.ThrowsAsync<InvalidStorageNameException>(() => Store.WriteBytesAsync(path, Utf8("x"), ContentTypes.Json));
        Assert.Equal(StorageErrorCodes.InvalidPath, ex.Code);
        await Assert.ThrowsAsync<InvalidStorageNameException>(() => Store.OpenReadAsync(path));
        await Assert.ThrowsAsync<InvalidStorageNameException>(() => Store.ExistsAsync(path));
        await Assert.ThrowsAsync<InvalidStorageNameException>(() => Store.DeleteAsync(path));
    }

    // ---------- report repository ----------

    [Fact]
    public async Task Saved_report_is_found_by_id_and_manifest_hashes_match_the_stored_bytes()
    {
        var report = Report("某市人民政府办公室" + Unique());
        var manifest = await Repository.SaveAsync(report);

        Assert.Equal(ReportFileNames.ReportFiles, manifest.Files.Select(f => f.Name));
        var found = await Repository.GetReportAsync(report.ReportId, verify: true);
        AssertSameManifest(manifest, found);

        foreach (var file in manifest.Files)
        {
            var stored = await Store.ReadAllBytesAsync(ReportLayout.ReportFile(report.Agency, report.Year, report.ReportId, file.Name));
            Assert.NotNull(stored);
            Assert.Equal(file.Sha256, Sha256(stored));
            Assert.Equal(file.Size, stored.Length);
            Assert.Equal(ContentTypes.FromFileName(file.Name), file.ContentType);
        }
        Assert.Equal(Sha256(report.Pdf!), manifest.GetFile(ReportFileNames.Pdf)!.Sha256);
        Assert.Empty(await Repository.VerifyAsync(manifest));

        await using var pdf = await Repository.OpenFileAsync(report.ReportId, ReportFileNames.Pdf);
        Assert.NotNull(pdf);
        using var copy = new MemoryStream();
        await pdf.CopyToAsync(copy);
        Assert.Equal(report.Pdf, copy.ToArray());
        Assert.Null(await Repository.OpenFileAsync(report.ReportId, "secret.txt"));
        Assert.Null(await Repository.GetReportAsync(Unique()));
    }

    [Fact]
    public async Task Optional_files_may_be_left_out()
    {
        var report = Report("某县财政局" + Unique()) with { Docx = null, Pdf = null, ValidationJson = null };
        var manifest = await Repository.SaveAsync(report);
        Assert.Equal([ReportFileNames.Input], manifest.Files.Select(f => f.Name));
        Assert.Null(await Repository.OpenFileAsync(report.ReportId, ReportFileNames.Pdf));
        Assert.NotNull(await Repository.GetReportAsync(report.ReportId, verify: true));
    }

    [Fact]
    public async Task Saving_the_same_report_again_is_idempotent()
    {
        var report = Report("某区教育局" + Unique());
        var first = await Repository.SaveAsync(report);
        var manifestPath = ReportLayout.ReportFile(report.Agency, report.Year, report.ReportId, ReportFileNames.Manifest);
        var firstBytes = await Store.ReadAllBytesAsync(manifestPath);

        var again = await Repository.SaveAsync(report with { CreatedAt = CreatedAt.AddDays(1), DocGenVersion = "9.9.9" });

        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal("0.1.0", again.DocGenVersion);
        Assert.Equal(firstBytes, await Store.ReadAllBytesAsync(manifestPath));
        Assert.Single(await Repository.ListReportsAsync(report.Agency));
    }

    [Fact]
    public async Task Same_id_with_other_input_or_other_agency_is_a_conflict()
    {
        var report = Report("某区卫健委" + Unique());
        await Repository.SaveAsync(report);

        var otherInput = await Assert.ThrowsAsync<StorageException>(() =>
            Repository.SaveAsync(report with { InputJson = Utf8("{\"year\":2024}") }));
        Assert.Equal(StorageErrorCodes.ReportIdConflict, otherInput.Code);

        var otherAgency = await Assert.ThrowsAsync<StorageException>(() =>
            Repository.SaveAsync(report with { Agency = "另一个局" + Unique() }));
        Assert.Equal(StorageErrorCodes.ReportIdConflict, otherAgency.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task A_fault_halfway_through_saving_leaves_no_report_and_a_retry_succeeds(int failingWrite)
    {
        var report = Report("某市统计局" + Unique());
        var faulty = new FaultyBlobStore(Store, failingWrite);

        await Assert.ThrowsAsync<IOException>(() => new ReportRepository(faulty).SaveAsync(report));

        Assert.False(await Store.ExistsAsync(ReportLayout.ReportFile(report.Agency, report.Year, report.ReportId, ReportFileNames.Manifest)));
        Assert.Null(await Repository.GetReportAsync(report.ReportId));
        Assert.Null(await Repository.GetReportAsync(report.Agency, report.Year, report.ReportId));
        Assert.Empty(await Repository.ListReportsAsync(report.Agency));
        await Assert.ThrowsAsync<StorageException>(() => Repository.ArchiveSignedAsync(report.ReportId, FakePdf("s"), CreatedAt));

        var manifest = await Repository.SaveAsync(report);
        AssertSameManifest(manifest, await Repository.GetReportAsync(report.ReportId, verify: true));
        Assert.Single(await Repository.ListReportsAsync(report.Agency));
    }

    [Fact]
    public async Task Reports_are_listed_per_agency_and_year()
    {
        string agency = "某省发展和改革委员会" + Unique();
        var a = await Repository.SaveAsync(Report(agency, 2024));
        var b = await Repository.SaveAsync(Report(agency, 2025));
        await Repository.SaveAsync(Report(agency + "二", 2025)); // a name that extends the first must not leak in
        // An incomplete report (no manifest) is never listed.
        await Store.WriteBytesAsync(ReportLayout.ReportFile(agency, 2025, Unique(), ReportFileNames.Input), Utf8("{}"), ContentTypes.Json);

        var all = await Repository.ListReportsAsync(agency);
        Assert.Equal([b.ReportId, a.ReportId], all.Select(m => m.ReportId));
        Assert.Equal([b.ReportId], (await Repository.ListReportsAsync(agency, 2025)).Select(m => m.ReportId));
        Assert.Empty(await Repository.ListReportsAsync(agency, 2023));
        Assert.Empty(await Repository.ListReportsAsync("从未保存过的机构" + Unique()));
    }

    [Fact]
    public async Task The_reports_of_a_year_are_paged_by_agency_then_id()
    {
        // A year no other test writes, so the store's other reports stay out of this list.
        int year = 5000 + Random.Shared.Next(4000);
        string u = Unique(), yi = "乙局" + u, jia = "甲局" + u, ding = "丁局" + u, bing = "丙局" + u;
        var saved = new[] { await Repository.SaveAsync(Report(jia, year)), await Repository.SaveAsync(Report(yi, year)), await Repository.SaveAsync(Report(yi, year)) };
        await Repository.SaveAsync(Report(jia, year + 1));
        // Without a manifest a report is incomplete: neither listed nor counted as submitted.
        await Store.WriteBytesAsync(ReportLayout.ReportFile(bing, year, Unique(), ReportFileNames.Input), Utf8("{}"), ContentTypes.Json);
        var order = saved.OrderBy(m => m.Agency, StringComparer.Ordinal).ThenBy(m => m.ReportId, StringComparer.Ordinal).Select(m => m.ReportId).ToList();

        var first = await Repository.ListYearAsync(year, 2);
        Assert.Equal(order[..2], first.Reports.Select(m => m.ReportId));
        Assert.NotNull(first.Next);
        // Stored between the pages: one that sorts before the cursor is not listed again later, one after it is.
        await Repository.SaveAsync(Report(ding, year));
        var late = await Repository.SaveAsync(Report(jia, year, id: "zz" + Unique()));
        var second = await Repository.ListYearAsync(year, 2, first.Next);
        Assert.Equal([order[2], late.ReportId], second.Reports.Select(m => m.ReportId));
        Assert.Null(second.Next);

        Assert.Equal(new[] { ding, yi, jia }.Order(StringComparer.Ordinal), await Repository.ListAgenciesAsync(year));
        Assert.Empty(await Repository.ListAgenciesAsync(year - 1));
    }

    [Fact]
    public async Task The_list_of_a_year_lists_only_that_years_folders()
    {
        int year = 2100 + Random.Shared.Next(2800); // not a year the other tests write
        string u = Unique(), jia = "甲局" + u, yi = "乙局" + u, bing = "丙局" + u;
        foreach (var agency in new[] { jia, yi, bing })
            for (int y = year - 3; y < year; y++)
                await Repository.SaveAsync(Report(agency, y));
        var wanted = new[] { await Repository.SaveAsync(Report(jia, year)), await Repository.SaveAsync(Report(jia, year)), await Repository.SaveAsync(Report(yi, year)) };
        var counting = new CountingBlobStore(Store);
        var repository = new ReportRepository(counting);
        string yearSegment = "/" + year + "/";

        var all = await repository.ListYearAsync(year, 10);
        Assert.Equal(wanted.OrderBy(m => m.Agency, StringComparer.Ordinal).ThenBy(m => m.ReportId, StringComparer.Ordinal).Select(m => m.ReportId),
            all.Reports.Select(m => m.ReportId));
        Assert.Null(all.Next);
        // One listing of the agency folders, then year folders only: the five files of each of the year's three reports.
        Assert.Equal(["reports/"], counting.FolderListings);
        Assert.All(counting.Prefixes, p => Assert.EndsWith(yearSegment, p, StringComparison.Ordinal));
        Assert.Equal(15, counting.Enumerated.Count);

        // A later page lists no year folder of an agency before its cursor.
        counting.Clear();
        var first = await repository.ListYearAsync(year, 1);
        counting.Clear();
        var second = await repository.ListYearAsync(year, 1, first.Next);
        Assert.Equal(all.Reports[1].ReportId, second.Reports.Single().ReportId);
        Assert.All(counting.Prefixes, p => Assert.True(string.CompareOrdinal(p.Split('/')[1], first.Next!.Agency) >= 0, p));

        counting.Clear();
        Assert.Equal(new[] { jia, yi }.Order(StringComparer.Ordinal), await repository.ListAgenciesAsync(year));
        Assert.All(counting.Prefixes, p => Assert.EndsWith(yearSegment, p, StringComparison.Ordinal));
        Assert.All(counting.Enumerated, p => Assert.Contains(yearSegment, p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folders_are_listed_one_level_deep()
    {
        string root = $"incoming/{Unique()}/";
        await Store.WriteBytesAsync(root + "a.json", Utf8("{}"), ContentTypes.Json);
        await Store.WriteBytesAsync(root + "某局/2025/x.json", Utf8("{}"), ContentTypes.Json);
        await Store.WriteBytesAsync(root + "某局/2024/x.json", Utf8("{}"), ContentTypes.Json);
        await Store.WriteBytesAsync(root + "乙/y.json", Utf8("{}"), ContentTypes.Json);

        var folders = new List<string>();
        await foreach (var f in Store.ListFoldersAsync(root)) folders.Add(f);
        Assert.Equal(["乙", "某局"], folders.Order(StringComparer.Ordinal));
        var years = new List<string>();
        await foreach (var f in Store.ListFoldersAsync(root + "某局/")) years.Add(f);
        Assert.Equal(["2024", "2025"], years.Order(StringComparer.Ordinal));
        await foreach (var _ in Store.ListFoldersAsync($"incoming/{Unique()}/")) Assert.Fail("a folder that does not exist has no folders");
        await foreach (var _ in Store.ListFoldersAsync($"c{Unique()}/")) Assert.Fail("a container that does not exist has no folders");
        await Assert.ThrowsAsync<InvalidStorageNameException>(async () => { await foreach (var _ in Store.ListFoldersAsync(root + "某局")) { } });
    }

    [Fact]
    public async Task Verification_detects_changed_and_missing_files()
    {
        var report = Report("某市审计局" + Unique());
        var manifest = await Repository.SaveAsync(report);
        await Store.WriteBytesAsync(ReportLayout.ReportFile(report.Agency, report.Year, report.ReportId, ReportFileNames.Pdf),
            FakePdf("tampered!"), ContentTypes.Pdf);
        await Store.DeleteAsync(ReportLayout.ReportFile(report.Agency, report.Year, report.ReportId, ReportFileNames.Docx));

        Assert.NotNull(await Repository.GetReportAsync(report.ReportId)); // without verification
        var ex = await Assert.ThrowsAsync<ReportIntegrityException>(() => Repository.GetReportAsync(report.ReportId, verify: true));
        Assert.Equal(StorageErrorCodes.IntegrityMismatch, ex.Code);
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal(2, (await Repository.VerifyAsync(manifest)).Count);
    }

    [Fact]
    public async Task Signed_versions_are_numbered_kept_and_readable()
    {
        var report = Report("某市司法局" + Unique());
        await Repository.SaveAsync(report);
        Assert.Empty(await Repository.ListSignedVersionsAsync(report.ReportId));

        var v1 = await Repository.ArchiveSignedAsync(report.ReportId, FakePdf("signed 1"), CreatedAt.AddDays(1));
        await using (var stream = new MemoryStream(FakePdf("signed 2")))
        {
            var v2 = await Repository.ArchiveSignedAsync(report.ReportId, stream, CreatedAt.AddDays(2));
            Assert.Equal(2, v2.Version);
        }
        Assert.Equal(1, v1.Version);
        Assert.Equal(Sha256(FakePdf("signed 1")), v1.Sha256);

        var versions = await Repository.ListSignedVersionsAsync(report.ReportId);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(v1, versions[0]);
        Assert.Equal(CreatedAt.AddDays(2), versions[1].UploadedAt);

        await using var opened = await Repository.OpenSignedAsync(report.ReportId, 2);
        Assert.NotNull(opened);
        using var copy = new MemoryStream();
        await opened.CopyToAsync(copy);
        Assert.Equal(FakePdf("signed 2"), copy.ToArray());
        Assert.Null(await Repository.OpenSignedAsync(report.ReportId, 3));
        Assert.Null(await Repository.OpenSignedAsync(report.ReportId, 0));
    }

    [Fact]
    public async Task Ten_concurrent_uploads_get_distinct_consecutive_versions()
    {
        var report = Report("某市公安局" + Unique());
        await Repository.SaveAsync(report);

        var uploads = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => new ReportRepository(Store).ArchiveSignedAsync(report.ReportId, FakePdf($"signed {i}"), CreatedAt.AddMinutes(i)))));

        Assert.Equal(Enumerable.Range(1, 10), uploads.Select(u => u.Version).Order());
        var listed = await Repository.ListSignedVersionsAsync(report.ReportId);
        Assert.Equal(Enumerable.Range(1, 10), listed.Select(v => v.Version));
        foreach (var upload in uploads)
        {
            var stored = await Store.ReadAllBytesAsync(ReportLayout.ArchiveFile(report.Agency, report.Year, report.ReportId, upload.Version, ReportFileNames.Signed));
            Assert.Equal(upload.Sha256, Sha256(stored!));
            Assert.Equal(upload, listed[upload.Version - 1]);
        }
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_report_agree_on_one_manifest()
    {
        var report = Report("某市民政局" + Unique());
        var saved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new ReportRepository(Store).SaveAsync(report))));
        foreach (var manifest in saved) AssertSameManifest(saved[0], manifest);
        AssertSameManifest(saved[0], await Repository.GetReportAsync(report.ReportId, verify: true));
    }

    [Fact]
    public async Task An_upload_interrupted_before_its_metadata_still_lists_the_pdf()
    {
        var report = Report("某市信访局" + Unique());
        await Repository.SaveAsync(report);
        var faulty = new FaultyBlobStore(Store, failOnWrite: 2); // 1: signed.pdf, 2: signed.json
        await Assert.ThrowsAsync<IOException>(() => new ReportRepository(faulty).ArchiveSignedAsync(report.ReportId, FakePdf("v1"), CreatedAt));
        var v2 = await Repository.ArchiveSignedAsync(report.ReportId, FakePdf("v2"), CreatedAt);

        Assert.Equal(2, v2.Version);
        var listed = await Repository.ListSignedVersionsAsync(report.ReportId);
        Assert.Equal(new SignedVersion(report.ReportId, report.Agency, report.Year, 1, Sha256(FakePdf("v1")), FakePdf("v1").Length, null), listed[0]);
        Assert.Equal(v2, listed[1]);
    }

    [Fact]
    public async Task A_signed_version_cannot_be_overwritten_or_deleted()
    {
        var report = Report("某市档案局" + Unique());
        await Repository.SaveAsync(report);
        var v1 = await Repository.ArchiveSignedAsync(report.ReportId, FakePdf("the signed one"), CreatedAt);
        string path = ReportLayout.ArchiveFile(report.Agency, report.Year, report.ReportId, v1.Version, ReportFileNames.Signed);
        string meta = ReportLayout.ArchiveFile(report.Agency, report.Year, report.ReportId, v1.Version, ReportFileNames.SignedMetadata);

        await Assert.ThrowsAsync<BlobImmutableException>(() => Store.WriteBytesAsync(path, FakePdf("forged"), ContentTypes.Pdf));
        await Assert.ThrowsAsync<BlobAlreadyExistsException>(() =>
            Store.WriteBytesAsync(path, FakePdf("forged"), ContentTypes.Pdf, WriteMode.CreateOnly));
        await Assert.ThrowsAsync<BlobImmutableException>(() => Store.DeleteAsync(path));
        await Assert.ThrowsAsync<BlobImmutableException>(() => Store.DeleteAsync(meta));
        await Assert.ThrowsAsync<BlobImmutableException>(() => Store.WriteBytesAsync(meta, Utf8("{}"), ContentTypes.Json));

        Assert.Equal(FakePdf("the signed one"), await Store.ReadAllBytesAsync(path));
        Assert.Equal([v1], await Repository.ListSignedVersionsAsync(report.ReportId));
    }

    [Fact]
    public async Task Archiving_needs_a_complete_report_and_a_pdf()
    {
        var missing = await Assert.ThrowsAsync<StorageException>(() => Repository.ArchiveSignedAsync(Unique(), FakePdf("x"), CreatedAt));
        Assert.Equal(StorageErrorCodes.ReportNotFound, missing.Code);

        var report = Report("某市档案局" + Unique());
        await Repository.SaveAsync(report);
        var notPdf = await Assert.ThrowsAsync<StorageException>(() => Repository.ArchiveSignedAsync(report.ReportId, Utf8("hello"), CreatedAt));
        Assert.Equal(StorageErrorCodes.NotPdf, notPdf.Code);
        var empty = await Assert.ThrowsAsync<StorageException>(() => Repository.ArchiveSignedAsync(report.ReportId, [], CreatedAt));
        Assert.Equal(StorageErrorCodes.NotPdf, empty.Code);
        Assert.Empty(await Repository.ListSignedVersionsAsync(report.ReportId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    [InlineData("../../etc")]
    [InlineData("某局/../../archive")]
    [InlineData("某局/处室")]
    [InlineData("某局\\处室")]
    [InlineData(".某局")]
    [InlineData("某局.")]
    [InlineData(" 某局")]
    [InlineData("某局\n")]
    [InlineData("某\u0000局")]
    [InlineData("某\u200b局")]
    [InlineData("某局:")]
    [InlineData("某局%2F")]
    [InlineData("NUL")]
    public async Task Traversal_and_odd_agency_names_are_refused(string agency)
    {
        var ex = await Assert.ThrowsAsync<InvalidStorageNameException>(() => Repository.SaveAsync(Report(agency)));
        Assert.Equal(StorageErrorCodes.InvalidAgency, ex.Code);
        Assert.StartsWith("机构名称无效", ex.Message);
        await Assert.ThrowsAsync<InvalidStorageNameException>(() => Repository.ListReportsAsync(agency));
    }

    [Fact]
    public async Task Overlong_agency_names_are_refused_and_long_chinese_names_are_fine()
    {
        var tooLong = await Assert.ThrowsAsync<InvalidStorageNameException>(() => Repository.SaveAsync(Report(new string('a', 101))));
        Assert.Equal(StorageErrorCodes.InvalidAgency, tooLong.Code);

        string longChinese = "中华人民共和国某某省某某市某某区人民政府办公室政务公开科" + Unique(); // 28 + 12 characters
        var manifest = await Repository.SaveAsync(Report(longChinese));
        Assert.Equal(longChinese, manifest.Agency);
        Assert.True(await Store.ExistsAsync($"reports/{longChinese}/2025/{manifest.ReportId}/manifest.json"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("")]
    public async Task Bad_report_ids_are_refused(string id)
    {
        var ex = await Assert.ThrowsAsync<InvalidStorageNameException>(() => Repository.SaveAsync(Report("某局", id: id)));
        Assert.Equal(StorageErrorCodes.InvalidReportId, ex.Code);
        await Assert.ThrowsAsync<InvalidStorageNameException>(() => Repository.GetReportAsync(id));
    }

    /// <summary>Records compare lists by reference, so compare the files element by element.</summary>
    protected static void AssertSameManifest(ReportManifest expected, ReportManifest? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Files, actual.Files);
        Assert.Equal(expected with { Files = actual.Files }, actual);
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
