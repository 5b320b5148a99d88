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

    public DocumentRenderer(RenderSettings? settings = null)
    {
        settings ??= new RenderSettings();
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
        byte[]? docx = formats.HasFlag(OutputFormats.Docx)
            ? Word.WordRenderer.Render(plan, report, template, new Word.WordRenderOptions { Plan = options }, cancel)
            : null;
        byte[]? pdf = null;
        RenderResult? result = null;
        if (formats.HasFlag(OutputFormats.Pdf))
            pdf = PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(plan, report), _fonts, out result, cancel);
        return new RenderedDocuments(docx, pdf, result);
    }

    /// <summary>
    /// Indexes the fonts, maps every role's faces and renders <see cref="WarmUpReport"/> once, discarding it:
    /// what a fresh process would otherwise do inside its first request. Same output afterwards (nothing is
    /// kept but loaded faces, compiled code and cached subsets, none of which changes bytes).
    /// </summary>
    public void WarmUp(CancellationToken cancel = default)
    {
        foreach (var role in Enum.GetValues<FontRole>()) _fonts.ResolveChain(role);
        Render(WarmUpReport.Create(), OutputFormats.Both, cancel: cancel);
    }

    public void Dispose() => _fonts.Dispose();
}
