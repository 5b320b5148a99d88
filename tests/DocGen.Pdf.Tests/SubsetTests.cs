using DocGen.Pdf.Fonts;
using HarfBuzzSharp;

namespace DocGen.Pdf.Tests;

public class SubsetTests
{
    [Fact]
    public void RenumberedCidKeyedCffHasCidEqualToGlyphId()
    {
        // Viewers differ on CID-vs-GID for CIDFontType0; an identity charset satisfies both.
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace("Noto Serif CJK SC")!);
        var original = CffCharset.GlyphToCid(FontSubsetter.Subset(face, [1, 2, 3], retainGlyphIds: true).Data)!;
        Assert.Equal([0, 1, 2, 3], original.Take(4).Select(c => (int)c)); // Noto CJK: CID n is glyph n
        var gids = Sample.EnumerateRunes().Select(r => { face.Font.TryGetGlyph((uint)r.Value, out uint g); return g; }).Distinct().ToList();
        var subset = FontSubsetter.Subset(face, gids);
        var cids = CffCharset.GlyphToCid(subset.Data)!;
        Assert.Equal(Enumerable.Range(0, cids.Length), cids.Select(c => (int)c));
        Assert.True(gids.Max() > cids.Length, "glyphs were renumbered");
    }

    private const string Sample = "政府信息公开工作年度报告，2021年共6,855件。";

    [Theory]
    [InlineData("LXGW WenKai", "glyf", false)]
    [InlineData("LXGW WenKai", "glyf", true)]
    [InlineData("Noto Serif CJK SC", "CFF ", false)]
    [InlineData("Noto Serif CJK SC", "CFF ", true)]
    public void SubsetParsesBackWithTheSameGlyphs(string family, string outlineTable, bool retain)
    {
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace(family)!);
        var cps = Sample.EnumerateRunes().Select(r => (uint)r.Value).Distinct().ToList();
        var gids = cps.Select(cp => { Assert.True(face.Font.TryGetGlyph(cp, out uint g)); return g; }).ToList();
        var result = FontSubsetter.Subset(face, gids, cps, retain);
        byte[] subset = result.Data;

        using var blob = new Blob(System.Runtime.InteropServices.GCHandle.Alloc(subset, System.Runtime.InteropServices.GCHandleType.Pinned).AddrOfPinnedObject(),
            subset.Length, MemoryMode.ReadOnly);
        using var sub = new Face(blob, 0);
        using var font = new Font(sub);
        var tables = sub.Tables.Select(t => t.ToString()).ToList();
        Assert.Contains(outlineTable, tables);
        Assert.DoesNotContain("GSUB", tables);
        Assert.DoesNotContain("GPOS", tables);
        if (retain) Assert.True(sub.GlyphCount > gids.Max(), "glyph ids are retained");
        // The glyphs and .notdef, plus at most a few the kept cmap pulls in (variation sequences).
        else Assert.InRange(sub.GlyphCount, gids.Distinct().Count() + 1, gids.Distinct().Count() + 5);
        for (int i = 0; i < cps.Count; i++)
        {
            Assert.True(font.TryGetGlyph(cps[i], out uint g));
            Assert.Equal(result.OldToNew[gids[i]], g);
            if (retain) Assert.Equal(gids[i], g);
            Assert.True(font.TryGetGlyphExtents(g, out var ext) && ext.Width > 0, $"glyph {g} has an outline");
            Assert.Equal(face.Advance(gids[i]), font.GetHorizontalGlyphAdvance(g));
        }
        if (retain)
        {
            // A glyph that was not asked for is empty.
            Assert.True(face.Font.TryGetGlyph('龙', out uint other));
            Assert.False(font.TryGetGlyphExtents(other, out var e) && e.Width > 0);
        }
        else Assert.True(subset.Length < 64 * 1024, $"subset is {subset.Length} bytes");
    }
}

public class PreprocessTests
{
    [Fact]
    public async Task PreprocessedFacesGiveTheSameDocument()
    {
        static FontResolver Make(bool pre)
        {
            var o = new FontResolverOptions { PreprocessFacesForSubsetting = pre };
            foreach (var role in Enum.GetValues<FontRole>()) o.Chains[role] = ["LXGW WenKai"];
            return new FontResolver(o);
        }
        using var plain = Make(false);
        using var pre = Make(true);
        var a = PdfRenderer.RenderToBytes(Fixtures.SampleReport(1), plain, out _);
        var b = PdfRenderer.RenderToBytes(Fixtures.SampleReport(1), pre, out var result);
        Assert.Equal(a, b);
        // Preprocessing runs in the background: once it has finished, a document not seen before still comes out the same.
        await pre.Preprocessing.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.All(result.EmbeddedFonts, f => Assert.True(pre.Load(f.Face).IsPreprocessed));
        var c = PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), pre, out _);
        Assert.Equal(PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), plain, out _), c);
        Assert.All(result.EmbeddedFonts, f => Assert.Contains("LXGW WenKai", f.Face.FullName)); // regular and its bold
    }
}
