using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;
using Xunit.Abstractions;
using Block = DocGen.Core.Model.Block;

namespace DocGen.Core.Tests.Rendering;

/// <summary>
/// The layout self-check: every sample's tables moved across the page-break positions (0–21 one-line
/// paragraphs added before the table) and rendered. No render may leave text outside its cell (the engine's
/// measure and mutool's trace), leave a heading at a page foot, cut a table into a header and one row, or leave
/// a page (but the last) more than half empty.
/// All 22 positions of every sample: about 290 renders, half a minute on two cores.
/// </summary>
public class LayoutSweepTests(ITestOutputHelper output)
{
    private static readonly Lazy<FontResolver> Fonts = new(() => new FontResolver());
    public const int Positions = 22;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var f in RepoPaths.SampleFiles()) data.Add(Path.GetFileName(f));
        return data;
    }

    public static IEnumerable<int> Offsets() => Enumerable.Range(0, Positions);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Tables_moved_across_every_break_position_render_without_fault(string name)
    {
        var report = ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name))).Report!;
        var edition = EditionCatalog.Find(report.Edition)!;
        using var dir = new TempDir();
        var faults = new List<string>();
        int renders = 0;
        // Legacy reports have no tables: their headings still move across the breaks.
        var targets = edition.Tables.Count > 0
            ? edition.Tables.Select(t => (t.SectionKey, t.Name)).ToList()
            : [(report.Sections[0].Key, "正文")];
        foreach (var (sectionKey, tableName) in targets)
        {
            foreach (int k in Offsets())
            {
                var moved = WithLinesBefore(report, sectionKey, k);
                string path = dir.File($"{renders++}.pdf");
                File.WriteAllBytes(path, PdfRenderer.RenderToBytes(ReportPdfBuilder.Build(moved), Fonts.Value, out var result));
                string where = $"{tableName} +{k}";
                faults.AddRange(LayoutFaults(result).Select(f => $"{where}: {f}"));
                faults.AddRange(GlyphTrace.Of(path).Faults().Select(f => $"{where}: {f}"));
            }
        }
        output.WriteLine($"{name}: {renders} renders, {faults.Count} faults");
        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(40)));
    }

    /// <summary>
    /// The engine's own account: overflow, headings at a page foot, table pieces of a header and one row, pages
    /// more than half empty (but the last).
    /// </summary>
    public static IEnumerable<string> LayoutFaults(RenderResult result)
    {
        foreach (var o in result.Diagnostics.Overflows) yield return o;
        double half = PageSetup.GbT9704().TextHeight / 2;
        for (int i = 0; i < result.Pages.Count; i++)
        {
            var page = result.Pages[i];
            if (i < result.Pages.Count - 1 && page.UsedHeight < half) yield return $"page {i + 1}: more than half empty";
            if (page.EndsWithKeptLine && i < result.Pages.Count - 1) yield return $"page {i + 1}: a heading is the page's last line";
            foreach (var piece in page.TablePieces)
                if (piece.HeaderRows > 0 && piece.BodyRows == 1 && piece.RowCount > 1)
                    yield return $"page {i + 1}: a table piece of the header and one row";
        }
    }

    /// <summary>The report with <paramref name="lines"/> one-line paragraphs at the end of a section (before its table).</summary>
    public static Report WithLinesBefore(Report report, string? sectionKey, int lines)
    {
        var filler = Enumerable.Range(0, lines).Select(i => (Block)new Paragraph($"移动表格的第{i + 1}行。")).ToList();
        int index = Math.Max(0, report.Sections.ToList().FindIndex(s => s.Key == sectionKey));
        var sections = report.Sections.Select((s, i) => i == index ? s with { Blocks = [.. s.Blocks, .. filler] } : s).ToList();
        return report with { Sections = sections };
    }
}
