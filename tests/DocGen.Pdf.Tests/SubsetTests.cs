using DocGen.Pdf.Fonts;
using HarfBuzzSharp;

namespace DocGen.Pdf.Tests;

public class SubsetTests
{
    private const string Sample = "政府信息公开工作年度报告，2021年共6,855件。";

    [Theory]
    [InlineData("LXGW WenKai", "glyf")]
    [InlineData("Noto Serif CJK SC", "CFF ")]
    public void SubsetParsesBackWithTheSameGlyphs(string family, string outlineTable)
    {
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace(family)!);
        var cps = Sample.EnumerateRunes().Select(r => (uint)r.Value).Distinct().ToList();
        var gids = cps.Select(cp => { Assert.True(face.Font.TryGetGlyph(cp, out uint g)); return g; }).ToList();
        byte[] subset = FontSubsetter.Subset(face, gids, cps);

        using var blob = new Blob(System.Runtime.InteropServices.GCHandle.Alloc(subset, System.Runtime.InteropServices.GCHandleType.Pinned).AddrOfPinnedObject(),
            subset.Length, MemoryMode.ReadOnly);
        using var sub = new Face(blob, 0);
        using var font = new Font(sub);
        var tables = sub.Tables.Select(t => t.ToString()).ToList();
        Assert.Contains(outlineTable, tables);
        Assert.DoesNotContain("GSUB", tables);
        Assert.DoesNotContain("GPOS", tables);
        Assert.True(sub.GlyphCount > gids.Max(), "glyph ids are retained");
        for (int i = 0; i < cps.Count; i++)
        {
            Assert.True(font.TryGetGlyph(cps[i], out uint g));
            Assert.Equal(gids[i], g);
            Assert.True(font.TryGetGlyphExtents(g, out var ext) && ext.Width > 0, $"glyph {g} has an outline");
            Assert.Equal(face.Advance(g), font.GetHorizontalGlyphAdvance(g));
        }
        // A glyph that was not asked for is empty.
        Assert.True(face.Font.TryGetGlyph('龙', out uint other));
        Assert.False(font.TryGetGlyphExtents(other, out var e) && e.Width > 0);
        Assert.True(subset.Length < new FileInfo(face.Info.Path).Length / 20, $"subset is {subset.Length} bytes");
    }
}
