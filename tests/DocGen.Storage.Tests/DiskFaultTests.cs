using static DocGen.Storage.Tests.TestData;

namespace DocGen.Storage.Tests;

/// <summary>A full or read-only disk under the folder store: a typed fault, the old file intact, nothing half-written left.</summary>
public class DiskFaultTests
{
    [Fact]
    public async Task Full_disk_is_a_storage_full_fault_and_keeps_the_old_file()
    {
        using var disk = Tmpfs.TryMount(256);
        if (disk is null) return; // needs root to mount; CI runs as root
        var store = new FileSystemBlobStore(disk.Path);
        byte[] good = Utf8("good");
        await store.WriteBytesAsync("reports/a/b.bin", good, "application/octet-stream");

        var e = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            store.WriteBytesAsync("reports/a/b.bin", new byte[1024 * 1024], "application/octet-stream"));
        Assert.Equal(StorageFaultKind.Full, e.Kind);
        Assert.Equal(StorageErrorCodes.StorageFull, e.Code);
        Assert.Null(e.RetryAfter);
        Assert.Equal(good, await store.ReadAllBytesAsync("reports/a/b.bin"));
        Assert.Equal(["b.bin"], Directory.EnumerateFiles(Path.Combine(disk.Path, "reports", "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Read_only_disk_is_a_read_only_fault_with_retry_after()
    {
        using var disk = Tmpfs.TryMount(256);
        if (disk is null) return;
        var store = new FileSystemBlobStore(disk.Path);
        await store.WriteBytesAsync("reports/a/b.bin", Utf8("good"), "application/octet-stream");
        disk.Remount("ro");

        var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.WriteBytesAsync("reports/a/c.bin", Utf8("new"), "application/octet-stream"));
        Assert.Equal(StorageFaultKind.ReadOnly, e.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), e.RetryAfter);
        Assert.Equal(Utf8("good"), await store.ReadAllBytesAsync("reports/a/b.bin"));
    }

    [Fact]
    public async Task Sweep_removes_stale_temporary_files_and_unfinished_saves_but_never_a_complete_report()
    {
        string root = Directory.CreateTempSubdirectory("docgen-sweep-").FullName;
        try
        {
            var store = new FileSystemBlobStore(root);
            var repository = new ReportRepository(store);
            var complete = await repository.SaveAsync(Report("某市档案局" + Unique()));
            var unfinished = Report("某市档案局" + Unique());
            await store.WriteBytesAsync(ReportLayout.ReportFile(unfinished.Agency, unfinished.Year, unfinished.ReportId, ReportFileNames.Input), unfinished.InputJson, ContentTypes.Json);
            await store.WriteBytesAsync(ReportLayout.ReportFile(unfinished.Agency, unfinished.Year, unfinished.ReportId, ReportFileNames.Pdf), unfinished.Pdf!, ContentTypes.Pdf);
            string folder = Path.GetDirectoryName(Directory.EnumerateFiles(root, "manifest.json", SearchOption.AllDirectories).Single())!;
            string stale = Path.Combine(folder, ".0123456789abcdef.tmp");
            string fresh = Path.Combine(folder, ".fedcba9876543210.tmp");
            File.WriteAllText(stale, "killed half way");
            File.WriteAllText(fresh, "a write in progress");
            var old = DateTime.UtcNow.AddHours(-2);
            File.SetLastWriteTimeUtc(stale, old);
            foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => f != fresh)) File.SetLastWriteTimeUtc(f, old);
            var before = Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).ToDictionary(f => f, File.ReadAllBytes);

            var swept = await repository.SweepAsync(DateTimeOffset.UtcNow);

            Assert.Equal(new SweepResult(TemporaryFiles: 1, Folders: 1, Files: 2), swept);
            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(fresh));
            Assert.Null(await store.ReadAllBytesAsync(ReportLayout.ReportFile(unfinished.Agency, unfinished.Year, unfinished.ReportId, ReportFileNames.Input)));
            foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Empty(await repository.VerifyAsync((await repository.GetReportAsync(complete.ReportId))!));

            // A fresh unfinished save (a save in progress) is left alone.
            var inProgress = Report("某市档案局" + Unique());
            await store.WriteBytesAsync(ReportLayout.ReportFile(inProgress.Agency, inProgress.Year, inProgress.ReportId, ReportFileNames.Input), inProgress.InputJson, ContentTypes.Json);
            Assert.Equal(0, (await repository.SweepAsync(DateTimeOffset.UtcNow)).Files);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public async Task Directory_entries_are_made_durable_on_a_fresh_tree()
    {
        // fsync on folders must work on a real file system, including the folders a write creates.
        string root = Directory.CreateTempSubdirectory("docgen-fsync-").FullName;
        try
        {
            var store = new FileSystemBlobStore(root);
            await store.WriteBytesAsync("reports/新/2025/x/input.json", Utf8("{}"), ContentTypes.Json, WriteMode.CreateOnly);
            await store.WriteBytesAsync("archive/新/2025/x/1/signed.pdf", TestPdfs.Minimal("x"), ContentTypes.Pdf, WriteMode.CreateOnly);
            Assert.Equal(Utf8("{}"), await store.ReadAllBytesAsync("reports/新/2025/x/input.json"));
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(root, true);
        }
    }
}

/// <summary>What Azure Blob Storage says when it throttles or is full becomes the same typed fault as a full or read-only disk.</summary>
public class AzureFaultClassificationTests
{
    [Theory]
    [InlineData(503, "ServerBusy", StorageFaultKind.Throttled, 5)]
    [InlineData(500, "OperationTimedOut", StorageFaultKind.Throttled, 5)]
    [InlineData(429, null, StorageFaultKind.Throttled, 5)]
    [InlineData(403, "AccountIsDisabled", StorageFaultKind.ReadOnly, 60)]
    [InlineData(409, "AccountLimitExceeded", StorageFaultKind.Full, -1)]
    public void Azure_errors_are_classified(int status, string? code, StorageFaultKind kind, int retryAfter)
    {
        var fault = StorageUnavailableException.Classify(new Azure.RequestFailedException(status, "simulated", code, null), "reports/x");
        Assert.NotNull(fault);
        Assert.Equal(kind, fault!.Kind);
        Assert.Equal(retryAfter < 0 ? null : TimeSpan.FromSeconds(retryAfter), fault.RetryAfter);
    }

    [Fact]
    public void Other_errors_keep_their_own_type()
    {
        Assert.Null(StorageUnavailableException.Classify(new Azure.RequestFailedException(404, "missing", "BlobNotFound", null), "reports/x"));
        Assert.Null(StorageUnavailableException.Classify(new BlobAlreadyExistsException("reports/x"), "reports/x"));
        Assert.Null(StorageUnavailableException.Classify(new InvalidOperationException(), "reports/x"));
    }
}
