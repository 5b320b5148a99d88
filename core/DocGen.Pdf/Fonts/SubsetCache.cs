using System.Collections.Concurrent;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// Remembers subsets by face and exact glyph set, so a server rendering the same report (or the
/// same page-number digits) again skips hb-subset and, through <see cref="FontSubset.Compressed"/>,
/// the font program's Deflate. Bounded by count and by bytes: a CJK body subset (50–150 KB) rarely recurs,
/// since texts differ, while headings and page numbers do; cleared when it grows too large, so a
/// long-running server stays small.
/// </summary>
internal sealed class SubsetCache(bool retainGlyphIds)
{
    private const int MaxEntries = 256;
    private const long MaxBytes = 8L * 1024 * 1024;
    private readonly ConcurrentDictionary<string, FontSubset> _map = new();
    private long _bytes;

    public FontSubset GetOrCreate(LoadedFace face, IReadOnlyCollection<uint> sortedGlyphs)
    {
        string key = $"{face.Info.Path}#{face.Info.FaceIndex}:{string.Join(',', sortedGlyphs)}";
        if (_map.TryGetValue(key, out var subset)) return subset;
        subset = FontSubsetter.Subset(face, sortedGlyphs, retainGlyphIds: retainGlyphIds);
        if (_map.Count >= MaxEntries || Interlocked.Read(ref _bytes) >= MaxBytes)
        {
            _map.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
        if (_map.TryAdd(key, subset)) Interlocked.Add(ref _bytes, subset.Data.Length);
        return subset;
    }

    /// <summary>Subsets held now (for tests).</summary>
    internal int Count => _map.Count;
}
