using DocGen.Core.Json;
using DocGen.Core.Rendering;
using DocGen.Pdf.Measuring;

namespace DocGen.Cli.Commands.Bench;

/// <summary>What the floor case found: the parts of the fixed work, each replayed <see cref="Rounds"/> times.</summary>
internal sealed record FloorFigures(int Reports, int Rounds, IReadOnlyList<FloorPart> Parts, double RenderCpuMs, int Mismatches, int Calls,
    double PreprocessCpuMs, int PreprocessedFaces)
{
    /// <summary>The CPU a report of the parts no change that keeps the bytes can avoid (the same in every report excluded).</summary>
    public double FloorMsPerReport => Parts.Where(p => p.InFloor).Sum(p => Stats.Median(p.ReplayedMs)) / Reports;

    /// <summary>The same with the subsets made from preprocessed faces (preprocessing itself, once a process, left out).</summary>
    public double PreprocessedFloorMsPerReport =>
        Parts.Where(p => p.InFloor).Sum(p => Stats.Median(p.PreprocessedMs.Count > 0 ? p.PreprocessedMs : p.ReplayedMs)) / Reports;

    /// <summary>The renders' CPU time by phase, summed over the reports (the fixed work is inside them).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Phases { get; init; } = [];

    /// <summary>CPU time a report may take for 20× LibreOffice's marginal 149 ms on 2 cores: 7.5 ms of wall time, both cores busy.</summary>
    public const double BudgetMs = 15;
}

/// <summary>
/// One part of the fixed work: its calls over all reports, input (glyphs, or bytes), output, CPU time inside the renders
/// and in each replay; <see cref="InFloor"/> false for work a cache could skip (.docx parts the same in every report).
/// </summary>
internal sealed record FloorPart(string Name, int Calls, long InputSize, long OutputBytes, double RecordedMs, List<double> ReplayedMs, bool InFloor)
{
    /// <summary>A subset's replays from the preprocessed face; empty for other parts.</summary>
    public List<double> PreprocessedMs { get; } = [];
}

/// <summary>
/// `docgen bench --cases floor`: the floor under a report's cost that the byte rule sets, in this process. The same
/// reports as the batch case (derived, through their JSON) are rendered one after another on one thread by a fresh
/// renderer, as `docgen render` renders a batch, while <see cref="FixedWorkRecording"/> keeps every hb-subset request
/// and every deflate of the PDF exactly as made; the .docx files' zip entries are kept too. Then those calls alone
/// are made again, round after round, and timed by the thread's CPU clock: the PDF's through the renderer's own code,
/// the .docx's with the zip library and level the Word writer uses, each checked to give the same bytes again.
/// </summary>
internal static class FloorBench
{
    public const string SubsetPrefix = "hb-subset";

    public static FloorFigures Run(BenchOptions options, ReportDeriver deriver)
    {
        int n = options.Large;
        var reports = Enumerable.Range(0, n).Select(i => ReportJsonReader.Read(ReportJsonWriter.Write(deriver.Derive(i))).Report!).ToArray();
        Console.Error.WriteLine($"bench: floor, {n} reports, {options.Repeat} replays");
        // Compiled code warmed by a renderer of its own, whose caches (subsets, faces' code points) go with it.
        // The fonts `docgen render` would use (DOCGEN_FONTS first, as there).
        var settings = new RenderSettings { FontDirectory = Environment.GetEnvironmentVariable("DOCGEN_FONTS") };
        using (var warm = new DocumentRenderer(settings))
            foreach (var report in reports.Take(3)) warm.Render(report, OutputFormats.Both);

        using var renderer = new DocumentRenderer(settings);
        var docx = new List<byte[]>(n);
        double renderMs = 0, docxMs = 0;
        var recording = FixedWorkRecording.Start();
        try
        {
            // The PDF, then the .docx, each from its own plan (as one call makes both from one): each writer's whole.
            foreach (var report in reports)
            {
                double start = ThreadCpu.Milliseconds();
                renderer.Render(report, OutputFormats.Pdf);
                double pdfDone = ThreadCpu.Milliseconds();
                docx.Add(renderer.Render(report, OutputFormats.Docx).Docx!);
                double end = ThreadCpu.Milliseconds();
                renderMs += end - start;
                docxMs += end - pdfDone;
            }
        }
        finally { recording.Dispose(); }

        var packages = docx.Select(DocxEntries.Read).ToList();
        var constant = DocxEntries.SameInEvery(packages);
        var parts = recording.Recorded.Select(p => new FloorPart(p.Name, p.Calls, p.InputSize, p.OutputBytes, p.CpuMs, [], true)).ToList();
        int mismatches = 0, pdfCalls = parts.Sum(p => p.Calls);
        FloorPart? docxVarying = null, docxSame = null;
        for (int round = 0; round < options.Repeat; round++)
        {
            var replay = recording.Replay();
            mismatches += replay.Mismatches;
            foreach (var (part, replayed) in parts.Zip(replay.Parts)) part.ReplayedMs.Add(replayed.CpuMs);
            var (varying, same, docxMismatches) = DocxEntries.Rezip(packages, constant);
            mismatches += docxMismatches;
            docxVarying ??= new FloorPart("deflate: .docx parts that differ between reports", varying.Calls, varying.InputSize, varying.OutputBytes, double.NaN, [], true);
            docxSame ??= new FloorPart("deflate: .docx parts the same in every report (a cache could skip them)", same.Calls, same.InputSize, same.OutputBytes, double.NaN, [], false);
            docxVarying.ReplayedMs.Add(varying.CpuMs);
            docxSame.ReplayedMs.Add(same.CpuMs);
        }
        parts.Add(docxVarying!);
        parts.Add(docxSame!);

        // The service's option: subsets from preprocessed faces, the same bytes (checked again here), less CPU each.
        Console.Error.WriteLine("bench: floor, preprocessing the faces");
        double preprocessMs = recording.PreprocessFaces();
        int faces = parts.Count(p => p.Name.StartsWith(SubsetPrefix, StringComparison.Ordinal));
        for (int round = 0; round < options.Repeat; round++)
        {
            var replay = recording.Replay(preprocessed: true);
            mismatches += replay.Mismatches;
            foreach (var (part, replayed) in parts.Zip(replay.Parts))
                if (part.Name.StartsWith(SubsetPrefix, StringComparison.Ordinal)) part.PreprocessedMs.Add(replayed.CpuMs);
        }
        var phases = recording.Phases.Append(new("Word: the whole .docx (plan, fill, zip)", docxMs)).ToList();
        return new FloorFigures(n, options.Repeat, parts, renderMs, mismatches, pdfCalls + (docxVarying!.Calls + docxSame!.Calls), preprocessMs, faces)
            { Phases = phases };
    }
}
