using System.Collections.Concurrent;
using DocGen.Core;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;
using DocGen.Core.Word;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Cli.Commands;

/// <summary>One report of `docgen render` read, validated and rendered (<see cref="Documents"/> null when that failed), not yet written.</summary>
internal sealed record RenderedReport(string File, Report? Report, RenderedDocuments? Documents, List<Action> Messages);

/// <summary>
/// What became of one report of `docgen render`: its messages, to be printed in input order; the files written
/// (null when it failed) and the faces its PDF used.
/// </summary>
internal sealed record RenderOutcome(IReadOnlyList<Action> Messages, IReadOnlyList<string>? Written,
    IReadOnlyDictionary<FontRole, FaceInfo>? Fonts);

/// <summary>
/// Reads, validates and renders one report of `docgen render` (thread-safe, so reports run side by side), then
/// writes its files. Messages are collected, not printed, so that the command prints them in input order.
/// </summary>
internal sealed class RenderJob(DocumentRenderer renderer, OutputFormats formats, byte[]? template, PlanOptions plan, bool workbook)
{
    // The embedded template of each edition met, parsed once while the first report of that edition is validated.
    private readonly ConcurrentDictionary<string, Task> _templates = new(StringComparer.Ordinal);

    /// <summary>Reads the font files on a thread of their own while the first report is read and validated.</summary>
    public void PrepareFonts() => Background(() => renderer.Prepare());

    public RenderedReport Render(string file, CancellationToken cancel)
    {
        var messages = new List<Action>();
        var report = InputFile.ReadReport(file, out var errors);
        StartPhases.Mark("read");
        if (report is null)
        {
            foreach (var e in errors) messages.Add(() => CliOutput.Finding(file, e));
            return new RenderedReport(file, null, null, messages);
        }
        var parsing = template is null && formats.HasFlag(OutputFormats.Docx)
            ? _templates.GetOrAdd(report.Edition, id => Background(() => WordRenderer.Prepare(id)))
            : Task.CompletedTask;
        foreach (var f in ReportValidator.Validate(report).Where(f => f.Severity == Core.Editions.Severity.Error))
            messages.Add(() => CliOutput.Finding(file, f with { Message = f.Message + "（仍照原样生成）" }));
        StartPhases.Mark("validated");
        try
        {
            parsing.Wait(cancel);
            var docs = renderer.Render(report, formats, template, plan, cancel);
            StartPhases.Mark("rendered");
            return new RenderedReport(file, report, docs, messages);
        }
        catch (Exception e) when (e is DocGenException or FontNotFoundException)
        {
            messages.Add(() => Failed(file, e));
            return new RenderedReport(file, report, null, messages);
        }
    }

    /// <summary>
    /// Writes STEM.docx, STEM.pdf (and STEM.xlsx) of each rendered report, all as one <see cref="OutputBatch"/> (on
    /// disk before they are renamed into place, flushed side by side); a file that cannot be written fails its report.
    /// </summary>
    public RenderOutcome[] Write(IReadOnlyList<(RenderedReport Rendered, string Stem)> reports)
    {
        using var batch = new OutputBatch();
        var written = new List<string>?[reports.Count];
        for (int i = 0; i < reports.Count; i++)
        {
            var (rendered, stem) = reports[i];
            if (rendered is not { Report: { } report, Documents: { } docs }) continue;
            int owner = i;
            try
            {
                if (docs.Docx is not null) batch.Add(owner, stem + ".docx", docs.Docx);
                if (docs.Pdf is not null) batch.Add(owner, stem + ".pdf", docs.Pdf);
                var files = Extensions(formats).Select(e => $"{stem}.{e}").ToList();
                if (workbook && WorkbookCli.Write(report, stem, rendered.Messages, (path, bytes) => batch.Add(owner, path, bytes)) is { } xlsx)
                    files.Add(xlsx);
                written[i] = files;
            }
            catch (Exception e) when (e is DocGenException or CliException)
            {
                batch.Fail(owner, e);
            }
        }
        var failed = batch.Commit();
        StartPhases.Mark("written");
        var outcomes = new RenderOutcome[reports.Count];
        for (int i = 0; i < reports.Count; i++)
        {
            var (rendered, _) = reports[i];
            var messages = rendered.Messages;
            if (failed.TryGetValue(i, out var e))
            {
                messages.Add(() => Failed(rendered.File, e));
                outcomes[i] = new RenderOutcome(messages, null, null);
            }
            else if (written[i] is { } files) outcomes[i] = new RenderOutcome(messages, files, rendered.Documents!.PdfResult?.FontsByRole);
            else outcomes[i] = new RenderOutcome(messages, null, null);
        }
        return outcomes;
    }

    private static void Failed(string file, Exception e) =>
        CliOutput.Error(e switch { DocGenException d => d.Code, CliException c => c.Code, _ => "FONT_NOT_FOUND" }, $"{file}：{e.Message}");

    /// <summary>
    /// Work done ahead only to save time: a fault in it is left to the render, which meets the same fault and
    /// reports it against the report it stops.
    /// </summary>
    private static Task Background(Action work) => Task.Run(() =>
    {
        try { work(); }
        catch (Exception) { /* the render reports it */ }
    });

    private static IEnumerable<string> Extensions(OutputFormats f) =>
        new[] { (OutputFormats.Docx, "docx"), (OutputFormats.Pdf, "pdf") }.Where(x => f.HasFlag(x.Item1)).Select(x => x.Item2);
}
