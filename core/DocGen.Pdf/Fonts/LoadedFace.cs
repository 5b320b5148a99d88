using DocGen.Pdf.Fonts;
using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using HarfBuzzSharp;
using DocGen.Pdf.Native;

namespace DocGen.Pdf;

/// <summary>
/// A face loaded with HarfBuzz (scale = units per em) from a memory-mapped file: CJK collections
/// are 20–26 MB and HarfBuzzSharp's Blob.FromFile copies them whole (about 70 ms each), while a
/// mapping costs nothing until pages are touched. Loaded once per
/// <see cref="FontResolver"/> and shared by every document it renders; HarfBuzz fonts are
/// immutable after set-up, so shaping from several threads is safe.
/// </summary>
public sealed class LoadedFace : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly Blob _blob;
    // Set once, possibly by a background thread while other threads subset: read with Volatile.
    private IntPtr _preprocessed;
    private bool _disposed;
    private readonly object _gate = new();

    internal LoadedFace(FaceInfo info)
    {
        Info = info;
        _file = MemoryMappedFile.CreateFromFile(info.Path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        _blob = new Blob(MapPointer(_view), checked((int)new FileInfo(info.Path).Length), MemoryMode.ReadOnly);
        Face = new Face(_blob, info.FaceIndex);
        UnitsPerEm = Face.UnitsPerEm;
        Font = new Font(Face);
        Font.SetScale(UnitsPerEm, UnitsPerEm);
        if (Font.TryGetHorizontalFontExtents(out var ext))
        {
            Ascender = ext.Ascender;
            Descender = ext.Descender;
        }
        else { Ascender = UnitsPerEm * 88 / 100; Descender = -UnitsPerEm * 12 / 100; }
        BBox = ReadHeadBBox();
    }

    /// <summary>Where the face comes from and its names.</summary>
    public FaceInfo Info { get; }
    internal Face Face { get; }
    internal Font Font { get; }
    /// <summary>Design units per em.</summary>
    public int UnitsPerEm { get; }
    /// <summary>Typographic ascender in design units.</summary>
    public int Ascender { get; }
    /// <summary>Typographic descender in design units (negative).</summary>
    public int Descender { get; }
    /// <summary>Font bounding box (xMin, yMin, xMax, yMax) in design units.</summary>
    public (int XMin, int YMin, int XMax, int YMax) BBox { get; }

    /// <summary>The face hb-subset reads: the preprocessed one when <see cref="Preprocess"/> ran.</summary>
    /// A preprocessed face subsets to the same bytes, so the switch may happen at any moment.
    internal IntPtr SubsetSourceHandle => Volatile.Read(ref _preprocessed) is var p && p != IntPtr.Zero ? p : Face.Handle;

    private int _subsets;
    private Lazy<GlyphCodePoints?>? _codePoints;

    /// <summary>
    /// The face's cmap read backwards, for <see cref="FontSubsetter"/>; null for this face's first subset, which goes
    /// hb-subset's way: reading it costs about what one subset's cmap work costs, so a face subset once (one report
    /// in a fresh process) does not pay for it, and every later subset of the face saves that work.
    /// </summary>
    internal GlyphCodePoints? CodePointsForSubset()
    {
        if (Interlocked.Increment(ref _subsets) == 1) return null;
        if (Volatile.Read(ref _codePoints) is null)
            Interlocked.CompareExchange(ref _codePoints, new Lazy<GlyphCodePoints?>(() => GlyphCodePoints.Read(this)), null);
        return _codePoints!.Value;
    }

    /// <summary>The short segments this face has shaped, for every document it draws (<see cref="Text.ShapedSegments"/>).</summary>
    internal Text.ShapedSegments ShapedSegments { get; } = new();

    /// <summary>True once <see cref="Preprocess"/> has finished.</summary>
    public bool IsPreprocessed => Volatile.Read(ref _preprocessed) != IntPtr.Zero;

    /// <summary>True when the face maps the code point to a real glyph (not .notdef).</summary>
    public bool HasGlyph(int codePoint) => Font.TryGetGlyph((uint)codePoint, out uint g) && g != 0;

    /// <summary>Horizontal advance of a glyph in design units.</summary>
    public int Advance(uint glyph) => Font.GetHorizontalGlyphAdvance(glyph);

    /// <summary>
    /// Runs hb_subset_preprocess once: slow (1.7–3.8 s for a Noto CJK face here) and it holds a copy of
    /// the face's tables (about 100 MB for Noto Serif CJK), but each later subset of that face is 2–4× faster.
    /// </summary>
    public void Preprocess()
    {
        lock (_gate)
        {
            if (_disposed || _preprocessed != IntPtr.Zero) return;
            Volatile.Write(ref _preprocessed, HbSubsetNative.hb_subset_preprocess(Face.Handle));
        }
    }

    private static unsafe IntPtr MapPointer(MemoryMappedViewAccessor view)
    {
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        return (IntPtr)(p + view.PointerOffset);
    }

    private (int, int, int, int) ReadHeadBBox()
    {
        using var blob = Face.ReferenceTable(Tag.Parse("head"));
        var s = blob.AsSpan();
        if (s.Length < 44) return (0, Descender, UnitsPerEm, Ascender);
        return (BinaryPrimitives.ReadInt16BigEndian(s[36..]), BinaryPrimitives.ReadInt16BigEndian(s[38..]),
                BinaryPrimitives.ReadInt16BigEndian(s[40..]), BinaryPrimitives.ReadInt16BigEndian(s[42..]));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_preprocessed != IntPtr.Zero) { HbSubsetNative.hb_face_destroy(_preprocessed); Volatile.Write(ref _preprocessed, IntPtr.Zero); }
        }
        Font.Dispose();
        Face.Dispose();
        _blob.Dispose();
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
