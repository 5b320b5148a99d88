using System.Runtime.InteropServices;

namespace DocGen.Pdf.Native;

/// <summary>
/// P/Invoke into the hb-subset API that ships inside HarfBuzzSharp's native library
/// (HarfBuzz 8.3). HarfBuzzSharp itself does not wrap these functions.
/// </summary>
internal static class HbSubsetNative
{
    private const string Lib = "libHarfBuzzSharp";

    // hb_subset_flags_t (hb-subset.h, HarfBuzz 8.3).
    public const uint FlagNoHinting = 0x00000001u;
    public const uint FlagRetainGids = 0x00000002u;
    public const uint FlagNoLayoutClosure = 0x00000200u;

    // hb_subset_sets_t.
    public const int SetGlyphIndex = 0;
    public const int SetUnicode = 1;
    public const int SetDropTableTag = 3;

    [DllImport(Lib)] public static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Lib)] public static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Lib)] public static extern IntPtr hb_subset_input_glyph_set(IntPtr input);
    [DllImport(Lib)] public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Lib)] public static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Lib)] public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Lib)] public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Lib)] public static extern IntPtr hb_subset_preprocess(IntPtr face);
    [DllImport(Lib)] public static extern IntPtr hb_subset_plan_create_or_fail(IntPtr face, IntPtr input);
    [DllImport(Lib)] public static extern IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);
    [DllImport(Lib)] public static extern IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);
    [DllImport(Lib)] public static extern void hb_subset_plan_destroy(IntPtr plan);
    [DllImport(Lib)] public static extern uint hb_map_get(IntPtr map, uint key);
    [DllImport(Lib)] public static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(Lib)] public static extern void hb_set_add_sorted_array(IntPtr set, uint[] sortedCodepoints, uint count);
    [DllImport(Lib)] public static extern IntPtr hb_set_create();
    [DllImport(Lib)] public static extern void hb_set_destroy(IntPtr set);
    [DllImport(Lib)] public static extern IntPtr hb_map_create();
    [DllImport(Lib)] public static extern void hb_map_destroy(IntPtr map);
    [DllImport(Lib)] public static extern uint hb_map_get_population(IntPtr map);
    [DllImport(Lib)] public static extern int hb_map_next(IntPtr map, ref int index, out uint key, out uint value);
    [DllImport(Lib)] public static extern void hb_face_collect_nominal_glyph_mapping(IntPtr face, IntPtr mapping, IntPtr unicodes);
    [DllImport(Lib)] public static extern void hb_face_destroy(IntPtr face);
    [DllImport(Lib)] public static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Lib)] public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Lib)] public static extern void hb_blob_destroy(IntPtr blob);

    public static uint Tag(string t) => ((uint)t[0] << 24) | ((uint)t[1] << 16) | ((uint)t[2] << 8) | t[3];
}
