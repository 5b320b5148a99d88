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
                $"存储目录所在的文件系统须支持硬链接：{target}");
        }
        File.Delete(source);
        return true;
    }

    [DllImport("libc.so.6", EntryPoint = "link", SetLastError = true)]
    private static extern int LinkLinux([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int LinkOther([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
