using System.Buffers;

namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// A few Chinese words to find in text, each with bits it stands for. One vectorised search finds where any may start
/// (its first character), then only the words with that first character are compared: a multi-word search
/// (SearchValues of strings) reads non-ASCII text a character at a time through a dictionary, several times slower.
/// </summary>
internal sealed class WordSet
{
    private readonly string starts;
    private readonly SearchValues<char> startValues;
    private readonly (string Word, ulong Bits)[][] byStart;

    public WordSet(IEnumerable<(string Word, ulong Bits)> words)
    {
        var all = words.ToArray();
        starts = string.Concat(all.Select(w => w.Word[0]).Distinct());
        startValues = SearchValues.Create(starts);
        byStart = starts.Select(c => all.Where(w => w.Word[0] == c).ToArray()).ToArray();
    }

    /// <summary>The index of the first place a word starts in <paramref name="text"/>, or -1.</summary>
    public int IndexIn(ReadOnlySpan<char> text)
    {
        for (int from = 0; from < text.Length;)
        {
            int at = text[from..].IndexOfAny(startValues);
            if (at < 0) return -1;
            at += from;
            if (Starting(text[at..]) is not null) return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>The bits of every word <paramref name="text"/> holds (0 when none).</summary>
    public ulong Bits(ReadOnlySpan<char> text)
    {
        ulong bits = 0;
        for (int from = 0; from < text.Length;)
        {
            int at = text[from..].IndexOfAny(startValues);
            if (at < 0) break;
            at += from;
            bits |= Starting(text[at..]) ?? 0;
            from = at + 1;
        }
        return bits;
    }

    /// <summary>The bits of the words <paramref name="rest"/> starts with, or null when it starts with none.</summary>
    private ulong? Starting(ReadOnlySpan<char> rest)
    {
        ulong? bits = null;
        foreach (var (word, b) in byStart[starts.IndexOf(rest[0])])
            if (rest.StartsWith(word, StringComparison.Ordinal)) bits = (bits ?? 0) | b;
        return bits;
    }
}
