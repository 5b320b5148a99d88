using System.IO.Compression;
using DocGen.Core.Editions;
using DocGen.Core.Word;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DocGen.Core.Tests.Word.WordTestKit;

namespace DocGen.Core.Tests.Word;

/// <summary>
/// The template is parsed once per process and cloned per render, and its package's other parts are deflated once: a
/// render must be, byte for byte, what the SDK saves for a fresh parse of the template filled the same way.
/// </summary>
public class ParsedTemplateTests
{
    public static TheoryData<string> Editions => new(EditionCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_render_is_the_SDKs_save_of_a_fresh_parse_filled_the_same_way(string id)
    {
        var edition = EditionCatalog.Find(id)!;
        var template = TemplateBuilder.Build(edition);
        var report = Synthetic(edition);
        for (int i = 0; i < 2; i++) Assert.Equal(SavedBySdk(report, template), WordRenderer.Render(report, template));
        var kept = new WordRenderOptions { KeepContentControls = true };
        Assert.Equal(SavedBySdk(report, template, kept), WordRenderer.Render(report, template, kept));
    }

    [Fact]
    public void Sample_reports_and_a_restyled_template_render_as_the_SDK_saves_them()
    {
        var restyled = Restyle(TemplateBuilder.Build(EditionCatalog.Edition2021));
        var samples = Directory.GetFiles(Path.Combine(RepoRoot(), "templates", "samples"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => ReportJsonReader.Read(File.ReadAllBytes(f)).Report!).ToList();
        Assert.NotEmpty(samples);
        foreach (var report in samples)
        {
            var template = WordRenderer.EmbeddedTemplate(report.Edition)!;
            Assert.Equal(SavedBySdk(report, template), WordRenderer.Render(report, template));
        }
        var synthetic = Synthetic(EditionCatalog.Edition2021);
        Assert.Equal(SavedBySdk(synthetic, restyled), WordRenderer.Render(synthetic, restyled));
    }

    [Fact]
    public void A_template_without_core_properties_gets_them_as_the_SDK_adds_them()
    {
        var edition = EditionCatalog.Edition2021;
        using var ms = new MemoryStream();
        ms.Write(TemplateBuilder.Build(edition));
        using (var doc = WordprocessingDocument.Open(ms, true)) doc.DeletePart(doc.CoreFilePropertiesPart!);
        var template = ms.ToArray();
        using (var zip = new ZipArchive(new MemoryStream(template))) Assert.Null(zip.GetEntry("docProps/core.xml"));

        var report = Synthetic(edition);
        var rendered = WordRenderer.Render(report, template);
        Assert.Equal(SavedBySdk(report, template), rendered);
        using var filled = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        Assert.Equal(report.Agency, filled.PackageProperties.Creator);
    }

    /// <summary>
    /// The way every render went before the template was cached: open the template with the SDK, fill its own parsed
    /// body, write the core properties, save, and normalise the zip.
    /// </summary>
    private static byte[] SavedBySdk(Report report, byte[] template, WordRenderOptions? options = null)
    {
        var plan = DocumentPlanner.Plan(report);
        var stamp = DocumentDates.Created(report).UtcDateTime;
        using var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart!;
            var styleIds = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value!).ToHashSet(StringComparer.Ordinal);
            WordRenderer.Fill(plan, main.Document!.Body!, styleIds, options ?? new WordRenderOptions(), CancellationToken.None);
            WordPackage.WriteCoreProperties(doc, plan.Title, plan.Agency, stamp);
        }
        return WordPackage.Normalise(stream.ToArray(), stamp);
    }

    [Fact]
    public void Renders_from_one_cached_template_in_parallel_equal_the_sequential_ones()
    {
        var reports = EditionCatalog.All.SelectMany(e => Enumerable.Repeat(Synthetic(e), 3)).ToList();
        var sequential = reports.Select(r => WordRenderer.Render(r)).ToList();
        var parallel = new byte[reports.Count][];
        Parallel.For(0, reports.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = WordRenderer.Render(reports[i]));
        for (int i = 0; i < reports.Count; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void A_caller_changing_its_template_array_afterwards_changes_nothing_cached()
    {
        var edition = EditionCatalog.Find(EditionCatalog.Id2021)!;
        var report = Synthetic(edition);
        var template = TemplateBuilder.Build(edition);
        var before = WordRenderer.Render(report, template);
        Array.Clear(template); // the cache took a copy; a cleared array is a different (unreadable) template
        Assert.Equal(WordTemplateException.Unreadable, Assert.Throws<WordTemplateException>(() => WordRenderer.Render(report, template)).Code);
        Assert.Equal(before, WordRenderer.Render(report, TemplateBuilder.Build(edition)));
    }

    [Fact]
    public void A_template_that_is_not_a_docx_is_refused_every_time()
    {
        var report = Synthetic(EditionCatalog.Find(EditionCatalog.Id2021)!);
        for (int i = 0; i < 2; i++)
            Assert.Equal(WordTemplateException.Unreadable,
                Assert.Throws<WordTemplateException>(() => WordRenderer.Render(report, "not a zip"u8.ToArray())).Code);
    }
}
