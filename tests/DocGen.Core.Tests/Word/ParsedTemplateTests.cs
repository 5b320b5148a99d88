using System.IO.Compression;
using DocGen.Core.Editions;
using DocGen.Core.Word;
using DocumentFormat.OpenXml.Packaging;
using static DocGen.Core.Tests.Word.WordTestKit;

namespace DocGen.Core.Tests.Word;

/// <summary>The template is parsed once per process and cloned per render: a clone must be the parse.</summary>
public class ParsedTemplateTests
{
    public static TheoryData<string> Editions => new(EditionCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_cloned_template_saves_the_same_parts_as_a_fresh_parse(string id)
    {
        var template = TemplateBuilder.Build(EditionCatalog.Find(id)!);

        // The old way: open the package and load the two trees the filler reads, then save.
        using var fresh = new MemoryStream();
        fresh.Write(template);
        fresh.Position = 0;
        using (var doc = WordprocessingDocument.Open(fresh, true))
        {
            Assert.NotNull(doc.MainDocumentPart!.Document!.Body);
            Assert.NotNull(doc.MainDocumentPart.StyleDefinitionsPart!.Styles);
        }

        var parsed = ParsedTemplate.Parse(template);
        for (int i = 0; i < 2; i++)
        {
            using var cloned = new MemoryStream();
            using (parsed.OpenCopy(cloned, out var body)) Assert.NotEmpty(body.ChildElements);
            Assert.Equal(Parts(fresh.ToArray()), Parts(cloned.ToArray()));
        }
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

    /// <summary>Every part's name and uncompressed bytes, in name order.</summary>
    private static List<(string, string)> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return (e.FullName, Convert.ToBase64String(ms.ToArray()));
        }).ToList();
    }
}
