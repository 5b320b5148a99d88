using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

/// <summary>The findings of a validation, kept in blocks, read back in order by index and by enumeration, across blocks.</summary>
public class FindingListTests
{
    [Fact]
    public void Findings_come_back_in_order_across_blocks()
    {
        var list = new FindingList();
        for (int i = 0; i < 2500; i++) list.Add(Finding.Warning("MIXED_PUNCTUATION", "/sections/0/blocks/" + i, "m"));
        Assert.Equal(2500, list.Count);
        Assert.Equal("/sections/0/blocks/1024", list[1024].Pointer);
        Assert.Equal("/sections/0/blocks/2499", list[^1].Pointer);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => "/sections/0/blocks/" + i), list.Select(f => f.Pointer));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2500]);
        Assert.Empty(new FindingList());
    }
}
