using DocGen.Pdf.Native;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// A face's cmap read backwards, once per face: the code points that map to each glyph. It lets a subset be asked
/// for by code points instead of glyph ids (<see cref="FontSubsetter"/>): given glyph ids, hb-subset (8.3, without a
/// preprocessed face) reads the whole cmap into a hash map on every call to find the code points of those glyphs,
/// about 40% of its time for a Noto CJK face (perf, 40 reports). Given exactly those code points and no glyph ids it
/// looks up only them, and plans the same subset: the same glyphs (every requested glyph is reached through the cmap,
/// .notdef is always kept) and the same cmap entries. A glyph no code point reaches (a GSUB form) cannot be asked for
/// that way, so such a set goes the old way.
/// </summary>
internal sealed class GlyphCodePoints
{
    private readonly int[] _start;   // glyph g's code points are _codePoints[_start[g].._start[g + 1]], ascending
    private readonly uint[] _codePoints;
    private readonly Dictionary<uint, uint[]> _variants;

    private GlyphCodePoints(int[] start, uint[] codePoints, Dictionary<uint, uint[]> variants)
    {
        _start = start;
        _codePoints = codePoints;
        _variants = variants;
    }

    /// <summary>Glyphs of the face (ids at or above it are not glyphs).</summary>
    public int GlyphCount => _start.Length - 1;

    /// <summary>
    /// Reads the mapping hb-subset reads (<c>hb_face_collect_nominal_glyph_mapping</c>: the face's chosen cmap
    /// subtable). Null when a code point of it looks up another glyph than the mapping says (a malformed cmap whose
    /// groups overlap): hb-subset's two ways might then disagree, so that face always goes the old way.
    /// </summary>
    public static GlyphCodePoints? Read(LoadedFace face)
    {
        int glyphs = face.Face.GlyphCount;
        IntPtr map = HbSubsetNative.hb_map_create();
        IntPtr set = HbSubsetNative.hb_set_create();
        try
        {
            HbSubsetNative.hb_face_collect_nominal_glyph_mapping(face.Face.Handle, map, set);
            int n = (int)HbSubsetNative.hb_map_get_population(map);
            // Glyph in the high half, code point in the low: sorted, they run by glyph, then code point.
            var pairs = new ulong[n];
            int count = 0, index = -1;
            while (count < n && HbSubsetNative.hb_map_next(map, ref index, out uint cp, out uint gid) != 0)
            {
                if (gid >= glyphs || !face.Font.TryGetGlyph(cp, out uint looked) || looked != gid) return null;
                pairs[count++] = (ulong)gid << 32 | cp;
            }
            Array.Sort(pairs, 0, count);
            var start = new int[glyphs + 1];
            var codePoints = new uint[count];
            for (int i = 0; i < count; i++)
            {
                start[(int)(pairs[i] >> 32) + 1]++;
                codePoints[i] = (uint)pairs[i];
            }
            for (int g = 0; g < glyphs; g++) start[g + 1] += start[g];
            var variants = VariationSequences.NonDefaultBases(face);
            return variants is null ? null : new GlyphCodePoints(start, codePoints, variants);
        }
        finally
        {
            HbSubsetNative.hb_set_destroy(set);
            HbSubsetNative.hb_map_destroy(map);
        }
    }

    /// <summary>
    /// The code points of every glyph but .notdef, ascending; null when a glyph has none (or is not a glyph of the
    /// face), so that the set cannot be asked for by code points.
    /// </summary>
    public uint[]? Of(IReadOnlyCollection<uint> glyphIds)
    {
        int total = 0;
        foreach (uint g in glyphIds)
        {
            if (g == 0) continue;
            if (g >= GlyphCount) return null;
            int k = _start[g + 1] - _start[g];
            if (k == 0) return null;
            total += k;
        }
        var result = new uint[total];
        int at = 0;
        foreach (uint g in glyphIds)
        {
            if (g == 0) continue;
            int from = _start[g], length = _start[g + 1] - from;
            Array.Copy(_codePoints, from, result, at, length);
            at += length;
        }
        Array.Sort(result);
        // A variation sequence whose glyph is asked for is kept in the subset's format 14 cmap when its base code
        // point is not: asked for by code points, it would not be.
        foreach (uint g in glyphIds)
            if (_variants.TryGetValue(g, out var bases))
                foreach (uint b in bases)
                    if (Array.BinarySearch(result, b) < 0) return null;
        // hb-subset looks code points up one by one only below this many (hb-subset-plan.cc).
        return result.Length < GlyphCount ? result : null;
    }
}
