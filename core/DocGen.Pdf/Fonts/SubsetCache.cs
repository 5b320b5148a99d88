namespace DocGen.Pdf.Fonts;

/// <summary>
/// Remembers subsets by face and exact glyph set, so a server rendering the same report (or the same headings and
/// page-number digits) again skips hb-subset and, through <see cref="FontSubset.Compressed"/>, the font program's
/// Deflate. A body subset (50–150 KB, a large object) rarely recurs, since texts differ, while headings and page
/// numbers do: so the cache is small and forgets the oldest first. It used to hold up to 8 MB of programs (and as
/// much again deflated), cleared all at once when full, which left that much free space in the large-object heap.
/// </summary>
internal sealed class SubsetCache(bool retainGlyphIds)
{
    /// <summary>Programs held at most, counted by their sfnt bytes; their deflated copies are smaller still.</summary>
    internal const long MaxBytes = 2L * 1024 * 1024;
    private const int MaxEntries = 256;
    private readonly Dictionary<string, FontSubset> _map = new(StringComparer.Ordinal);
    private readonly Queue<string> _age = new();
    private long _bytes;

    public FontSubset GetOrCreate(LoadedFace face, IReadOnlyCollection<uint> sortedGlyphs)
    {
        string key = $"{face.Info.Path}#{face.Info.FaceIndex}:{string.Join(',', sortedGlyphs)}";
        lock (_map)
            if (_map.TryGetValue(key, out var known)) return known;
        // Outside the lock: two renders subset in parallel; the same key made twice gives the same bytes.
        var subset = FontSubsetter.Subset(face, sortedGlyphs, retainGlyphIds: retainGlyphIds);
        lock (_map)
        {
            if (_map.TryGetValue(key, out var raced)) return raced;
            if (subset.Data.Length > MaxBytes) return subset;
            _map.Add(key, subset);
            _age.Enqueue(key);
            _bytes += subset.Data.Length;
            while (_bytes > MaxBytes || _map.Count > MaxEntries)
            {
                _map.Remove(_age.Dequeue(), out var old);
                _bytes -= old!.Data.Length;
            }
        }
        return subset;
    }

    /// <summary>Subsets held now (for tests).</summary>
    internal int Count { get { lock (_map) return _map.Count; } }

    /// <summary>Bytes of the programs held now (for tests).</summary>
    internal long Bytes { get { lock (_map) return _bytes; } }
}
