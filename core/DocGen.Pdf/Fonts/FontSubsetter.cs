using DocGen.Pdf.Native;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// Cuts a face down to the glyphs a document uses, with hb-subset. Glyph ids are retained so
/// that CID = GID in the PDF (Identity-H, CIDToGIDMap Identity), and hinting, layout tables and
/// names are dropped: a PDF viewer needs outlines and metrics only.
/// </summary>
public static class FontSubsetter
{
    private static readonly string[] DroppedTables =
        ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "name", "post", "DSIG", "JSTF", "MATH"];

    /// <summary>Returns the bytes of an sfnt (TrueType or OpenType/CFF) holding the given glyphs.</summary>
    /// <param name="face">The loaded face.</param>
    /// <param name="glyphIds">Glyph ids to keep (.notdef is always kept).</param>
    /// <param name="unicodes">Optional code points to keep in the subset's cmap (not needed by PDF viewers).</param>
    public static byte[] Subset(LoadedFace face, IEnumerable<uint> glyphIds, IEnumerable<uint>? unicodes = null)
    {
        IntPtr input = HbSubsetNative.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
        try
        {
            IntPtr glyphs = HbSubsetNative.hb_subset_input_glyph_set(input);
            HbSubsetNative.hb_set_add(glyphs, 0);
            foreach (uint g in glyphIds) HbSubsetNative.hb_set_add(glyphs, g);
            if (unicodes != null)
            {
                IntPtr us = HbSubsetNative.hb_subset_input_unicode_set(input);
                foreach (uint u in unicodes) HbSubsetNative.hb_set_add(us, u);
            }
            IntPtr drop = HbSubsetNative.hb_subset_input_set(input, HbSubsetNative.SetDropTableTag);
            foreach (string t in DroppedTables) HbSubsetNative.hb_set_add(drop, HbSubsetNative.Tag(t));
            HbSubsetNative.hb_subset_input_set_flags(input,
                HbSubsetNative.FlagRetainGids | HbSubsetNative.FlagNoHinting | HbSubsetNative.FlagNoLayoutClosure);

            IntPtr result = HbSubsetNative.hb_subset_or_fail(face.SubsetSourceHandle, input);
            if (result == IntPtr.Zero)
                throw new InvalidOperationException($"hb-subset failed for {face.Info.Path} ({face.Info.FullName})");
            try
            {
                IntPtr blob = HbSubsetNative.hb_face_reference_blob(result);
                try
                {
                    IntPtr data = HbSubsetNative.hb_blob_get_data(blob, out uint length);
                    var bytes = new byte[length];
                    System.Runtime.InteropServices.Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally { HbSubsetNative.hb_blob_destroy(blob); }
            }
            finally { HbSubsetNative.hb_face_destroy(result); }
        }
        finally { HbSubsetNative.hb_subset_input_destroy(input); }
    }
}
