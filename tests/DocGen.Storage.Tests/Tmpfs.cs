using System.Diagnostics;

namespace DocGen.Storage.Tests;

/// <summary>
/// A small real file system (tmpfs) mounted for a test, to fill it up or make it read-only: the faults come from the
/// kernel, not from a stand-in. Mounting needs root (as in CI); <see cref="TryMount"/> returns null elsewhere.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    public string Path { get; }

    private Tmpfs(string path) => Path = path;

    public static Tmpfs? TryMount(int kilobytes)
    {
        if (!OperatingSystem.IsLinux()) return null;
        string path = Directory.CreateTempSubdirectory("docgen-tmpfs-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path)) return new Tmpfs(path);
        Directory.Delete(path);
        return null;
    }

    public void Remount(string options) => Assert.True(Run("mount", "-o", $"remount,{options}", Path), $"remount {options}");

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }

    private static bool Run(string file, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
