using System.Text;
using DocGen.Pdf.Fonts;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace DocGen.Pdf.Text;

/// <summary>
/// Turns styled runs into atoms: picks a face per character (role chain, then any loaded face),
/// shapes each stretch of one face with HarfBuzz, and splits the result into clusters.
/// </summary>
internal sealed class Shaper(FontResolver fonts, LayoutDiagnostics diagnostics)
{
    private static readonly Language Chinese = new("zh-Hans");

    public List<Atom> Shape(IEnumerable<TextRun> runs, double letterSpacing = 0)
    {
        var atoms = new List<Atom>();
        foreach (var run in runs) ShapeRun(run, letterSpacing, atoms);
        return atoms;
    }

    private void ShapeRun(TextRun run, double letterSpacing, List<Atom> atoms)
    {
        var order = fonts.FallbackOrder(run.Role);
        var primary = fonts.Primary(run.Role);
        string text = run.Text.Replace("\r\n", "\n").Replace('\r', '\n');
        LoadedFace? segFace = null;
        bool segSynthetic = false;
        var sb = new StringBuilder();

        void Flush()
        {
            if (segFace != null && sb.Length > 0) ShapeSegment(sb.ToString(), segFace, run.Size, segSynthetic, letterSpacing, atoms);
            sb.Clear();
            segFace = null;
        }

        for (int i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            int len = rune.Utf16SequenceLength;
            int cp = rune.Value;
            if (cp == '\n')
            {
                Flush();
                atoms.Add(new Atom { Face = primary, Size = run.Size, SyntheticBold = false, Text = "", Glyphs = [],
                                     FirstChar = cp, LastChar = cp, ForcedBreak = true });
            }
            else if (IsIgnorable(cp))
            {
                if (segFace != null) sb.Append(text, i, len); // variation selectors etc. follow their base
            }
            else
            {
                var (face, synthetic) = Pick(cp, order, run.Bold);
                if (face == null)
                {
                    diagnostics.Missing(cp);
                    Flush();
                }
                else
                {
                    if (face != segFace || synthetic != segSynthetic)
                    {
                        Flush();
                        segFace = face;
                        segSynthetic = synthetic;
                    }
                    sb.Append(text, i, len);
                    if (order.Count > 0 && face != primary && face != fonts.BoldOf(primary)) diagnostics.Fallback(cp, face);
                }
            }
            i += len;
        }
        Flush();
    }

    /// <summary>First face in the order that has the character; for bold, its real bold face if any.</summary>
    private (LoadedFace?, bool) Pick(int cp, IReadOnlyList<LoadedFace> order, bool bold)
    {
        foreach (var face in order)
        {
            if (!face.HasGlyph(cp)) continue;
            if (!bold) return (face, false);
            var b = fonts.BoldOf(face);
            if (b != null && b.HasGlyph(cp)) return (b, false);
            return (face, true);
        }
        return (null, false);
    }

    private static bool IsIgnorable(int cp) =>
        cp is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF or 0x200B or 0x200C or 0x200D or 0xFEFF or 0x00AD;

    private void ShapeSegment(string s, LoadedFace face, double size, bool synthetic, double letterSpacing, List<Atom> atoms)
    {
        if (s.Length > ShapedSegments.MaxLength)
        {
            ShapeAlone(s, face, size, synthetic, letterSpacing, atoms);
            return;
        }
        var key = new ShapedSegments.Key(s, size, synthetic, letterSpacing);
        if (face.ShapedSegments.TryGet(key, out var known))
        {
            atoms.AddRange(known);
            return;
        }
        int start = atoms.Count;
        if (ShapeAlone(s, face, size, synthetic, letterSpacing, atoms)) face.ShapedSegments.Add(key, atoms.GetRange(start, atoms.Count - start).ToArray());
    }

    /// <summary>Shapes one segment with HarfBuzz into atoms, one a cluster; false when a glyph was missing (and reported).</summary>
    private bool ShapeAlone(string s, LoadedFace face, double size, bool synthetic, double letterSpacing, List<Atom> atoms)
    {
        using var buffer = new HbBuffer();
        buffer.AddUtf16(s);
        buffer.GuessSegmentProperties();
        // Punctuation and digits alone ("— 1 —") guess as Common: shape them as Han, so dashes and
        // quotes take the document's full-width forms rather than a proportional fallback.
        if (buffer.Script == Script.Common || buffer.Script == Script.Unknown || buffer.Script == Script.Inherited) buffer.Script = Script.Han;
        buffer.Direction = Direction.LeftToRight;
        buffer.Language = Chinese;
        face.Font.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var pos = buffer.GlyphPositions;
        double scale = size / face.UnitsPerEm;
        bool complete = true;
        int g = 0;
        while (g < infos.Length)
        {
            int cluster = (int)infos[g].Cluster;
            int end = g;
            while (end < infos.Length && infos[end].Cluster == cluster) end++;
            int next = end < infos.Length ? (int)infos[end].Cluster : s.Length;
            if (next < cluster) next = s.Length; // not expected for LTR; keep text rather than lose it
            string clusterText = s[cluster..next];
            // Allocation-free but for the atom itself: a report draws tens of thousands of clusters.
            int count = 0;
            for (int k = g; k < end; k++)
                if (infos[k].Codepoint != 0) count++;
                else // never draw .notdef
                {
                    diagnostics.Missing(char.ConvertToUtf32(clusterText, 0));
                    complete = false;
                }
            var glyphs = new ShapedGlyph[count];
            for (int k = g, at = 0; k < end; k++)
                if (infos[k].Codepoint != 0)
                    glyphs[at++] = new ShapedGlyph(infos[k].Codepoint, pos[k].XAdvance * scale, pos[k].XOffset * scale, pos[k].YOffset * scale);
            if (letterSpacing != 0 && count > 0)
                glyphs[^1] = glyphs[^1] with { Advance = glyphs[^1].Advance + letterSpacing };
            int firstChar = -1, lastChar = -1;
            bool allSpace = true;
            foreach (var rune in clusterText.EnumerateRunes())
            {
                if (firstChar < 0) firstChar = rune.Value;
                lastChar = rune.Value;
                allSpace &= BreakRules.IsSpace(rune.Value);
            }
            if (count > 0 && firstChar >= 0)
                atoms.Add(new Atom
                {
                    Face = face, Size = size, SyntheticBold = synthetic, Text = clusterText, Glyphs = glyphs,
                    FirstChar = firstChar, LastChar = lastChar, IsSpace = allSpace,
                });
            g = end;
        }
        return complete;
    }
}
