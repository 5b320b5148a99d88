using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Tests;

/// <summary>The subset cache of a long-running renderer stays within its bytes and forgets the oldest first.</summary>
public class SubsetCacheTests
{
    [Fact]
    public void The_cache_holds_at_most_its_bytes_and_forgets_the_oldest_subset_first()
    {
        var face = Fixtures.Fonts.Load(Fixtures.Fonts.FindFace("Noto Serif CJK SC")!);
        var cache = new SubsetCache(retainGlyphIds: false);
        // Distinct runs of 400 CJK glyphs, each a body-sized subset, until more than the cap has gone through.
        var sets = new List<uint[]>();
        long made = 0;
        for (uint start = 1000; made <= 2 * SubsetCache.MaxBytes; start += 400)
        {
            var glyphs = Enumerable.Range(0, 400).Select(i => start + (uint)i).ToArray();
            sets.Add(glyphs);
            made += cache.GetOrCreate(face, glyphs).Data.Length;
            Assert.InRange(cache.Bytes, 1, SubsetCache.MaxBytes);
        }
        Assert.InRange(cache.Count, 1, sets.Count - 1);

        var newest = cache.GetOrCreate(face, sets[^1]);
        Assert.Same(newest, cache.GetOrCreate(face, [.. sets[^1]]));
        int before = cache.Count;
        var oldest = cache.GetOrCreate(face, sets[0]); // forgotten: made again, and now the newest
        Assert.Equal(FontSubsetter.Subset(face, sets[0]).Data, oldest.Data);
        Assert.Same(oldest, cache.GetOrCreate(face, sets[0]));
        Assert.InRange(cache.Count, 1, before + 1);
        Assert.InRange(cache.Bytes, 1, SubsetCache.MaxBytes);
    }
}
