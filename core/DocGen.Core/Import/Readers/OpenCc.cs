using System.Runtime.InteropServices;
using System.Text;

namespace DocGen.Core.Import.Readers;

/// <summary>
/// Debian's libopencc, reached with P/Invoke: conversions between simplified and traditional characters
/// with OpenCC's own dictionaries (configs such as "t2s.json", "tw2sp.json" in its data folder).
/// Converters are opened once per process and used under a lock.
/// </summary>
internal static class OpenCc
{
    private const string Library = "opencc";
    private static readonly string[] LibraryNames = ["libopencc.so.1.1", "libopencc.so", "libopencc.so.1.2", "opencc", "libopencc.dylib"];
    private static readonly string[] DataFolders = ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"];
    private static readonly Dictionary<string, IntPtr> Open = new();
    private static readonly Lock Gate = new();

    static OpenCc()
    {
        NativeLibrary.SetDllImportResolver(typeof(OpenCc).Assembly, (name, assembly, path) =>
        {
            if (name != Library) return IntPtr.Zero;
            foreach (var candidate in LibraryNames)
                if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
            return IntPtr.Zero;
        });
    }

    [DllImport(Library, EntryPoint = "opencc_open")]
    private static extern IntPtr NativeOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string config);

    [DllImport(Library, EntryPoint = "opencc_convert_utf8")]
    private static extern IntPtr NativeConvert(IntPtr converter, byte[] input, UIntPtr length);

    [DllImport(Library, EntryPoint = "opencc_convert_utf8_free")]
    private static extern void NativeFree(IntPtr text);

    /// <summary>Whether libopencc and the config can be loaded on this machine.</summary>
    public static bool IsAvailable(string config)
    {
        try
        {
            lock (Gate) return Converter(config) != IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The text converted with <paramref name="config"/>; newlines are kept, so lines still line up.</summary>
    public static string Convert(string config, string text)
    {
        if (text.Length == 0) return text;
        var input = Encoding.UTF8.GetBytes(text);
        lock (Gate)
        {
            var converter = Converter(config);
            if (converter == IntPtr.Zero) throw new InvalidOperationException($"OpenCC config {config} not available");
            IntPtr output = NativeConvert(converter, input, (UIntPtr)input.Length);
            if (output == IntPtr.Zero) throw new InvalidOperationException("OpenCC conversion failed");
            try { return Marshal.PtrToStringUTF8(output) ?? ""; }
            finally { NativeFree(output); }
        }
    }

    private static IntPtr Converter(string config)
    {
        if (Open.TryGetValue(config, out var handle)) return handle;
        string path = DataFolders.Select(d => Path.Combine(d, config)).FirstOrDefault(File.Exists) ?? config;
        handle = NativeOpen(path);
        if (handle == new IntPtr(-1)) handle = IntPtr.Zero;
        Open[config] = handle;
        return handle;
    }
}
