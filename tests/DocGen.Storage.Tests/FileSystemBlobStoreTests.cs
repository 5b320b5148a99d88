using static DocGen.Storage.Tests.TestData;

namespace DocGen.Storage.Tests;

/// <summary>The shared cases on <see cref="FileSystemBlobStore"/>, plus what only a folder can show.</summary>
public sealed class FileSystemBlobStoreTests : BlobStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "docgen-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(_root);

    protected override IBlobStore Store => _store;

    public void Dispose()
    {
        if (!Directory.Exists(_root)) return;
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            if (OperatingSystem.IsWindows()) File.SetAttributes(file, FileAttributes.Normal);
            else File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Archived_files_are_read_only_on_disk()
    {
        var report = Report("某市档案局" + Unique());
        var repository = new ReportRepository(_store);
        await repository.SaveAsync(report);
        var v1 = await repository.ArchiveSignedAsync(report.ReportId, FakePdf("signed"), CreatedAt);
        string path = ReportLayout.ArchiveFile(report.Agency, report.Year, report.ReportId, v1.Version, ReportFileNames.Signed);
        string file = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));

        Assert.True(_store.IsReadOnly(path));
        if (OperatingSystem.IsWindows())
            Assert.True(File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly));
        else
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(file));
        // Ordinary report files stay writable.
        Assert.False(_store.IsReadOnly(ReportLayout.ReportFile(report.Agency, report.Year, report.ReportId, ReportFileNames.Pdf)));
    }

    [Fact]
    public async Task Any_read_only_file_is_protected_from_overwrite_and_delete()
    {
        string path = $"incoming/{Unique()}/locked.json";
        await _store.WriteBytesAsync(path, Utf8("locked"), ContentTypes.Json);
        string file = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
        if (OperatingSystem.IsWindows()) File.SetAttributes(file, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(file, UnixFileMode.UserRead);

        await Assert.ThrowsAsync<BlobImmutableException>(() => _store.WriteBytesAsync(path, Utf8("x"), ContentTypes.Json));
        await Assert.ThrowsAsync<BlobImmutableException>(() => _store.DeleteAsync(path));
        Assert.Equal(Utf8("locked"), await _store.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task No_temporary_files_are_left_behind()
    {
        string folder = $"incoming/{Unique()}";
        await _store.WriteBytesAsync(folder + "/a.json", Utf8("a"), ContentTypes.Json);
        await _store.WriteBytesAsync(folder + "/a.json", Utf8("b"), ContentTypes.Json);
        await Assert.ThrowsAsync<BlobAlreadyExistsException>(() => _store.WriteBytesAsync(folder + "/a.json", Utf8("c"), ContentTypes.Json, WriteMode.CreateOnly));
        await Assert.ThrowsAnyAsync<IOException>(() => _store.WriteAsync(folder + "/b.json", new BrokenStream(10), ContentTypes.Json));

        var dir = Path.Combine(_root, folder.Replace('/', Path.DirectorySeparatorChar));
        Assert.Equal(["a.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void The_no_replace_move_never_replaces_an_existing_file()
    {
        // File.Move(overwrite: false) checks and then renames on Unix, which can replace a file created in
        // between; the store's own move must fail atomically instead.
        Directory.CreateDirectory(_root);
        string source = Path.Combine(_root, ".source.tmp"), target = Path.Combine(_root, "target");
        File.WriteAllText(source, "new");
        File.WriteAllText(target, "old");

        Assert.False(NativeFile.TryMoveNoReplace(source, target));
        Assert.Equal("old", File.ReadAllText(target));
        Assert.True(File.Exists(source));

        File.Delete(target);
        Assert.True(NativeFile.TryMoveNoReplace(source, target));
        Assert.Equal("new", File.ReadAllText(target));
        Assert.False(File.Exists(source));
    }

    [Fact]
    public void Default_root_is_the_data_folder_of_the_current_directory()
    {
        Assert.Equal(Path.GetFullPath("./data"), new FileSystemBlobStore().Root);
        Assert.Equal(Path.GetFullPath("./data"), new FileSystemBlobStore("  ").Root);
    }

    [Fact]
    public async Task Manifest_bytes_are_deterministic_and_readable()
    {
        var report = Report("某市人民政府办公室", id: "abc123") with { CreatedAt = CreatedAt };
        await new ReportRepository(_store).SaveAsync(report);
        var otherRoot = new FileSystemBlobStore(Path.Combine(_root, "other"));
        await new ReportRepository(otherRoot).SaveAsync(report);

        string path = "reports/某市人民政府办公室/2025/abc123/manifest.json";
        var bytes = await _store.ReadAllBytesAsync(path);
        Assert.Equal(bytes, await otherRoot.ReadAllBytesAsync(path));
        string text = System.Text.Encoding.UTF8.GetString(bytes!);
        Assert.StartsWith("{\n  \"schema\": \"docgen.report-manifest/1\",\n  \"reportId\": \"abc123\",\n  \"agency\": \"某市人民政府办公室\",\n  \"year\": 2025,\n", text);
        Assert.Contains("\"createdAt\": \"2026-01-15T09:30:00+08:00\"", text);
        Assert.Contains($"\"sha256\": \"{Sha256(report.InputJson)}\"", text);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        Assert.Equal("{\n  \"reportId\": \"abc123\",\n  \"agency\": \"某市人民政府办公室\",\n  \"year\": 2025\n}\n",
            System.Text.Encoding.UTF8.GetString((await _store.ReadAllBytesAsync("ids/abc123.json"))!));
    }
}
