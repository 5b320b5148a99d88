using System.Globalization;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Layout;
using DocGen.Pdf.Measuring;
using DocGen.Pdf.Text;
using DocGen.Pdf.Writer;

namespace DocGen.Pdf;

/// <summary>
/// Entry point: lays out a <see cref="PdfDocumentModel"/> and writes it as PDF 1.7. The same
/// model and fonts always give the same bytes. Thread-safe; share one <see cref="FontResolver"/>.
/// </summary>
public static class PdfRenderer
{
    /// <summary>
    /// Renders <paramref name="doc"/> to <paramref name="output"/>. Layout, content streams and font subsetting
    /// stop with <see cref="OperationCanceledException"/> once <paramref name="cancel"/> fires.
    /// </summary>
    public static RenderResult Render(PdfDocumentModel doc, Stream output, FontResolver fonts, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fonts);
        var diagnostics = new LayoutDiagnostics();
        var paginator = new Paginator(doc.Page, fonts, diagnostics);
        FixedWorkRecording.Phase("PDF: layout (shaping, line breaking, tables, pages)", () => { paginator.Run(doc.Blocks, cancel); return 0; });
        if (doc.Page.PageNumbers is { } style) AddPageNumbers(paginator, doc.Page, style);

        var byRole = new SortedDictionary<FontRole, FaceInfo>();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            try { byRole[role] = fonts.Primary(role).Info; }
            catch (FontNotFoundException) { /* reported by layout if the role was used */ }
        }

        var counting = new CountingStream(output);
        var embedded = PdfDocumentWriter.Write(counting, paginator.Pages, paginator.Outline, doc.Page, doc.Info, fonts.SubsetCache, cancel);
        return new RenderResult
        {
            PageCount = paginator.Pages.Count,
            Pages = paginator.Summaries(),
            FontsByRole = byRole,
            EmbeddedFonts = embedded,
            Diagnostics = diagnostics,
            ByteCount = counting.Written,
        };
    }

    /// <summary>Renders to a byte array.</summary>
    public static byte[] RenderToBytes(PdfDocumentModel doc, FontResolver fonts, out RenderResult result, CancellationToken cancel = default)
    {
        // Pooled: the file is written into it in one piece, then copied out once at its exact length.
        using var buffer = new PooledBufferStream(256 * 1024);
        result = Render(doc, buffer, fonts, cancel);
        return buffer.ToArray();
    }

    /// <summary>
    /// GB/T 9704: "— N —" with its dash line <see cref="PageNumberStyle.DistanceBelowText"/> below the text
    /// block, odd pages right and even pages left, one character in from the block's edge.
    /// </summary>
    private static void AddPageNumbers(Paginator pg, PageSetup page, PageNumberStyle style)
    {
        double textBottom = page.MarginTop + page.TextHeight;
        double inset = style.InsetChars * style.FontSize;
        for (int i = 0; i < pg.Pages.Count; i++)
        {
            int number = style.StartNumber + i;
            string label = string.Format(CultureInfo.InvariantCulture, style.Format, number);
            var line = pg.Text.SingleLine(label, style.Role, style.FontSize);
            // The em dash sits about 0.3 em above the baseline: put that line at the set distance.
            double baselineTop = textBottom + style.DistanceBelowText + style.FontSize * 0.3;
            double top = baselineTop - line.Baseline;
            double x = !style.OutsideAligned
                ? page.MarginLeft + (page.TextWidth - line.Width) / 2
                : number % 2 == 1
                    ? page.MarginLeft + page.TextWidth - inset - line.Width
                    : page.MarginLeft + inset;
            pg.Pages[i].Lines.Add(new LineItem(line, x, top));
        }
    }

    /// <summary>Counts bytes on their way to the caller's stream (which may not be seekable).</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) { inner.Write(buffer, offset, count); Written += count; }
        public override void Write(ReadOnlySpan<byte> buffer) { inner.Write(buffer); Written += buffer.Length; }
    }
}
