using DocGen.Pdf.Fonts;
using System.Runtime.InteropServices;
using DocGen.Pdf.Measuring;
using DocGen.Pdf.Native;

namespace DocGen.Pdf;

/// <summary>A subset font program and where each original glyph went.</summary>
/// <param name="Data">The sfnt bytes (TrueType or OpenType/CFF).</param>
/// <param name="OldToNew">Original glyph id to glyph id in <paramref name="Data"/>.</param>
public sealed record FontSubset(byte[] Data, IReadOnlyDictionary<uint, uint> OldToNew)
{
    private byte[]? _compressed;

    /// <summary>
    /// <see cref="Data"/> deflated as the PDF embeds it, made once: a cached subset (the same face and glyph set)
    /// is not compressed again. Two threads may both compute it; the bytes are the same.
    /// </summary>
    internal byte[] Compressed => _compressed ??= Writer.PdfSyntax.Deflate(Data, FixedWorkRecording.FontPrograms);
}

/// <summary>
/// Cuts a face down to the glyphs a document uses, with hb-subset (no layout closure, no hinting;
/// layout tables, names and vertical metrics dropped: a PDF viewer needs outlines and widths only).
/// Glyph ids are renumbered by default: retaining them keeps a full-length hmtx and CharStrings
/// index (about 160 KB compressed for a CJK face whatever the glyph count, against about 25 KB).
/// A renumbered CID-keyed CFF gets an identity charset, so its CIDs equal its glyph ids.
/// </summary>
public static class FontSubsetter
{
    private const uint Invalid = 0xFFFFFFFFu;

    private static readonly string[] DroppedTables =
        ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "name", "post", "DSIG", "JSTF", "MATH"];

    /// <summary>Subsets <paramref name="face"/> to <paramref name="glyphIds"/> (.notdef is always kept).</summary>
    /// <param name="face">The loaded face.</param>
    /// <param name="glyphIds">Original glyph ids to keep.</param>
    /// <param name="unicodes">Optional code points to keep in the subset's cmap (PDF viewers do not need it).</param>
    /// <param name="retainGlyphIds">Keep original glyph ids (bigger output).</param>
    public static FontSubset Subset(LoadedFace face, IEnumerable<uint> glyphIds, IEnumerable<uint>? unicodes = null, bool retainGlyphIds = false) =>
        Subset(face, glyphIds, unicodes, retainGlyphIds, byCodePoints: unicodes is null);

    /// <summary>hb-subset asked for glyph ids, as it was before <see cref="GlyphCodePoints"/> (tests compare the two ways).</summary>
    internal static FontSubset SubsetByGlyphIds(LoadedFace face, IEnumerable<uint> glyphIds, bool retainGlyphIds = false) =>
        Subset(face, glyphIds, null, retainGlyphIds, byCodePoints: false);

    private static FontSubset Subset(LoadedFace face, IEnumerable<uint> glyphIds, IEnumerable<uint>? unicodes, bool retainGlyphIds, bool byCodePoints)
    {
        var wanted = new SortedSet<uint>(glyphIds) { 0 }.ToArray();
        IntPtr source = face.SubsetSourceHandle;
        // The same subset asked for by the glyphs' code points, which hb-subset plans without reading the whole
        // cmap (GlyphCodePoints); a preprocessed face has that work done already.
        uint[]? codePoints = byCodePoints && source == face.Face.Handle ? face.CodePointsForSubset()?.Of(wanted) : null;
        var request = new Request(face, source, wanted, codePoints, codePoints is null ? unicodes?.ToArray() : null, retainGlyphIds);
        // The bench's floor (FixedWorkRecording) keeps the request as made, to make it again alone.
        return FixedWorkRecording.Active is { } recording
            ? recording.Record("hb-subset: " + face.Info.FullName, wanted.Length, () => Execute(request), s => s.Data,
                (face, () => Execute(request with { Source = face.SubsetSourceHandle, CodePoints = null, Unicodes = unicodes?.ToArray() })))
            : Execute(request);
    }

    /// <summary>What hb-subset is asked for: the glyphs (ascending, .notdef first), or instead their code points.</summary>
    private sealed record Request(LoadedFace Face, IntPtr Source, uint[] Glyphs, uint[]? CodePoints, uint[]? Unicodes, bool RetainGlyphIds);

    private static FontSubset Execute(Request r)
    {
        IntPtr input = HbSubsetNative.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
        try
        {
            if (r.CodePoints is { } codePoints)
                HbSubsetNative.hb_set_add_sorted_array(HbSubsetNative.hb_subset_input_unicode_set(input), codePoints, (uint)codePoints.Length);
            else
            {
                IntPtr glyphs = HbSubsetNative.hb_subset_input_glyph_set(input);
                foreach (uint g in r.Glyphs) HbSubsetNative.hb_set_add(glyphs, g);
                if (r.Unicodes != null)
                {
                    IntPtr us = HbSubsetNative.hb_subset_input_unicode_set(input);
                    foreach (uint u in r.Unicodes) HbSubsetNative.hb_set_add(us, u);
                }
            }
            IntPtr drop = HbSubsetNative.hb_subset_input_set(input, HbSubsetNative.SetDropTableTag);
            foreach (string t in DroppedTables) HbSubsetNative.hb_set_add(drop, HbSubsetNative.Tag(t));
            uint flags = HbSubsetNative.FlagNoHinting | HbSubsetNative.FlagNoLayoutClosure;
            if (r.RetainGlyphIds) flags |= HbSubsetNative.FlagRetainGids;
            HbSubsetNative.hb_subset_input_set_flags(input, flags);

            IntPtr plan = HbSubsetNative.hb_subset_plan_create_or_fail(r.Source, input);
            if (plan == IntPtr.Zero) throw Fail(r.Face);
            try
            {
                IntPtr map = HbSubsetNative.hb_subset_plan_old_to_new_glyph_mapping(plan);
                var oldToNew = new Dictionary<uint, uint>();
                foreach (uint g in r.Glyphs)
                {
                    uint n = HbSubsetNative.hb_map_get(map, g);
                    if (n != Invalid) oldToNew[g] = n;
                }
                IntPtr result = HbSubsetNative.hb_subset_plan_execute_or_fail(plan);
                if (result == IntPtr.Zero) throw Fail(r.Face);
                try
                {
                    var bytes = FaceBytes(result);
                    // Renumbered CID-keyed CFF: make CID = glyph id so every viewer finds the same glyph.
                    if (!r.RetainGlyphIds) CffCharset.MakeIdentity(bytes);
                    return new FontSubset(bytes, oldToNew);
                }
                finally { HbSubsetNative.hb_face_destroy(result); }
            }
            finally { HbSubsetNative.hb_subset_plan_destroy(plan); }
        }
        finally { HbSubsetNative.hb_subset_input_destroy(input); }
    }

    private static byte[] FaceBytes(IntPtr face)
    {
        IntPtr blob = HbSubsetNative.hb_face_reference_blob(face);
        try
        {
            IntPtr data = HbSubsetNative.hb_blob_get_data(blob, out uint length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally { HbSubsetNative.hb_blob_destroy(blob); }
    }

    private static InvalidOperationException Fail(LoadedFace face) =>
        new($"hb-subset failed for {face.Info.Path} ({face.Info.FullName})");
}
