using System.Buffers.Binary;
using HarfBuzzSharp;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// The non-default variation sequences of a face's format 14 cmap subtables, by glyph: hb-subset keeps such a
/// sequence when its base code point is kept or its glyph was asked for, so <see cref="GlyphCodePoints"/> needs them.
/// </summary>
internal static class VariationSequences
{
    /// <summary>Glyph → the base code points of the sequences that map to it; null when the cmap cannot be read.</summary>
    public static Dictionary<uint, uint[]>? NonDefaultBases(LoadedFace face)
    {
        using var blob = face.Face.ReferenceTable(Tag.Parse("cmap"));
        var cmap = blob.AsSpan();
        var bases = new Dictionary<uint, List<uint>>();
        try
        {
            int tables = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
            var seen = new HashSet<uint>();
            for (int i = 0; i < tables; i++)
            {
                uint offset = BinaryPrimitives.ReadUInt32BigEndian(cmap[(4 + 8 * i + 4)..]);
                if (!seen.Add(offset) || BinaryPrimitives.ReadUInt16BigEndian(cmap[(int)offset..]) != 14) continue;
                var sub = cmap[(int)offset..];
                uint records = BinaryPrimitives.ReadUInt32BigEndian(sub[6..]);
                for (int r = 0; r < records; r++)
                {
                    uint nonDefault = BinaryPrimitives.ReadUInt32BigEndian(sub[(10 + 11 * r + 7)..]);
                    if (nonDefault == 0) continue;
                    var list = sub[(int)nonDefault..];
                    uint mappings = BinaryPrimitives.ReadUInt32BigEndian(list);
                    for (int m = 0; m < mappings; m++)
                    {
                        var mapping = list[(4 + 5 * m)..];
                        uint unicode = (uint)(mapping[0] << 16 | mapping[1] << 8 | mapping[2]);
                        uint glyph = BinaryPrimitives.ReadUInt16BigEndian(mapping[3..]);
                        if (!bases.TryGetValue(glyph, out var l)) bases[glyph] = l = [];
                        l.Add(unicode);
                    }
                }
            }
        }
        catch (ArgumentOutOfRangeException) { return null; } // a truncated table: that face goes hb-subset's own way
        return bases.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
