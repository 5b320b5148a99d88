using System.Text;
using DocGen.Core.Import;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using static DocGen.Core.Tests.Import.RoundTripAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>
/// The seeds converted to traditional characters by Debian's opencc with s2twp (which also swaps regional
/// vocabulary: 資訊 for 信息, 檔案 for 文件) import with every value the simplified seed gives, in simplified characters.
/// </summary>
public class TraditionalImportTests
{
    public static TheoryData<string, string> Pairs() => SampleFilesTests.Pairs();

    private static string ToTraditional(string text, string config = "s2twp")
    {
        string dir = Directory.CreateTempSubdirectory("docgen-opencc-").FullName;
        try
        {
            string input = Path.Combine(dir, "in.txt"), output = Path.Combine(dir, "out.txt");
            File.WriteAllText(input, text);
            var (code, log) = ExternalTool.Run("opencc", "-c", config, "-i", input, "-o", output);
            Assert.True(code == 0, log);
            return File.ReadAllText(output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_seed_in_traditional_characters_imports_with_every_value(string seed, string sample)
    {
        var expected = Sample(sample);
        string traditional = ToTraditional(Seeds.Text(seed));
        Assert.NotEqual(Seeds.Text(seed), traditional);
        Assert.Contains("資訊", traditional);
        var result = ReportImporter.Import(traditional, seed);
        var report = result.Report!;
        TitleBlock(expected, report);
        Tables(expected, report);
        Assert.Equal(expected.Sections.Select(s => (s.Key, s.Heading)), report.Sections.Select(s => (s.Key, s.Heading)));
        Assert.Equal(expected.Contact, report.Contact);
        Assert.Contains(result.Issues, i => i.Code == "TRADITIONAL_CONVERTED" && !i.IsError);
        Assert.Equal(Seeds.Import(seed).Issues.Count(i => i.IsError), result.Issues.Count(i => i.IsError));
        // Simplified throughout: OpenCC's own character table finds nothing left to convert.
        string all = string.Join("\n", Flatten(report.Preface).Concat(report.Sections.SelectMany(s => Flatten(s.Blocks))));
        Assert.Equal(all, ToTraditionalBack(all));
    }

    private static string ToTraditionalBack(string text) => ToTraditional(text, "t2s");

    [Fact]
    public void A_page_in_traditional_characters_imports_like_the_simplified_one()
    {
        var expected = Sample("2021-changzhi-city.json");
        var html = ToTraditional(PortalPage.Write(expected), "s2hk");
        var result = ReportImporter.Import(Encoding.UTF8.GetBytes(html), "page.html");
        Tables(expected, result.Report!);
        TitleBlock(expected, result.Report!);
        Assert.Contains(result.Issues, i => i.Code == "TRADITIONAL_CONVERTED");
    }

    [Fact]
    public void Simplified_text_is_left_alone()
    {
        var result = Seeds.Import(Seeds.Changzhi);
        Assert.DoesNotContain(result.Issues, i => i.Code == "TRADITIONAL_CONVERTED");
    }
}
