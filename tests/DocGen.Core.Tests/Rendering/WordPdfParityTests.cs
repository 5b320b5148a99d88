using DocGen.Core.Json;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;
using static DocGen.Core.Tests.Word.WordTestKit;

namespace DocGen.Core.Tests.Rendering;

/// <summary>
/// The .docx as LibreOffice lays it out against DocGen's PDF, for every sample: the same number of pages, every
/// section heading on the same page, and full body lines of 28 characters (GB/T 9704) in LibreOffice.
/// </summary>
public class WordPdfParityTests
{
    [Fact]
    public void LibreOffice_paginates_the_docx_as_the_pdf_with_28_characters_a_line()
    {
        using var renderer = new DocumentRenderer();
        using var dir = new TempDir();
        var samples = RepoPaths.SampleFiles().ToList();
        var reports = samples.Select(f => ReportJsonReader.Read(File.ReadAllBytes(f)).Report!).ToList();
        var ours = new List<string>();
        var docx = new List<string>();
        for (int i = 0; i < samples.Count; i++)
        {
            var docs = renderer.Render(reports[i], OutputFormats.Both);
            string name = Path.GetFileNameWithoutExtension(samples[i]);
            File.WriteAllBytes(dir.File(name + ".pdf"), docs.Pdf!);
            ours.Add(dir.File(name + ".pdf"));
            Directory.CreateDirectory(dir.File("docx"));
            File.WriteAllBytes(dir.File(Path.Combine("docx", name + ".docx")), docs.Docx!);
            docx.Add(dir.File(Path.Combine("docx", name + ".docx")));
        }
        Directory.CreateDirectory(dir.File("lo"));
        var theirs = ToPdf(dir.File("lo"), docx);

        var faults = new List<string>();
        int fullLines = 0;
        var notFull = new List<string>();
        for (int i = 0; i < samples.Count; i++)
        {
            var a = Pages(ours[i]);
            var b = Pages(theirs[i]);
            string name = Path.GetFileName(samples[i]);
            if (a.Count != b.Count) faults.Add($"{name}: PDF {a.Count} pages, LibreOffice {b.Count}");
            var plan = DocumentPlanner.Plan(reports[i]);
            foreach (var heading in plan.Sections.Select(s => ExternalTool.Squeeze(s.Heading)))
            {
                int pa = a.FindIndex(p => p.Contains(heading)), pb = b.FindIndex(p => p.Contains(heading));
                if (pa != pb) faults.Add($"{name}: “{heading}” on page {pa + 1} of the PDF, {pb + 1} in LibreOffice");
            }
            // Lines of body text in LibreOffice's rendering: the longest ones hold 28 full-width characters.
            foreach (var line in ExternalTool.PdfText(theirs[i]).Split('\n').Select(l => ExternalTool.Squeeze(l)))
            {
                double em = TitleLines.Em(line);
                if (em < 27.5 || line.Any(c => c < 0x80)) continue;
                fullLines++;
                // LibreOffice compresses punctuation: a line may take a 29th character when it ends with "。" or "，".
                if (em != 28 && !(em == 29 && "。，、；".Contains(line[^1]))) notFull.Add($"{name}: {em} characters: {line}");
            }
        }
        Assert.True(faults.Count == 0, string.Join("\n", faults));
        Assert.True(fullLines > 300, $"only {fullLines} lines of 28 characters found");
        Assert.True(notFull.Count == 0, string.Join("\n", notFull));
    }

    /// <summary>The squeezed text of each page, by pdftotext.</summary>
    private static List<string> Pages(string pdf) =>
        ExternalTool.PdfText(pdf).Split('\f').Select(ExternalTool.Squeeze).Where((_, i) => true).ToList()[..^1];
}
