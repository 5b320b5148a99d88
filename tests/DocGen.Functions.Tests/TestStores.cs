namespace DocGen.Functions.Tests;

/// <summary>Storage settings of the two stores the service tests run on, and the clean-up of a disk store.</summary>
public static class TestStores
{
    public static Dictionary<string, string?> Disk(string root) => new()
    {
        [DocGen.Storage.StorageSettings.Kind] = DocGen.Storage.StorageSettings.KindFileSystem,
        [DocGen.Storage.StorageSettings.Root] = root,
    };

    public static Dictionary<string, string?> Azurite(string connectionString) => new()
    {
        [DocGen.Storage.StorageSettings.Kind] = DocGen.Storage.StorageSettings.KindAzureBlob,
        [DocGen.Storage.StorageSettings.ConnectionString] = connectionString,
    };

    /// <summary>Deletes a disk store's folder; archived files are read-only on purpose, so they are made writable first.</summary>
    public static void DeleteFolder(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        if (!OperatingSystem.IsWindows())
            foreach (var f in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
                File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(root, true);
    }
}
