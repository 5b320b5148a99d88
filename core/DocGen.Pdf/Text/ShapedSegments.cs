using System.Collections.Concurrent;

namespace DocGen.Pdf.Text;

/// <summary>
/// The atoms of short segments one face has shaped, by text, size, synthetic bold and letter spacing: table labels,
/// headings, the title's words and page numbers recur in every report, so most are shaped once a process. A segment
/// is shaped alone (HarfBuzz sees no text before or after it, its script is guessed from its own text, language and
/// direction are fixed, no features), so its glyphs and positions depend on nothing the key leaves out, and a hit
/// gives the atoms a fresh shaping would. Atoms are never changed once made, so documents share them. A segment with
/// a missing glyph is not kept (each use must report it); long segments (body paragraphs, which rarely recur) are not
/// kept. At most <see cref="MaxEntries"/> a face, then no more are added: the labels and headings met in the first
/// reports stay (they recur in every report of their edition), and a server's memory stays bounded (about 4 MB a face
/// if every entry were 24 characters long; labels and figures are far shorter).
/// </summary>
internal sealed class ShapedSegments
{
    /// <summary>Longest segment kept, in UTF-16 units: labels and numbers are shorter, body paragraphs longer.</summary>
    public const int MaxLength = 24;
    public const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<Key, Atom[]> _segments = new();

    public readonly record struct Key(string Text, double Size, bool SyntheticBold, double LetterSpacing);

    public bool TryGet(Key key, out Atom[] atoms) => _segments.TryGetValue(key, out atoms!);

    public void Add(Key key, Atom[] atoms)
    {
        if (_segments.Count < MaxEntries) _segments.TryAdd(key, atoms);
    }

    /// <summary>Segments held now (for tests).</summary>
    internal int Count => _segments.Count;
}
