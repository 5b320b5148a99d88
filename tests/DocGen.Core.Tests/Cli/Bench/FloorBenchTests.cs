using DocGen.Cli.Commands.Bench;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Cli.Bench;

public class FloorBenchTests
{
    private static readonly Report[] Samples = RepoPaths.SampleFiles()
        .Select(f => ReportJsonReader.Read(File.ReadAllBytes(f)).Report!).ToArray();

    [Fact]
    public void The_floor_replays_every_fixed_call_of_the_renders_to_the_same_bytes_and_prints_it()
    {
        var options = new BenchOptions { Cases = BenchCases.Floor, Large = 3, Repeat = 1 };
        var floor = FloorBench.Run(options, new ReportDeriver(Samples, seed: 1));

        Assert.Equal(0, floor.Mismatches);
        Assert.Equal(3, floor.Reports);
        var subsets = floor.Parts.Where(p => p.Name.StartsWith(FloorBench.SubsetPrefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(subsets);
        Assert.Equal(subsets.Count, floor.PreprocessedFaces);
        Assert.All(subsets, p => Assert.Single(p.PreprocessedMs));
        // Three reports with different text: each asks the body face for a subset of its own.
        Assert.Contains(subsets, p => p.Calls == 3);
        var contents = floor.Parts.Single(p => p.Name == "deflate: content streams");
        Assert.True(contents.Calls >= 3 * 3, "a report has several pages");
        var docx = floor.Parts.Where(p => p.Name.Contains(".docx", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, docx.Count);
        Assert.Contains(docx, p => p.InFloor && p.Calls >= 3); // document.xml and core.xml differ
        Assert.Contains(docx, p => !p.InFloor && p.Calls > 0); // styles, settings, … are the same in all
        Assert.All(floor.Parts, p => Assert.True(Stats.Median(p.ReplayedMs) > 0, p.Name));
        Assert.True(floor.FloorMsPerReport > 0 && floor.FloorMsPerReport < floor.RenderCpuMs / floor.Reports);

        var md = BenchReport.Write("docgen bench --cases floor", new Machine(2, 1 << 20, "Linux", ".NET", null), "1 1 1", "1 1 1", 0.1, null, null, floor);
        Assert.Contains("| **floor, a report**", md);
        Assert.Contains("Every replayed call gave the same bytes", md);
    }
}
