using DocGen.Pdf.Layout;
using DocGen.Pdf.Text;

namespace DocGen.Pdf.Tests;

/// <summary>Access to the engine's internals for layout assertions.</summary>
internal static class LayoutHelpers
{
    public static List<TextLine> Lines(ParagraphBlock p, double width, LayoutDiagnostics? d = null) =>
        new TextLayouter(Fixtures.Fonts, d ?? new LayoutDiagnostics()).Layout(p, width).Lines;

    public static string LineText(TextLine line) => string.Concat(line.Atoms.Select(a => a.Atom.Text));

    public static Paginator Paginate(PdfDocumentModel doc, LayoutDiagnostics? d = null)
    {
        var pg = new Paginator(doc.Page, Fixtures.Fonts, d ?? new LayoutDiagnostics());
        pg.Run(doc.Blocks);
        return pg;
    }

    public static IEnumerable<string> PageTexts(PageContent page) => page.Lines.Select(l => LineText(l.Line));
}
