using System.Text;

namespace DocGen.Storage;

/// <summary>
/// Rules for blob paths shared by every <see cref="IBlobStore"/>, so a path that works on disk works
/// on Azure and the other way round.
/// <list type="bullet">
/// <item>'/'-separated, at most 1024 characters, at least two segments: <c>container/name</c>;</item>
/// <item>the first segment is the container: 3–63 of <c>a-z</c>, <c>0-9</c>, '-' (Azure's rule);</item>
/// <item>no empty segment, no segment starting with '.' (so no <c>.</c>, <c>..</c> or hidden/temporary
/// names), none ending with '.' or a space, none longer than 255 UTF-8 bytes;</item>
/// <item>no '\', control or format characters, nor any of <c>: * ? " &lt; &gt; |</c>.</item>
/// </list>
/// Everything under the container <see cref="ArchiveContainer"/> is write-once.
/// </summary>
public static class BlobPath
{
    /// <summary>Container of uploads waiting to be processed.</summary>
    public const string IncomingContainer = "incoming";
    /// <summary>Container of generated reports.</summary>
    public const string ReportsContainer = "reports";
    /// <summary>Container of signed, write-once files.</summary>
    public const string ArchiveContainer = "archive";
    /// <summary>Container of the report-id index.</summary>
    public const string IdsContainer = "ids";

    /// <summary>Longest accepted path, in characters.</summary>
    public const int MaxLength = 1024;

    private const string ForbiddenChars = "\\:*?\"<>|";

    /// <summary>Whether the path is write-once (its container is <see cref="ArchiveContainer"/>).</summary>
    public static bool IsWriteOnce(string path) =>
        path.StartsWith(ArchiveContainer + "/", StringComparison.Ordinal);

    /// <summary>Throws <see cref="InvalidStorageNameException"/> (code <c>INVALID_PATH</c>) unless the path follows the rules.</summary>
    public static void Validate(string path)
    {
        var error = Check(path);
        if (error is not null)
        {
            throw new InvalidStorageNameException(StorageErrorCodes.InvalidPath, $"存储路径无效（{error}）：{path}", path);
        }
    }

    /// <summary>Splits a valid path into its container and the name inside the container.</summary>
    public static (string Container, string Name) Split(string path)
    {
        Validate(path);
        int slash = path.IndexOf('/');
        return (path[..slash], path[(slash + 1)..]);
    }

    /// <summary>
    /// Validates a list prefix and splits it into the container and the name prefix inside it.
    /// All segments but the last must be whole valid segments; the last may be partial.
    /// </summary>
    public static (string Container, string NamePrefix) SplitPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        int slash = prefix.IndexOf('/');
        string container = slash < 0 ? prefix : prefix[..slash];
        string rest = slash < 0 ? "" : prefix[(slash + 1)..];
        string? error = CheckContainer(container);
        if (error is null && rest.Length > 0)
        {
            var segments = rest.Split('/');
            for (int i = 0; i < segments.Length && error is null; i++)
            {
                bool last = i == segments.Length - 1;
                if (last && segments[i].Length == 0) break; // prefix ending with '/'
                error = last ? CheckChars(segments[i]) : CheckSegment(segments[i]);
            }
        }
        if (error is not null)
        {
            throw new InvalidStorageNameException(StorageErrorCodes.InvalidPath, $"列举前缀无效（{error}）：{prefix}", prefix);
        }
        return (container, rest);
    }

    /// <summary>Joins segments with '/' and validates the result.</summary>
    public static string Combine(params string[] segments)
    {
        var path = string.Join('/', segments);
        Validate(path);
        return path;
    }

    private static string? Check(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "路径为空";
        if (path.Length > MaxLength) return $"超过 {MaxLength} 个字符";
        var segments = path.Split('/');
        if (segments.Length < 2) return "至少需要“容器/名称”两段";
        var error = CheckContainer(segments[0]);
        for (int i = 1; i < segments.Length && error is null; i++) error = CheckSegment(segments[i]);
        return error;
    }

    /// <summary>Whether <paramref name="segment"/> can be one segment of a path below a container (a folder a store can hold).</summary>
    public static bool IsValidSegment(string segment) => CheckSegment(segment) is null;

    private static string? CheckContainer(string container)
    {
        if (container.Length < 3 || container.Length > 63) return "容器名须为 3–63 个字符";
        foreach (char c in container)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return "容器名只能含小写字母、数字和连字符";
        }
        if (container[0] == '-' || container[^1] == '-' || container.Contains("--", StringComparison.Ordinal))
            return "容器名的连字符位置无效";
        return null;
    }

    private static string? CheckSegment(string segment)
    {
        if (segment.Length == 0) return "含空的路径段";
        if (segment[0] == '.') return "路径段不能以“.”开头";
        if (segment[^1] is '.' or ' ') return "路径段不能以“.”或空格结尾";
        if (Encoding.UTF8.GetByteCount(segment) > 255) return "路径段超过 255 字节";
        return CheckChars(segment);
    }

    private static string? CheckChars(string segment)
    {
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            if (char.IsControl(c)) return "含控制字符";
            if (ForbiddenChars.Contains(c)) return $"含不允许的字符“{c}”";
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) return "含不可见的格式字符";
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= segment.Length || !char.IsLowSurrogate(segment[i + 1])) return "含不成对的代理字符";
                i++;
            }
            else if (char.IsLowSurrogate(c)) return "含不成对的代理字符";
        }
        return null;
    }
}
