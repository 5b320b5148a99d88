using DocGen.Core.Json;

namespace DocGen.Cli.Commands.Bench;

/// <summary>The timed runs of the batch and one-shot cases, each a fresh process.</summary>
internal sealed record BatchFigures(int Small, int Large)
{
    public Series DocGenSmall { get; } = new();
    public Series DocGenLarge { get; } = new();
    public Series OfficeSmall { get; } = new();
    public Series OfficeLarge { get; } = new();
    public Series DocGenOne { get; } = new();
    public Series OfficeOne { get; } = new();
}

/// <summary>
/// DocGen against LibreOffice, like for like and interleaved (DocGen, LibreOffice, DocGen, …) so that a change in the
/// machine's load hits both: `docgen render` of K1 and of K2 distinct reports in one process against one
/// `soffice --convert-to pdf` call over their K1 and K2 .docx files; and one report in a fresh process each.
/// DocGen writes the .docx and the PDF (and validates); LibreOffice only converts the .docx it is given.
/// </summary>
internal static class BatchBench
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static BatchFigures Run(BenchOptions options, string docgen, ReportDeriver deriver, string work)
    {
        var figures = new BatchFigures(options.Small, options.Large);
        bool batch = options.Cases.HasFlag(BenchCases.Batch), oneShot = options.Cases.HasFlag(BenchCases.OneShot);
        int count = batch ? options.Large : 1;
        string json = Directory.CreateDirectory(Path.Combine(work, "json")).FullName;
        var files = Enumerable.Range(0, count).Select(i =>
        {
            string path = Path.Combine(json, $"report-{i:000}.json");
            File.WriteAllBytes(path, ReportJsonWriter.Write(deriver.Derive(i)));
            return path;
        }).ToArray();

        // Untimed: the .docx files LibreOffice converts, LibreOffice's profile, and both programs' files in the page cache.
        string docxDir = Path.Combine(work, "docx");
        Console.Error.WriteLine($"bench: untimed first runs ({count} reports)");
        ChildProcess.Run(Render(docgen, files, docxDir, "docx"), Timeout);
        var docx = files.Select(f => Path.Combine(docxDir, Path.GetFileNameWithoutExtension(f) + ".docx")).ToArray();
        var office = options.LibreOffice ? new LibreOffice(work) : null;
        office?.Convert(docx[..1]);

        for (int r = 0; r < options.Repeat; r++)
        {
            Console.Error.WriteLine($"bench: batch and one-shot, repetition {r + 1} of {options.Repeat}");
            if (batch)
            {
                figures.DocGenSmall.Add(ChildProcess.Run(Render(docgen, files[..options.Small], Fresh(work, "out")), Timeout));
                if (office is not null) figures.OfficeSmall.Add(office.Convert(docx[..options.Small]));
                figures.DocGenLarge.Add(ChildProcess.Run(Render(docgen, files, Fresh(work, "out")), Timeout));
                if (office is not null) figures.OfficeLarge.Add(office.Convert(docx));
            }
            if (oneShot)
            {
                figures.DocGenOne.Add(ChildProcess.Run(Render(docgen, files[..1], Fresh(work, "out")), Timeout));
                if (office is not null) figures.OfficeOne.Add(office.Convert(docx[..1]));
            }
        }
        return figures;
    }

    private static System.Diagnostics.ProcessStartInfo Render(string docgen, string[] files, string outDir, string format = "docx,pdf") =>
        PublishedBuild.Start(docgen, ["render", .. files, "--out", outDir, "--format", format]);

    /// <summary>An empty output folder, so every run writes the same files anew.</summary>
    private static string Fresh(string work, string name)
    {
        string dir = Path.Combine(work, name);
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        return dir;
    }

    /// <summary>`soffice --headless --convert-to pdf` over given files, with a profile of its own created by the first call.</summary>
    private sealed class LibreOffice(string work)
    {
        private readonly string _profile = new Uri(Path.Combine(work, "lo-profile")).AbsoluteUri;

        /// <summary>Converts; soffice can exit 0 without writing (another instance holds the profile), so the PDFs are counted.</summary>
        public ChildRun Convert(string[] docx)
        {
            string outDir = Fresh(work, "lo-out");
            var run = ChildProcess.Run(ChildProcess.Info("soffice",
                [$"-env:UserInstallation={_profile}", "--headless", "--convert-to", "pdf", "--outdir", outDir, .. docx]), Timeout, tree: true);
            int written = Directory.Exists(outDir) ? Directory.GetFiles(outDir, "*.pdf").Length : 0;
            if (written != docx.Length)
                throw new CliException("BENCH_LIBREOFFICE_FAILED", $"LibreOffice只转换了{docx.Length}个文件中的{written}个");
            return run;
        }
    }
}
