using System.Globalization;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Rendering;

/// <summary>
/// Reads `mutool trace` (MuPDF, a tool nobody here wrote): every glyph drawn and every stroked path, per page,
/// in PDF user space (y up). Checks that no glyph crosses the border of a stroked cell and no two glyphs overlap.
/// </summary>
public sealed class GlyphTrace
{
    /// <summary>A glyph's em box: left, bottom, right, top, and its character.</summary>
    public readonly record struct Box(double X0, double Y0, double X1, double Y1, string Text);

    public sealed class Page
    {
        public required int Number { get; init; }
        public List<Box> Glyphs { get; } = [];
        public List<Box> Cells { get; } = [];
    }

    public List<Page> Pages { get; } = [];

    /// <summary>Runs mutool on every page of <paramref name="pdf"/> and parses its trace.</summary>
    public static GlyphTrace Of(string pdf)
    {
        var (code, output) = ExternalTool.Run("mutool", "trace", pdf);
        if (code != 0) throw new InvalidOperationException("mutool trace failed: " + output[..Math.Min(300, output.Length)]);
        return Parse(output);
    }

    public static GlyphTrace Parse(string trace)
    {
        var result = new GlyphTrace();
        Page? page = null;
        double size = 0;
        bool inStroke = false;
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        int points = 0;
        foreach (var raw in trace.AsSpan().EnumerateLines())
        {
            var line = raw.TrimStart();
            if (line.StartsWith("<page "))
            {
                page = new Page { Number = (int)Attr(line, "number") };
                result.Pages.Add(page);
            }
            else if (line.StartsWith("<stroke_path")) { inStroke = true; points = 0; }
            else if (inStroke && (line.StartsWith("<moveto") || line.StartsWith("<lineto")))
            {
                double x = Attr(line, "x"), y = Attr(line, "y");
                if (points++ == 0) { minX = maxX = x; minY = maxY = y; }
                else { minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y); }
            }
            else if (line.StartsWith("</stroke_path"))
            {
                inStroke = false;
                if (points >= 4 && maxX - minX > 1 && maxY - minY > 1) page?.Cells.Add(new Box(minX, minY, maxX, maxY, ""));
            }
            else if (line.StartsWith("<span "))
            {
                size = Attr(line, "trm"); // "a b c d": a is the horizontal size of an unrotated span
            }
            else if (line.StartsWith("<g ") && page is not null)
            {
                double x = Attr(line, "x"), y = Attr(line, "y"), adv = Attr(line, "adv");
                string text = Str(line, "unicode");
                if (text.Trim().Length == 0) continue;
                // The ideographic em box: 0.88 em above the baseline, 0.12 em below.
                page.Glyphs.Add(new Box(x, y - 0.12 * size, x + adv * size, y + 0.88 * size, text));
            }
        }
        return result;
    }

    /// <summary>Faults on the pages: glyphs crossing a cell border, glyphs drawn over each other.</summary>
    public IEnumerable<string> Faults(double tolerance = 0.6)
    {
        foreach (var page in Pages)
        {
            foreach (var g in page.Glyphs)
            {
                var s = Shrink(g, tolerance);
                foreach (var c in page.Cells)
                {
                    bool touches = s.X0 < c.X1 && s.X1 > c.X0 && s.Y0 < c.Y1 && s.Y1 > c.Y0;
                    bool inside = s.X0 >= c.X0 && s.X1 <= c.X1 && s.Y0 >= c.Y0 && s.Y1 <= c.Y1;
                    if (touches && !inside)
                    {
                        yield return $"page {page.Number}: “{g.Text}” at ({g.X0:0.#}, {g.Y0:0.#}) crosses the cell border ({c.X0:0.#}–{c.X1:0.#}, {c.Y0:0.#}–{c.Y1:0.#})";
                        break;
                    }
                }
            }
            // Overlaps: sweep glyphs sorted by their left edge.
            var sorted = page.Glyphs.Select(g => Shrink(g, tolerance)).OrderBy(g => g.X0).ToList();
            for (int i = 0; i < sorted.Count; i++)
                for (int j = i + 1; j < sorted.Count && sorted[j].X0 < sorted[i].X1; j++)
                {
                    var a = sorted[i];
                    var b = sorted[j];
                    if (!(a.Y0 < b.Y1 && a.Y1 > b.Y0)) continue;
                    // On one baseline, kerning may tuck a glyph into its neighbour's advance ("w." in a URL);
                    // drawn over each other means half the narrower glyph is covered.
                    bool sameLine = Math.Abs(a.Y0 - b.Y0) < 0.5;
                    double covered = Math.Min(a.X1, b.X1) - b.X0;
                    if (!sameLine || covered > 0.5 * Math.Min(a.X1 - a.X0, b.X1 - b.X0))
                        yield return $"page {page.Number}: “{a.Text}” and “{b.Text}” overlap at ({a.X0:0.#}, {a.Y0:0.#})";
                }
        }
    }

    private static Box Shrink(Box b, double d) => new(b.X0 + d, b.Y0 + d, b.X1 - d, b.Y1 - d, b.Text);

    private static string Str(ReadOnlySpan<char> line, string name)
    {
        var key = $" {name}=\"";
        int at = line.IndexOf(key);
        if (at < 0) return "";
        var rest = line[(at + key.Length)..];
        int end = rest.IndexOf('"');
        return System.Net.WebUtility.HtmlDecode(rest[..end].ToString());
    }

    private static double Attr(ReadOnlySpan<char> line, string name)
    {
        var key = $" {name}=\"";
        int at = line.IndexOf(key);
        if (at < 0) return 0;
        var rest = line[(at + key.Length)..];
        int end = rest.IndexOfAny('"', ' ');
        return double.Parse(rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}

public class GlyphTraceTests
{
    /// <summary>The check finds what it is for: a glyph over a cell's border, and two glyphs drawn on each other.</summary>
    [Fact]
    public void Finds_a_glyph_across_a_border_and_glyphs_over_each_other()
    {
        const string trace = """
            <page number="1" mediabox="0 0 595.28 841.89">
            <stroke_path linewidth=".5">
                <moveto x="100" y="700"/>
                <lineto x="200" y="700"/>
                <lineto x="200" y="720"/>
                <lineto x="100" y="720"/>
                <closepath/>
            </stroke_path>
            <fill_text>
                <span font="F" trm="10.5 0 0 10.5">
                    <g unicode="内" glyph="1" x="120" y="705" adv="1"/>
                    <g unicode="跨" glyph="2" x="195" y="705" adv="1"/>
                    <g unicode="甲" glyph="3" x="300" y="400" adv="1"/>
                    <g unicode="乙" glyph="4" x="302" y="403" adv="1"/>
                </span>
            </fill_text>
            </page>
            """;
        var faults = GlyphTrace.Parse(trace).Faults().ToList();
        Assert.Equal(2, faults.Count);
        Assert.Contains(faults, f => f.Contains("“跨”") && f.Contains("crosses"));
        Assert.Contains(faults, f => f.Contains("“甲”") && f.Contains("“乙”") && f.Contains("overlap"));
    }
}
