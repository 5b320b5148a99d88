namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// The words every match of a wording holds, read from its pattern: each plain word outside any group and each group
/// of plain alternatives, when neither is optional nor inside a lookaround ("(?:收到|受理)…(?:公开申请|申请公开)" gives
/// both groups). A clause lacking one cannot hold a match, so the regex is not run over it: a clause with 收到 and a
/// figure but no 公开申请 made the interpreter try every gap before the figure (measured on `bench-validate`'s
/// 20,000-paragraph narrative, best of 7: the two newRequests wordings' regex time 3.4 ms over the sentences, 1.2 ms over
/// the clauses that hold these words; all wordings 5.9 ms, 3.0 ms).
/// Anything this reader does not follow (a top-level "|", an escape it does not know) gives fewer words, never a wrong one.
/// </summary>
internal static class RequiredWords
{
    private const string Meta = @"\()[]{}?*+.|^$";

    /// <summary>Groups of words: every match holds one word of every group.</summary>
    public static string[][] Of(string wording)
    {
        var groups = new List<string[]>();
        int depth = 0;
        for (int i = 0; i < wording.Length; i++)
        {
            char c = wording[i];
            if (c == '|' && depth == 0) return []; // alternatives at the top: nothing is required of them all
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = wording.IndexOf(']', i + 1); if (i < 0) return []; continue; }
            if (c == '{') { int close = wording.IndexOf('}', i); if (close < 0) return []; i = close; continue; }
            if (c == ')') { depth--; continue; }
            if (c == '(')
            {
                int close = Close(wording, i);
                if (close < 0) return [];
                bool plainGroup = depth == 0 && wording.AsSpan(i).StartsWith("(?:") && !Quantified(wording, close + 1);
                if (plainGroup && Alternatives(wording[(i + 3)..close]) is { } alternatives) groups.Add(alternatives);
                i = close; // a group, optional or not, or a lookaround: read as a whole
                continue;
            }
            if (depth != 0 || Meta.Contains(c)) continue;
            int end = i;
            while (end < wording.Length && !Meta.Contains(wording[end])) end++;
            if (Quantified(wording, end)) end--; // "中?" leaves 中 out
            if (end > i) groups.Add([wording[i..end]]);
            i = Math.Max(i, end - 1);
        }
        return groups.ToArray();
    }

    /// <summary>The alternatives of a group's body, each cut to its plain leading words; null when one has none.</summary>
    private static string[]? Alternatives(string body)
    {
        var parts = new List<string>();
        int depth = 0, from = 0;
        for (int i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] == '(') depth++;
            else if (i < body.Length && body[i] == ')') depth--;
            else if (i == body.Length || (body[i] == '|' && depth == 0))
            {
                string part = body[from..i];
                int end = 0;
                while (end < part.Length && !Meta.Contains(part[end])) end++;
                if (end < part.Length && Quantified(part, end)) end--;
                if (end <= 0) return null;
                parts.Add(part[..end]);
                from = i + 1;
            }
        }
        return parts.ToArray();
    }

    private static bool Quantified(string s, int at) =>
        at < s.Length && (s[at] is '?' or '*' or '+' || (s[at] == '{' && at + 1 < s.Length && char.IsAsciiDigit(s[at + 1])));

    private static int Close(string s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == '[') { i = s.IndexOf(']', i + 1); if (i < 0) return -1; continue; }
            if (s[i] == '(') depth++;
            else if (s[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>Whether <paramref name="text"/> holds a word of every group.</summary>
    public static bool HeldBy(ReadOnlySpan<char> text, string[][] groups)
    {
        foreach (var group in groups)
        {
            bool any = false;
            foreach (var w in group)
                if (text.IndexOf(w, StringComparison.Ordinal) >= 0) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }
}
