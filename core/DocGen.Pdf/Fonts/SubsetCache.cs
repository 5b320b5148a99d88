using System.Collections.Concurrent;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// Remembers subsets by face and exact glyph set, so a server rendering the same report (or the
/// same page-number digits) again skips hb-subset. Bounded: cleared when it grows too large.
/// </summary>
internal sealed class SubsetCache(bool retainGlyphIds)
{
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<string, FontSubset> _map = new();

    public FontSubset GetOrCreate(LoadedFace face, IReadOnlyCollection<uint> sortedGlyphs)
    {
        string key = $"{face.Info.Path}#{face.Info.FaceIndex}:{string.Join(',', sortedGlyphs)}";
        if (_map.TryGetValue(key, out var subset)) return subset;
        subset = FontSubsetter.Subset(face, sortedGlyphs, retainGlyphIds: retainGlyphIds);
        if (_map.Count >= MaxEntries) _map.Clear();
        _map[key] = subset;
        return subset;
    }
}
