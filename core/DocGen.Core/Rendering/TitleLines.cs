using System.Text.RegularExpressions;

namespace DocGen.Core.Rendering;

/// <summary>
/// Breaks a report title as a careful office does: only at natural boundaries (after the agency, after the
/// year, before "政府信息公开…"; inside a long agency name after a place or before "人民政府"), into the
/// fewest lines that fit, and of those the most even.
/// </summary>
public static partial class TitleLines
{
    /// <summary>The longest title line, in full-width characters (2号 in the 156 mm block holds 20; two are left as margin).</summary>
    public const double MaxLineEm = 18;

    [GeneratedRegex(@"\d{4}年度?")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<=[省市县区州盟旗])(?=.)|(?=人民政府)|(?=办公室$)|(?=政府信息公开)")]
    private static partial Regex InnerBoundary();

    public static IReadOnlyList<string> Break(string title, string agency)
    {
        if (Em(title) <= MaxLineEm) return [title];
        var cuts = new SortedSet<int>();
        if (Year().Match(title) is { Success: true } y)
        {
            cuts.Add(y.Index);
            cuts.Add(y.Index + y.Length);
        }
        if (agency.Length > 0 && title.StartsWith(agency, StringComparison.Ordinal)) cuts.Add(agency.Length);
        foreach (Match m in InnerBoundary().Matches(title)) cuts.Add(m.Index);
        cuts.RemoveWhere(c => c <= 0 || c >= title.Length);

        var options = cuts.ToList();
        IReadOnlyList<string>? best = null;
        double bestSpread = double.MaxValue;
        // Fewest lines first; among those, the smallest difference between the longest and the shortest line.
        for (int lines = 2; lines <= 4 && best is null; lines++)
            foreach (var choice in Choose(options, lines - 1, 0))
            {
                var parts = Split(title, choice);
                if (parts.Any(p => Em(p) > MaxLineEm)) continue;
                double spread = parts.Max(Em) - parts.Min(Em);
                if (spread < bestSpread - 1e-9) { bestSpread = spread; best = parts; }
            }
        return best ?? [title];
    }

    /// <summary>Width in full-width characters: ASCII is half, Chinese text and its punctuation (“”、—) whole.</summary>
    public static double Em(string s) => s.Sum(c => c < 0x80 ? 0.5 : 1.0);

    private static List<string> Split(string s, IReadOnlyList<int> at)
    {
        var parts = new List<string>();
        int from = 0;
        foreach (int i in at) { parts.Add(s[from..i]); from = i; }
        parts.Add(s[from..]);
        return parts;
    }

    private static IEnumerable<List<int>> Choose(List<int> items, int k, int start)
    {
        if (k == 0) { yield return []; yield break; }
        for (int i = start; i <= items.Count - k; i++)
            foreach (var rest in Choose(items, k - 1, i + 1))
            {
                rest.Insert(0, items[i]);
                yield return rest;
            }
    }
}
