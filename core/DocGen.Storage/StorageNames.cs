using System.Globalization;
using System.Text;

namespace DocGen.Storage;

/// <summary>
/// Checks the caller-given parts of report paths. Odd names are <b>rejected, not encoded</b>: the folder
/// names stay readable in Explorer, the Azure portal and URLs, and two different names can never map to
/// the same folder. Errors are <see cref="InvalidStorageNameException"/> with a Chinese message and an
/// English code.
/// </summary>
public static class StorageNames
{
    /// <summary>Longest agency name, in characters (UTF-16 code units).</summary>
    public const int MaxAgencyLength = 100;
    /// <summary>Longest agency name in UTF-8 bytes (a folder name is at most 255 bytes on common file systems): about 80 Chinese characters.</summary>
    public const int MaxAgencyUtf8Bytes = 240;
    /// <summary>Longest report id.</summary>
    public const int MaxReportIdLength = 128;

    private const string ForbiddenAgencyChars = "/\\:*?\"<>|#%";
    /// <summary>Slashes that NFKC leaves alone but that read as '/' or '\' (division, fraction, big solidus, set minus…).</summary>
    private const string LookAlikeSlashes = "\u2215\u2044\u29F8\u29F9\u2216\u29F5\uFE68";

    private static readonly HashSet<string> WindowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// Validates an agency name (机构名称) and returns it in Unicode normalization form KC, the form used in paths and
    /// comparisons: names that fold together (fullwidth and halfwidth letters, compatibility ideographs, "․․" and "..")
    /// are one agency, and a look-alike of a forbidden character folds to it and is refused. Round brackets are then
    /// written fullwidth, （）, as Chinese agency names have them, so "(" and "（" are one agency too.
    /// Allowed: letters of any script (Chinese included), digits, spaces inside the name and ordinary
    /// punctuation such as （）()·-_、. Rejected (code <c>INVALID_AGENCY</c>): empty or blank names;
    /// more than <see cref="MaxAgencyLength"/> characters or <see cref="MaxAgencyUtf8Bytes"/> UTF-8 bytes;
    /// <c>..</c>, <c>/</c>, <c>\</c>; a leading dot; a trailing dot; leading or trailing whitespace; control,
    /// invisible format (e.g. zero-width, bidi) and unpaired surrogate characters; the characters
    /// <c>: * ? " &lt; &gt; | # %</c> (not portable to Windows or URLs); Windows device names (CON, NUL, COM1…).
    /// </summary>
    public static string ValidateAgency(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency)) throw Agency(agency, "机构名称不能为空");
        string name;
        try
        {
            name = agency.IsNormalized(NormalizationForm.FormKC) ? agency : agency.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            throw Agency(agency, "机构名称包含无效的 Unicode 字符"); // a lone surrogate cannot be normalised
        }
        name = name.Replace('(', '（').Replace(')', '）');
        if (name.Length > MaxAgencyLength) throw Agency(agency, $"机构名称不能超过 {MaxAgencyLength} 个字符");
        if (Encoding.UTF8.GetByteCount(name) > MaxAgencyUtf8Bytes)
            throw Agency(agency, $"机构名称过长（UTF-8 编码超过 {MaxAgencyUtf8Bytes} 字节，约 80 个汉字）");
        if (name.Contains("..", StringComparison.Ordinal)) throw Agency(agency, "机构名称不能包含“..”");
        if (name[0] == '.') throw Agency(agency, "机构名称不能以“.”开头");
        if (name[^1] == '.') throw Agency(agency, "机构名称不能以“.”结尾");
        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])) throw Agency(agency, "机构名称首尾不能有空白字符");
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (ForbiddenAgencyChars.Contains(c) || LookAlikeSlashes.Contains(c)) throw Agency(agency, $"机构名称不能包含字符“{c}”");
            if (char.IsControl(c)) throw Agency(agency, "机构名称不能包含控制字符");
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) throw Agency(agency, "机构名称不能包含不可见的格式字符");
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) throw Agency(agency, "机构名称包含无效的 Unicode 字符");
            if (char.IsWhiteSpace(c) && c != ' ' && c != '\u3000') throw Agency(agency, "机构名称只能使用普通空格");
        }
        int dot = name.IndexOf('.');
        if (WindowsDeviceNames.Contains(dot < 0 ? name : name[..dot])) throw Agency(agency, "机构名称不能是系统保留的设备名");
        return name;
    }

    /// <summary>Validates a report id: 1–<see cref="MaxReportIdLength"/> of ASCII letters, digits, '-' and '_' (code <c>INVALID_REPORT_ID</c>).</summary>
    public static void ValidateReportId(string? reportId)
    {
        bool ok = !string.IsNullOrEmpty(reportId) && reportId.Length <= MaxReportIdLength
            && reportId.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_');
        if (!ok)
        {
            throw new InvalidStorageNameException(StorageErrorCodes.InvalidReportId,
                $"报告编号无效：应为 1–{MaxReportIdLength} 个英文字母、数字、“-”或“_”", reportId);
        }
    }

    /// <summary>Validates a report year: 1900–9999 (code <c>INVALID_YEAR</c>).</summary>
    public static void ValidateYear(int year)
    {
        if (year is < 1900 or > 9999)
            throw new InvalidStorageNameException(StorageErrorCodes.InvalidYear, $"报告年度无效：{year}，应在 1900–9999 之间",
                year.ToString(CultureInfo.InvariantCulture));
    }

    private static InvalidStorageNameException Agency(string? agency, string reason) =>
        new(StorageErrorCodes.InvalidAgency, $"机构名称无效：{reason}", agency);
}
