using DocGen.Core.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Core.Rendering;

[Flags]
public enum OutputFormats
{
    Docx = 1,
    Pdf = 2,
    Both = Docx | Pdf,
}

public sealed record RenderSettings
{
    /// <summary>A folder of font files searched before the system's fonts (the agency's licensed fonts).</summary>
    public string? FontDirectory { get; init; }
    /// <summary>
    /// Preprocess faces for faster subsetting, in the background after each is loaded: about 100 MB and 2–4 s of
    /// CPU per CJK face for 30–60 ms less per report; off unless a long-running server has the memory.
    /// </summary>
    public bool LongRunning { get; init; }
    /// <summary>Search the system's font folders after <see cref="FontDirectory"/> (default true).</summary>
    public bool SystemFonts { get; init; } = true;
    /// <summary>
    /// Write the .docx and the PDF of one report at the same time, on two threads (they only read the plan): for a
    /// caller with a core to spare, such as a one-shot command. Off where reports already run side by side (a server).
    /// </summary>
    public bool ConcurrentWriters { get; init; }
}

/// <summary>The documents made from one report; a format not asked for is null.</summary>
public sealed record RenderedDocuments(byte[]? Docx, byte[]? Pdf, RenderResult? PdfResult);

/// <summary>
/// Makes the .docx and the PDF of a report. Holds the fonts, which are costly to load, so one instance
/// serves a whole batch or a whole server process; thread-safe.
/// </summary>
public sealed class DocumentRenderer : IDisposable
{
    private readonly FontResolver _fonts;
    private readonly bool _concurrentWriters;

    public DocumentRenderer(RenderSettings? settings = null)
    {
        settings ??= new RenderSettings();
        _concurrentWriters = settings.ConcurrentWriters;
        var options = new FontResolverOptions { PreprocessFacesForSubsetting = settings.LongRunning, IncludeSystemFonts = settings.SystemFonts };
        if (settings.FontDirectory is { } dir) options.UserFontDirectories.Add(dir);
        _fonts = new FontResolver(options);
    }

    public FontResolver Fonts => _fonts;

    /// <summary>
    /// Makes the documents from one <see cref="DocumentPlan"/>, so they say and show the same; stops with
    /// <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires (the caller has gone).
    /// </summary>
    public RenderedDocuments Render(Report report, OutputFormats formats, byte[]? template = null, PlanOptions? options = null,
        CancellationToken cancel = default)
    {
        var plan = DocumentPlanner.Plan(report, options);
        bool docx = formats.HasFlag(OutputFormats.Docx), pdf = formats.HasFlag(OutputFormats.Pdf);
        if (!(docx && pdf && _concurrentWriters))
        {
            byte[]? docxOnly = docx ? RenderDocx(plan, report, template, options, cancel) : null;
            RenderResult? result = null;
            byte[]? pdfOnly = pdf ? RenderPdf(plan, report, cancel, out result) : null;
            return new RenderedDocuments(docxOnly, pdfOnly, result);
        }

        // The PDF on a pool thread, the .docx on this one; a failure of either stops the other, and the .docx's is
        // the one thrown when both fail, as when they run one after the other.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var pdfTask = Task.Run(() => (Bytes: RenderPdf(plan, report, stop.Token, out var r), Result: r), stop.Token);
        byte[] docxBytes;
        try
        {
            docxBytes = RenderDocx(plan, report, template, options, stop.Token);
        }
        catch
        {
            stop.Cancel();
            try { pdfTask.Wait(CancellationToken.None); } catch (AggregateException) { /* the .docx's failure is the one reported */ }
            throw;
        }
        var (pdfBytes, pdfResult) = pdfTask.GetAwaiter().GetResult();
        return new RenderedDocuments(docxBytes, pdfBytes, pdfResult);
    }

    private static byte[] RenderDocx(DocumentPlan plan, Report report, byte[]? template, PlanOptions? options, CancellationToken cancel) =>
        Word.WordRenderer.Render(plan, report, template, new Word.WordRenderOptions { Plan = options }, cancel);

    private byte[] RenderPdf(DocumentPlan plan, Report report, CancellationToken cancel, out RenderResult result) =>
        PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(plan, report), _fonts, out result, cancel);

    /// <summary>
    /// Does ahead of a report what its first render would otherwise do in front of it: maps every role's faces
    /// (reading the font files) and parses the embedded .docx template of <paramref name="editionId"/> (the
    /// OpenXML SDK's first use). A one-shot command runs it beside reading and validating the report.
    /// </summary>
    public void Prepare(string? editionId = null)
    {
        foreach (var role in Enum.GetValues<FontRole>()) _fonts.ResolveChain(role);
        if (editionId is not null) Word.WordRenderer.Prepare(editionId);
    }

    /// <summary>
    /// Indexes the fonts, maps every role's faces and renders <see cref="WarmUpReport"/> once, discarding it:
    /// what a fresh process would otherwise do inside its first request. Same output afterwards (nothing is
    /// kept but loaded faces, compiled code and cached subsets, none of which changes bytes).
    /// </summary>
    public void WarmUp(CancellationToken cancel = default)
    {
        Prepare();
        Render(WarmUpReport.Create(), OutputFormats.Both, cancel: cancel);
    }

    public void Dispose() => _fonts.Dispose();
}
