using System.IO.Compression;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Cli;

/// <summary>`docgen render` makes half-width punctuation between Chinese full-width by default; --keep-punctuation prints the text as written.</summary>
public class RenderPunctuationTests
{
    private static string DocumentXml(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Punctuation_is_made_full_width_unless_kept_as_written()
    {
        using var dir = new TempDir();
        string sample = Path.Combine(RepoPaths.Samples, "2016-gaoping-city.json");
        string normalised = Path.Combine(dir.Path, "default"), kept = Path.Combine(dir.Path, "kept");
        Directory.CreateDirectory(normalised);
        Directory.CreateDirectory(kept);

        var a = CliRunner.Run("render", sample, "--out", normalised, "--format", "docx");
        var b = CliRunner.Run("render", sample, "--out", kept, "--format", "docx", "--keep-punctuation");
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.True(b.ExitCode == 0, b.Stderr);

        string byDefault = DocumentXml(Path.Combine(normalised, "2016-gaoping-city.docx"));
        string asWritten = DocumentXml(Path.Combine(kept, "2016-gaoping-city.docx"));
        Assert.Contains("《条例》）、《山西省", byDefault);
        Assert.DoesNotContain("《条例》)、《山西省", byDefault);
        Assert.Contains("《条例》)、《山西省", asWritten);
    }
}
