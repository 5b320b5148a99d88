using System.Security.Cryptography;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Cli.Bench;

public class SampleHashesTests
{
    [Fact]
    public void Bench_hashes_prints_the_sha256_of_the_files_render_writes_in_sha256sum_form()
    {
        string sample = RepoPaths.SampleFiles().First(f => f.Contains("2024-taiyuan", StringComparison.Ordinal));
        using var dir = new TempDir();
        string list = dir.File("hashes.txt");
        var hashes = CliRunner.Run("bench", "--hashes", sample, "--out", list);
        Assert.True(hashes.ExitCode == 0, hashes.Stderr);
        var render = CliRunner.Run("render", sample, "--out", dir.Path);
        Assert.True(render.ExitCode == 0, render.Stderr);

        string stem = Path.GetFileNameWithoutExtension(sample);
        var expected = new[] { "docx", "pdf" }
            .Select(ext => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dir.File($"{stem}.{ext}"))))}  {stem}.{ext}");
        Assert.Equal(expected, hashes.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal(hashes.Stdout, File.ReadAllText(list));
    }

    [Fact]
    public void Bench_hashes_of_an_unreadable_report_is_refused_with_a_code()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("bench", "--hashes", dir.Write("bad.json", "{\"edition\":"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("BENCH_UNREADABLE", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Bench_outside_the_repository_without_reports_says_what_is_missing()
    {
        using var dir = new TempDir();
        var r = CliRunner.RunIn(dir.Path, "bench", "--hashes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("BENCH_NO_REPORTS", r.Stderr);
    }
}
