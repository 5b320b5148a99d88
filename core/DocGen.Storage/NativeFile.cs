using System.Runtime.InteropServices;

namespace DocGen.Storage;

/// <summary>
/// A rename that never replaces an existing file. <see cref="File.Move(string, string, bool)"/> with
/// <c>overwrite: false</c> is not safe for this on Unix: .NET checks that the target is missing and then calls
/// rename(2), which replaces a file created in between. POSIX link(2) fails with EEXIST atomically, so on Unix the
/// temporary file is hard-linked to the target (and then removed); Windows' MoveFileEx without
/// REPLACE_EXISTING is already atomic.
/// </summary>
internal static partial class NativeFile
{
    private const int EEXIST = 17; // the same on Linux and macOS

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>; returns false if the target exists.</summary>
    public static bool TryMoveNoReplace(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(source, target, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                return false;
            }
        }

        int result = OperatingSystem.IsLinux() ? LinkLinux(source, target) : LinkOther(source, target);
        if (result != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == EEXIST) return false;
            throw new IOException(
                $"无法以不覆盖的方式创建文件（link 失败：{Marshal.GetPInvokeErrorMessage(errno)}，errno {errno}）。" +
                $"存储目录所在的文件系统须支持硬链接：{target}", errno);
        }
        File.Delete(source);
        return true;
    }

    /// <summary>
    /// fsync(2) on a folder, so that a rename or link into it survives a power cut. .NET cannot open a folder as a
    /// stream, hence open(2). Windows has no such call (NTFS journals metadata), so it does nothing there.
    /// </summary>
    public static void FsyncDirectory(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        const int O_RDONLY = 0;
        bool linux = OperatingSystem.IsLinux();
        int fd = linux ? OpenLinux(dir, O_RDONLY) : OpenOther(dir, O_RDONLY);
        if (fd < 0) throw ErrnoException("open", dir);
        try
        {
            if ((linux ? FsyncLinux(fd) : FsyncOther(fd)) != 0) throw ErrnoException("fsync", dir);
        }
        finally
        {
            _ = linux ? CloseLinux(fd) : CloseOther(fd);
        }
    }

    private static IOException ErrnoException(string call, string path)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} 失败：{Marshal.GetPInvokeErrorMessage(errno)}（errno {errno}）：{path}", errno);
    }

    [DllImport("libc.so.6", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenLinux([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenOther([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc.so.6", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FsyncLinux(int fd);
    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FsyncOther(int fd);
    [DllImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseLinux(int fd);
    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseOther(int fd);

    [DllImport("libc.so.6", EntryPoint = "link", SetLastError = true)]
    private static extern int LinkLinux([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int LinkOther([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
