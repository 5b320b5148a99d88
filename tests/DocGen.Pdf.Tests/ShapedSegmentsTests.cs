using DocGen.Pdf.Fonts;
using DocGen.Pdf.Text;

namespace DocGen.Pdf.Tests;

/// <summary>Short segments are shaped once a face; the atoms a hit gives are those a fresh shaping gives, and the bytes stay.</summary>
public class ShapedSegmentsTests
{
    private static List<Atom> Shape(FontResolver fonts, string text, double size = 16, bool bold = false) =>
        new Shaper(fonts, new LayoutDiagnostics()).Shape([new TextRun(text, FontRole.Body, size, bold)]);

    private static object[] Shape(IEnumerable<Atom> atoms) =>
        atoms.Select(a => (object)(a.Face.Info.FullName, a.Size, a.SyntheticBold, a.Text, string.Join(' ', a.Glyphs), a.FirstChar, a.LastChar, a.IsSpace, a.Width)).ToArray();

    [Fact]
    public void A_short_segment_is_shaped_once_and_gives_what_a_fresh_shaping_gives()
    {
        using var fonts = new FontResolver(new FontResolverOptions());
        var first = Shape(fonts, "政府信息公开，6,855件");
        var face = first[0].Face;
        Assert.Equal(1, face.ShapedSegments.Count);
        var again = Shape(fonts, "政府信息公开，6,855件");
        Assert.Equal(first.Count, again.Count);
        for (int i = 0; i < first.Count; i++) Assert.Same(first[i], again[i]);

        using var fresh = new FontResolver(new FontResolverOptions());
        Assert.Equal(Shape(Shape(fresh, "政府信息公开，6,855件")), Shape(again));

        Shape(fonts, "政府信息公开，6,855件", size: 10.5);
        Shape(fonts, "政府信息公开，6,855件", bold: true);
        Assert.True(face.ShapedSegments.Count >= 2, "another size is another entry");
        Assert.NotSame(first[0], Shape(fonts, "政府信息公开，6,855件", size: 10.5)[0]);
    }

    [Fact]
    public void A_long_segment_is_not_kept()
    {
        using var fonts = new FontResolver(new FontResolverOptions());
        var atoms = Shape(fonts, Fixtures.Body);
        Assert.True(Fixtures.Body.Length > ShapedSegments.MaxLength);
        Assert.Equal(0, atoms[0].Face.ShapedSegments.Count);
        Assert.NotSame(atoms[0], Shape(fonts, Fixtures.Body)[0]);
    }

    [Fact]
    public void A_document_after_others_has_the_bytes_it_has_alone()
    {
        using var fresh = new FontResolver(new FontResolverOptions());
        var alone = PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), fresh, out _);
        using var warm = new FontResolver(new FontResolverOptions());
        PdfRenderer.RenderToBytes(Fixtures.SampleReport(1), warm, out _);
        Assert.Equal(alone, PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), warm, out _));
    }
}
