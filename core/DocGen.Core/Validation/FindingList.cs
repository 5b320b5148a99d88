using System.Collections;

namespace DocGen.Core.Validation;

/// <summary>
/// The findings of one validation, kept in blocks of <see cref="BlockSize"/>: a long narrative pasted from a web page has a
/// finding in nearly every paragraph (20,000 and more), and one array of them lands on the large object heap, where each
/// validation's growing and dropped arrays set off full collections (measured: most of the GC pause of `bench-validate`).
/// </summary>
public sealed class FindingList : IReadOnlyList<Finding>
{
    /// <summary>8 KB blocks of references: well under the 85,000-byte large-object threshold.</summary>
    private const int BlockSize = 1024;

    private readonly List<Finding[]> blocks = [];

    public int Count { get; private set; }

    public void Add(Finding finding)
    {
        if (Count % BlockSize == 0) blocks.Add(new Finding[BlockSize]);
        blocks[^1][Count % BlockSize] = finding;
        Count++;
    }

    public Finding this[int index] => (uint)index < (uint)Count
        ? blocks[index / BlockSize][index % BlockSize]
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Finding> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return blocks[i / BlockSize][i % BlockSize];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
