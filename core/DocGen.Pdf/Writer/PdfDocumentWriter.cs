using System.Text;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Layout;
using DocGen.Pdf.Measuring;
using static DocGen.Pdf.Writer.PdfSyntax;

namespace DocGen.Pdf.Writer;

/// <summary>Turns laid-out pages into a PDF 1.7 file, objects in a fixed order.</summary>
internal static class PdfDocumentWriter
{
    public static List<EmbeddedFont> Write(Stream output, IReadOnlyList<PageContent> pages, IReadOnlyList<OutlineMark> outline,
        PageSetup setup, DocumentInfo info, SubsetCache cache, CancellationToken cancel = default)
    {
        // A first pass over the content finds the glyphs each font needs; the subsets then fix the
        // codes (CIDs), and a second pass writes the content streams with them.
        var registry = new FontRegistry();
        FixedWorkRecording.Phase("PDF writer: glyphs collected (first pass)", () =>
        {
            foreach (var page in pages)
            {
                cancel.ThrowIfCancellationRequested();
                new ContentStreamBuilder(setup.Height, registry).Collect(page);
            }
            return 0;
        });
        // Subsetting is the costly step: the token is checked before each face.
        var subsets = FixedWorkRecording.Phase("PDF writer: subsets (hb-subset, or the cache)", () => registry.InOrder.ToDictionary(u => u, u =>
        {
            cancel.ThrowIfCancellationRequested();
            return FontEmbedder.Prepare(u, cache);
        }));
        var contents = FixedWorkRecording.Phase("PDF writer: content streams", () =>
        {
            var built = new List<(byte[] Data, HashSet<FontUsage> Fonts)>();
            foreach (var page in pages)
            {
                cancel.ThrowIfCancellationRequested();
                var builder = new ContentStreamBuilder(setup.Height, registry);
                built.Add((builder.Build(page), builder.UsedFonts));
            }
            return built;
        });
        return FixedWorkRecording.Phase("PDF writer: objects and file (fonts' widths, ToUnicode, deflate; outline, /ID)",
            () => WriteFile(output, pages, outline, setup, info, registry, subsets, contents));
    }

    private static List<EmbeddedFont> WriteFile(Stream output, IReadOnlyList<PageContent> pages, IReadOnlyList<OutlineMark> outline,
        PageSetup setup, DocumentInfo info, FontRegistry registry, Dictionary<FontUsage, FontSubset> subsets,
        List<(byte[] Data, HashSet<FontUsage> Fonts)> contents)
    {
        using var w = new PdfFileWriter();
        int catalog = w.Reserve(), pagesNum = w.Reserve(), infoNum = w.Reserve(), xmp = w.Reserve();
        var fontNums = new Dictionary<FontUsage, int[]>();
        foreach (var u in registry.InOrder) { FontEmbedder.ReserveObjects(w, out var nums); fontNums[u] = nums; }
        var pageNums = new List<int>();
        var contentNums = new List<int>();
        foreach (var _ in pages) { pageNums.Add(w.Reserve()); contentNums.Add(w.Reserve()); }

        int outlineRoot = OutlineWriter.Write(w, outline, pageNums, setup.Height);
        var catalogDict = new StringBuilder($"<< /Type /Catalog /Pages {pagesNum} 0 R /Metadata {xmp} 0 R /Lang {Literal(info.Language)}");
        catalogDict.Append(" /ViewerPreferences << /DisplayDocTitle true >>");
        if (outlineRoot != 0) catalogDict.Append($" /Outlines {outlineRoot} 0 R /PageMode /UseOutlines");
        w.Object(catalog, catalogDict.Append(" >>").ToString());
        w.Object(pagesNum, $"<< /Type /Pages /Kids [{string.Join(' ', pageNums.Select(n => n + " 0 R"))}] /Count {pages.Count} " +
                           $"/MediaBox [0 0 {Num(setup.Width)} {Num(setup.Height)}] >>");
        w.Object(infoNum, MetadataWriter.InfoDictionary(info));
        w.Stream(xmp, "/Type /Metadata /Subtype /XML", MetadataWriter.Xmp(info));

        var embedded = new List<EmbeddedFont>();
        foreach (var u in registry.InOrder) embedded.Add(FontEmbedder.Write(w, fontNums[u], u, subsets[u]));

        for (int i = 0; i < pages.Count; i++)
        {
            var fonts = string.Join(' ', registry.InOrder.Where(contents[i].Fonts.Contains).Select(u => $"/{u.ResourceName} {fontNums[u][0]} 0 R"));
            w.Object(pageNums[i], $"<< /Type /Page /Parent {pagesNum} 0 R /Resources << /Font << {fonts} >> >> /Contents {contentNums[i]} 0 R >>");
            w.CompressedStream(contentNums[i], "", contents[i].Data, FixedWorkRecording.ContentStreams);
        }
        w.Finish(output, catalog, infoNum);
        return embedded;
    }
}
