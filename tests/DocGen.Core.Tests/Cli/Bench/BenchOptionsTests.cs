using DocGen.Cli;
using DocGen.Cli.Commands.Bench;

namespace DocGen.Core.Tests.Cli.Bench;

public class BenchOptionsTests
{
    [Fact]
    public void Batch_sizes_are_two_numbers_the_second_larger()
    {
        Assert.Equal((5, 25), BenchOptions.ParseBatch("5,25"));
        Assert.Equal((1, 2), BenchOptions.ParseBatch(" 1 , 2 "));
        foreach (var bad in new[] { "25,5", "5,5", "5", "5,25,50", "a,b", "-1,5", "" })
            Assert.Equal("USAGE", Assert.Throws<CliException>(() => BenchOptions.ParseBatch(bad)).Code);
    }

    [Fact]
    public void Client_counts_are_positive_whole_numbers()
    {
        Assert.Equal([1, 4, 16, 20], BenchOptions.ParseCounts("1,4,16,20", "--clients"));
        var e = Assert.Throws<CliException>(() => BenchOptions.ParseCounts("1,0", "--clients"));
        Assert.Contains("--clients", e.Message);
        Assert.Throws<CliException>(() => BenchOptions.ParseCounts("1.5", "--clients"));
    }

    [Fact]
    public void Cases_are_named_and_combined()
    {
        Assert.Equal(BenchCases.All, BenchOptions.ParseCases("all"));
        Assert.Equal(BenchCases.Batch | BenchCases.Service, BenchOptions.ParseCases("batch,service"));
        Assert.Equal(BenchCases.OneShot, BenchOptions.ParseCases("OneShot"));
        Assert.Equal(BenchCases.Floor | BenchCases.Batch, BenchOptions.ParseCases("floor,batch"));
        Assert.True(BenchOptions.ParseCases("all").HasFlag(BenchCases.Floor));
        Assert.Contains("“fast”", Assert.Throws<CliException>(() => BenchOptions.ParseCases("batch,fast")).Message);
        Assert.Throws<CliException>(() => BenchOptions.ParseCases(","));
    }
}
