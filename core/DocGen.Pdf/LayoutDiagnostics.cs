using DocGen.Pdf.Fonts;

namespace DocGen.Pdf;

/// <summary>What layout noticed: characters no face has, characters served by a fallback face, overflows.</summary>
public sealed class LayoutDiagnostics
{
    private readonly SortedSet<int> _missing = [];
    private readonly SortedDictionary<int, string> _fallbacks = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _overflows = [];

    /// <summary>Code points no loaded face could draw; they were left out (never drawn as .notdef boxes).</summary>
    public IReadOnlyCollection<int> MissingCharacters => _missing;
    /// <summary>Code points drawn with a face other than their role's first face, and that face's name.</summary>
    public IReadOnlyDictionary<int, string> FallbackCharacters => _fallbacks;
    /// <summary>Other layout warnings (e.g. a table row taller than a page).</summary>
    public IReadOnlyList<string> Warnings => _warnings;
    /// <summary>Text that leaves its box: a table cell part too small for its content, a row taller than a page (Chinese, for people).</summary>
    public IReadOnlyList<string> Overflows => _overflows;
    /// <summary>Justified lines that would have stretched past the limit and were set ragged instead.</summary>
    public int RaggedLines { get; private set; }

    internal void Missing(int cp) { lock (_missing) _missing.Add(cp); }
    internal void Fallback(int cp, LoadedFace face) { lock (_fallbacks) _fallbacks.TryAdd(cp, face.Info.FullName); }
    internal void Warn(string message) { lock (_warnings) _warnings.Add(message); }
    internal void Overflow(string message) { lock (_overflows) _overflows.Add(message); }
    internal void Ragged() { lock (_overflows) RaggedLines++; }
}
