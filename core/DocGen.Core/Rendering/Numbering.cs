using System.Text.RegularExpressions;

namespace DocGen.Core.Rendering;

/// <summary>
/// The enumerator that opens a heading, lead or label: "一、" (level 1), "（一）" (level 2), "1." (level 3),
/// "（1）" (level 4), the GB/T 9704 sequence. Writers style and abbreviate by it.
/// </summary>
public static partial class Numbering
{
    [GeneratedRegex(@"^\s*(?:(?<l1>[一二三四五六七八九十百]+、)|(?<l2>[（(][一二三四五六七八九十百]+[）)])|(?<l3>\d+[.．、](?!\d))|(?<l4>[（(]\d+[）)]))")]
    private static partial Regex Enumerator();

    /// <summary>The enumerator at the start of <paramref name="text"/>, or null.</summary>
    public static string? Of(string text) => Enumerator().Match(text) is { Success: true } m ? m.Value.Trim() : null;

    /// <summary>The level (1–4) of the enumerator that opens <paramref name="text"/>, or 0 when none does.</summary>
    public static int Level(string text)
    {
        var m = Enumerator().Match(text);
        if (!m.Success) return 0;
        for (int level = 1; level <= 4; level++)
            if (m.Groups["l" + level].Success) return level;
        return 0;
    }
}
