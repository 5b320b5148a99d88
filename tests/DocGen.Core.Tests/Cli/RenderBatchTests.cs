using DocGen.Core.Json;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Cli;

/// <summary>
/// `docgen render` of many reports renders them side by side, and of one report runs its two writers side by side:
/// either way every file has the bytes of a render one step after another, and the messages come in input order.
/// </summary>
public class RenderBatchTests
{
    [Fact]
    public void A_batch_writes_the_bytes_of_a_render_one_after_another_and_reports_in_input_order()
    {
        using var dir = new TempDir();
        var samples = RepoPaths.SampleFiles().ToList();
        // An unreadable report in the middle: reported in its place, the others still rendered.
        var files = samples.Take(2).Append(dir.Write("broken.json", "{\"edition\":")).Concat(samples.Skip(2)).ToList();
        string outDir = dir.File("out");

        var r = CliRunner.Run(["render", .. files, "--out", outDir]);

        Assert.Equal(2, r.ExitCode);
        var progress = r.Stdout.Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.Equal(files.Count - 1, progress.Count);
        var expectedOrder = files.Select((f, i) => (f, i)).Where(x => !x.f.EndsWith("broken.json")).Select(x => $"[{x.i + 1}/{files.Count}] {x.f} → ");
        Assert.Equal(expectedOrder, progress.Select(l => l[..(l.IndexOf(" → ", StringComparison.Ordinal) + 3)]));
        Assert.Contains($"完成：{samples.Count}个成功，1个失败", r.Stdout);
        Assert.Contains("broken.json", r.Stderr);

        using var sequential = new DocumentRenderer();
        foreach (var file in samples)
        {
            var report = ReportJsonReader.Read(File.ReadAllBytes(file)).Report!;
            var docs = sequential.Render(report, OutputFormats.Both);
            string stem = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file));
            Assert.True(docs.Docx!.AsSpan().SequenceEqual(File.ReadAllBytes(stem + ".docx")), $"{stem}.docx differs");
            Assert.True(docs.Pdf!.AsSpan().SequenceEqual(File.ReadAllBytes(stem + ".pdf")), $"{stem}.pdf differs");
        }
    }

    [Fact]
    public void Of_two_inputs_with_one_name_the_later_one_s_files_are_left_as_one_after_the_other_would()
    {
        using var dir = new TempDir();
        var samples = RepoPaths.SampleFiles().ToList();
        Directory.CreateDirectory(dir.File("a"));
        Directory.CreateDirectory(dir.File("b"));
        string first = dir.File("a/report.json"), second = dir.File("b/report.json");
        File.Copy(samples[0], first);
        File.Copy(samples[^1], second);
        string outDir = dir.File("out");

        var r = CliRunner.Run(["render", first, .. samples.Skip(1).Take(2), second, "--out", outDir]);

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var sequential = new DocumentRenderer();
        var later = sequential.Render(ReportJsonReader.Read(File.ReadAllBytes(second)).Report!, OutputFormats.Both);
        Assert.Equal(later.Pdf, File.ReadAllBytes(Path.Combine(outDir, "report.pdf")));
        Assert.Equal(later.Docx, File.ReadAllBytes(Path.Combine(outDir, "report.docx")));
    }

    [Fact]
    public void The_two_writers_side_by_side_give_the_bytes_of_one_after_the_other()
    {
        using var concurrent = new DocumentRenderer(new RenderSettings { ConcurrentWriters = true });
        using var sequential = new DocumentRenderer();
        foreach (var file in RepoPaths.SampleFiles())
        {
            var report = ReportJsonReader.Read(File.ReadAllBytes(file)).Report!;
            var a = concurrent.Render(report, OutputFormats.Both);
            var b = sequential.Render(report, OutputFormats.Both);
            Assert.Equal(b.Docx, a.Docx);
            Assert.Equal(b.Pdf, a.Pdf);
            Assert.Equal(b.PdfResult!.PageCount, a.PdfResult!.PageCount);
        }
    }

    [Fact]
    public void A_cancelled_render_with_the_writers_side_by_side_stops_with_the_cancellation()
    {
        using var concurrent = new DocumentRenderer(new RenderSettings { ConcurrentWriters = true });
        var report = ReportJsonReader.Read(File.ReadAllBytes(RepoPaths.SampleFiles().First())).Report!;
        Assert.ThrowsAny<OperationCanceledException>(() => concurrent.Render(report, OutputFormats.Both, cancel: new CancellationToken(true)));
    }
}
