using System.Diagnostics;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Word;
using Xunit.Abstractions;
using Paragraph = DocGen.Core.Model.Paragraph;

namespace DocGen.Core.Tests.Rendering;

/// <summary>Huge reports finish (the Word fill is linear), and a render stops when its caller has gone.</summary>
public class RenderLimitsTests(ITestOutputHelper output)
{
    private static Report WithParagraphs(int n) => ReportFactory.Consistent() with
    {
        Sections = ReportFactory.Consistent().Sections.Select((s, i) => i == 0
            ? s with { Blocks = Enumerable.Range(0, n).Select(k => (Block)new Paragraph($"第{k}段。")).ToList() }
            : s).ToList(),
    };

    /// <summary>100,000 one-line paragraphs: this took 379 s when controls were unwrapped child by child. No time is asserted; the figure is printed.</summary>
    [Fact]
    public void A_docx_of_100000_paragraphs_is_filled()
    {
        var report = WithParagraphs(100_000);
        var watch = Stopwatch.StartNew();
        var docx = WordRenderer.Render(report);
        output.WriteLine($"100,000 paragraphs: .docx {watch.Elapsed.TotalSeconds:0.0} s, {docx.Length / 1024} KiB");
        var text = Word.WordTestKit.BodyText(docx);
        Assert.Contains("第0段。", text);
        Assert.Contains("第99999段。", text);
    }

    [Fact]
    public void A_cancelled_render_stops_in_the_word_fill_and_in_the_pdf()
    {
        using var renderer = new DocumentRenderer();
        var report = WithParagraphs(2_000);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => renderer.Render(report, OutputFormats.Docx, cancel: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => renderer.Render(report, OutputFormats.Pdf, cancel: cancelled.Token));

        // Cancelled while running: the PDF layout notices within the render.
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var big = WithParagraphs(20_000);
        Assert.ThrowsAny<OperationCanceledException>(() => renderer.Render(big, OutputFormats.Pdf, cancel: soon.Token));
    }
}
