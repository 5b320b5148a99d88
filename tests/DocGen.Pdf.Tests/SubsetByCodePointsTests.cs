using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Tests;

/// <summary>
/// A subset asked for by its glyphs' code points (the fast way, <see cref="GlyphCodePoints"/>) is byte for byte the
/// subset hb-subset makes when asked for the glyph ids.
/// </summary>
public class SubsetByCodePointsTests
{
    public static TheoryData<string, bool> Faces => new()
    {
        { "Noto Serif CJK SC", false }, { "Noto Serif CJK SC Bold", false }, { "Noto Sans CJK SC", false },
        { "LXGW WenKai", false }, { "Noto Serif CJK SC", true }, { "LXGW WenKai", true },
    };

    // Where report text comes from: ASCII, CJK punctuation and ideographs, full-width forms, and the Kangxi radicals,
    // which share glyphs with ideographs (人 and ⼈), so one glyph stands for two code points.
    private static readonly (int From, int To)[] Ranges =
        [(0x20, 0x7E), (0x2000, 0x206F), (0x2F00, 0x2FD5), (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF)];

    [Theory]
    [MemberData(nameof(Faces))]
    public void RandomSetsGiveTheSameBytesBothWays(string name, bool retain)
    {
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace(name)!);
        var mapped = Ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).Where(face.HasGlyph).ToArray();
        var codePoints = GlyphCodePoints.Read(face);
        Assert.NotNull(codePoints);
        var random = new Random(12);
        int fast = 0;
        for (int n = 0; n < 12; n++)
        {
            int size = new[] { 1, 30, 400, 1500 }[n % 4];
            var gids = Enumerable.Range(0, size).Select(_ => GlyphOf(face, mapped[random.Next(mapped.Length)])).Distinct().ToList();
            // A random pick of 1,500 ideographs may hold a glyph that is a variant of another ideograph (then it goes the old way).
            if (codePoints.Of(gids) is not null) fast++;
            else Assert.Equal(1500, size);
            AssertSame(face, gids, retain);
        }
        Assert.InRange(fast, 10, 12);
    }

    [Fact]
    public void AGlyphNoCodePointReachesGoesTheOldWayWithTheSameBytes()
    {
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace("Noto Serif CJK SC")!);
        var codePoints = GlyphCodePoints.Read(face)!;
        uint unmapped = (uint)Enumerable.Range(1, codePoints.GlyphCount - 1).First(g => codePoints.Of([(uint)g]) is null);
        var gids = "政府信息公开".Select(c => GlyphOf(face, c)).Append(unmapped).ToList();
        Assert.Null(codePoints.Of(gids));
        AssertSame(face, gids, retain: false);
    }

    [Fact]
    public void AFaceSubsetOnceDoesNotReadItsCmapBackwards()
    {
        using var fonts = new FontResolver();
        var face = fonts.Load(fonts.FindFace("LXGW WenKai")!);
        Assert.Null(face.CodePointsForSubset());
        Assert.NotNull(face.CodePointsForSubset());
    }

    private static void AssertSame(LoadedFace face, List<uint> gids, bool retain)
    {
        face.CodePointsForSubset(); // past the face's first subset, which goes the old way in any case
        var fast = FontSubsetter.Subset(face, gids, retainGlyphIds: retain);
        var old = FontSubsetter.SubsetByGlyphIds(face, gids, retain);
        Assert.Equal(old.Data, fast.Data);
        Assert.Equal(old.OldToNew.OrderBy(p => p.Key), fast.OldToNew.OrderBy(p => p.Key));
    }

    private static uint GlyphOf(LoadedFace face, int codePoint)
    {
        Assert.True(face.Font.TryGetGlyph((uint)codePoint, out uint g));
        return g;
    }
}
