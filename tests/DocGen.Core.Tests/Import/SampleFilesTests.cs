using System.Text;
using DocGen.Core.Import;
using DocGen.Core.Json;

namespace DocGen.Core.Tests.Import;

/// <summary>
/// templates/samples holds each seed as the importer reads it today. Set DOCGEN_REGENERATE_SAMPLES=1 to
/// rewrite them after a deliberate change of the importer, then review the diff by hand against the seeds.
/// </summary>
public class SampleFilesTests
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (seed, sample) in Seeds.Samples) data.Add(seed, sample);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Sample_is_exactly_what_the_importer_produces(string seed, string sample)
    {
        var result = Seeds.Import(seed);
        Assert.NotNull(result.Report);
        byte[] produced = ReportJsonWriter.Write(result.Report!);
        string path = Path.Combine(Seeds.SampleDirectory, sample);
        if (Environment.GetEnvironmentVariable("DOCGEN_REGENERATE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(Seeds.SampleDirectory);
            File.WriteAllBytes(path, produced);
        }
        Assert.True(File.Exists(path), $"missing sample {path}");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(path)), Encoding.UTF8.GetString(produced));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Sample_reads_back_without_errors_and_writes_the_same_bytes(string seed, string sample)
    {
        _ = seed;
        byte[] bytes = File.ReadAllBytes(Path.Combine(Seeds.SampleDirectory, sample));
        var read = ReportJsonReader.Read(bytes);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        Assert.Equal(Encoding.UTF8.GetString(bytes), ReportJsonWriter.WriteString(read.Report!));
    }
}
