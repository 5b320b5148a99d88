using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Writer;

namespace DocGen.Pdf.Tests;

/// <summary>The speed work in the writer must give the bytes the plain code gave.</summary>
public class WriterSpeedTests
{
    // What PdfSyntax.Num did before it wrote digits itself.
    private static string FormattedNum(double v)
    {
        double r = Math.Round(v, 3);
        return r == 0 ? "0" : r.ToString("0.###", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Numbers_are_written_as_the_format_string_writes_them()
    {
        var values = new List<double> { 0, -0.0, 0.0004, -0.0004, 0.0005, -0.0005, 0.0015, 0.0025, 1, -1, 0.5, -0.5, 0.001, -0.001,
            0.1 + 0.2, 595.276, 841.89, 28.95, 1e6, 123456789.123, -987654.0005, 999999999.9995, 1e11 + 0.123, 2.675, 1.0005 };
        var rnd = new Random(12);
        for (int i = 0; i < 200_000; i++)
        {
            double scale = Math.Pow(10, rnd.Next(-4, 10));
            values.Add((rnd.NextDouble() * 2 - 1) * scale);
            values.Add(Math.Round(rnd.NextDouble() * 1000, rnd.Next(0, 5)) * (rnd.Next(2) == 0 ? 1 : -1));
            values.Add(rnd.Next(-100_000, 100_000) / 1000.0 + (rnd.Next(3) - 1) * 0.0005);
        }
        foreach (double v in values) Assert.Equal(FormattedNum(v), PdfNumber.Format(v));
    }

    [Fact]
    public void Glyph_codes_are_four_hex_digits_as_X4()
    {
        var sb = new StringBuilder();
        foreach (uint code in new uint[] { 0, 9, 10, 0xAB, 0x1234, 0xFFFF, 0x10000 })
        {
            sb.Clear();
            PdfNumber.AppendHex4(sb, code);
            Assert.Equal(code.ToString("X4", CultureInfo.InvariantCulture), sb.ToString());
        }
    }

    [Fact]
    public void Text_hex_is_written_as_the_big_endian_encoder_writes_it()
    {
        var sb = new StringBuilder();
        foreach (var text in new[] { "", "政", "a\u00A0b", "\U0001F600", "𠀀丽", "\uD800", "x\uDC00", "\uDBFF\uDFFF\uD83D", "\uFEFF\uFFFF" })
        {
            sb.Clear();
            PdfSyntax.AppendUtf16Hex(sb, text);
            Assert.Equal(PdfSyntax.Utf16Hex(text), sb.ToString());
        }
    }

    [Fact]
    public void A_cached_subset_is_the_same_bytes_and_its_compressed_program_inflates_to_them()
    {
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace("LXGW WenKai")!);
        var cache = new SubsetCache(retainGlyphIds: false);
        var glyphs = Glyphs(face, "政府信息公开工作年度报告");
        var first = cache.GetOrCreate(face, glyphs);
        var again = cache.GetOrCreate(face, [.. glyphs]);
        Assert.Same(first, again);
        Assert.Equal(FontSubsetter.Subset(face, glyphs).Data, first.Data);
        Assert.Equal(PdfSyntax.Deflate(first.Data, DocGen.Pdf.Measuring.FixedWorkRecording.FontPrograms), first.Compressed);
        Assert.Same(first.Compressed, again.Compressed);
        using var z = new ZLibStream(new MemoryStream(first.Compressed), CompressionMode.Decompress);
        using var back = new MemoryStream();
        z.CopyTo(back);
        Assert.Equal(first.Data, back.ToArray());

        var other = cache.GetOrCreate(face, Glyphs(face, "政府信息公开工作年度报表"));
        Assert.NotSame(first, other);
        Assert.NotEqual(first.Data, other.Data);
        Assert.Equal(2, cache.Count);
    }

    [Theory]
    [InlineData("LXGW WenKai")]
    [InlineData("Noto Sans CJK SC")]
    public void A_preprocessed_face_subsets_to_the_same_bytes(string family)
    {
        // Preprocessing may finish in the background at any moment, so it must not change a PDF's bytes.
        using var fonts = new FontResolver(new FontResolverOptions());
        var face = fonts.Load(fonts.FindFace(family)!);
        var glyphs = Glyphs(face, Fixtures.Body);
        var plain = FontSubsetter.Subset(face, glyphs);
        face.Preprocess();
        var fast = FontSubsetter.Subset(face, glyphs);
        Assert.Equal(plain.Data, fast.Data);
        Assert.Equal(plain.OldToNew, fast.OldToNew);
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_with_a_warm_cache()
    {
        using var fonts = new FontResolver(new FontResolverOptions());
        var cold = PdfRenderer.RenderToBytes(Fixtures.SampleReport(), fonts, out _);
        Assert.True(fonts.SubsetCache.Count > 0);
        var warm = PdfRenderer.RenderToBytes(Fixtures.SampleReport(), fonts, out _);
        var fresh = PdfRenderer.RenderToBytes(Fixtures.SampleReport(), Fixtures.Fonts, out _);
        Assert.Equal(cold, warm);
        Assert.Equal(cold, fresh);
    }

    [Fact]
    public void The_pooled_buffer_holds_what_a_memory_stream_holds_across_growth()
    {
        var rnd = new Random(3);
        using var pooled = new PooledBufferStream(16);
        using var plain = new MemoryStream();
        for (int i = 0; i < 300; i++)
        {
            var chunk = new byte[rnd.Next(0, 5000)];
            rnd.NextBytes(chunk);
            pooled.Write(chunk);
            plain.Write(chunk);
            pooled.WriteByte((byte)i);
            plain.WriteByte((byte)i);
            pooled.WriteAscii("12 0 obj");
            plain.Write("12 0 obj"u8);
        }
        Assert.Equal(plain.Length, pooled.Position);
        Assert.Equal(plain.ToArray(), pooled.ToArray());
    }

    private static List<uint> Glyphs(LoadedFace face, string text) =>
        text.EnumerateRunes().Select(r => { Assert.True(face.HasGlyph(r.Value)); face.Font.TryGetGlyph((uint)r.Value, out uint g); return g; })
            .Distinct().Order().ToList();
}
