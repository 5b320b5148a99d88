using System.Text;
using DocGen.Core.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Storage.Tests;

namespace DocGen.Core.Tests.Cli;

/// <summary>
/// The command-line faults of the hostile-input review (issue 15), tried again: every one exits 2 with one line
/// naming a code, no stack trace; outputs are replaced only by complete files.
/// </summary>
public class HostileCliTests
{
    private static string Report(TempDir dir, string name = "r.json") =>
        dir.Write(name, ReportJsonWriter.WriteString(ReportFactory.Consistent() with { Year = 2024, PublicationDate = new DateOnly(2025, 1, 20) }));

    private static void Refused(CliResult r, string code)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Contains(code, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr + r.Stdout); // no stack trace
        Assert.DoesNotContain("Exception", r.Stderr + r.Stdout);
    }

    [Fact]
    public void Render_to_an_existing_file_as_out_dir()
    {
        using var dir = new TempDir();
        string notDir = dir.Write("out", "a file");
        Refused(CliRunner.Run("render", Report(dir), "--out", notDir), "OUTPUT_NOT_DIRECTORY");
        Assert.Equal("a file", File.ReadAllText(notDir));
    }

    [Fact]
    public void Render_with_a_template_that_is_not_a_docx()
    {
        using var dir = new TempDir();
        Refused(CliRunner.Run("render", Report(dir), "--out", dir.File("o"), "--template", dir.Write("t.docx", "not a zip")), "TEMPLATE_INVALID");
    }

    [Fact]
    public void Render_with_a_missing_fonts_folder()
    {
        using var dir = new TempDir();
        Refused(CliRunner.Run("render", Report(dir), "--out", dir.File("o"), "--fonts", dir.File("no-such-fonts")), "FONTS_DIR_NOT_FOUND");
    }

    [Fact]
    public void Import_to_a_directory()
    {
        using var dir = new TempDir();
        string text = dir.Write("r.txt", File.ReadAllText(Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order().First()));
        Directory.CreateDirectory(dir.File("outdir"));
        Refused(CliRunner.Run("import", text, "-o", dir.File("outdir")), "OUTPUT_IS_DIRECTORY");
    }

    [Fact]
    public void Validate_dev_zero_is_refused_by_size_without_reading_it_all()
    {
        if (!File.Exists("/dev/zero")) return;
        Refused(CliRunner.Run("validate", "/dev/zero"), "FILE_TOO_LARGE");
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("render", "x.json")]            // --out missing
    [InlineData("validate")]                    // no file
    [InlineData("validate", "--format", "xml", "x.json")]
    [InlineData]                                // no command at all
    public void Usage_errors_exit_2(params string[] args) => Refused(CliRunner.Run(args), "USAGE");

    [Fact]
    public void Report_above_the_limits_is_refused_with_exit_2()
    {
        using var dir = new TempDir();
        var json = new StringBuilder("""{"edition": "2021", "agency": "甲", "year": 2023, "preface": [""");
        for (int i = 0; i < 100_000; i++) json.Append(i == 0 ? "" : ",").Append("\"一行。\"");
        json.Append("]}");
        string file = dir.Write("huge.json", json.ToString());
        foreach (var command in new[] { "validate", "render" })
        {
            var r = command == "render" ? CliRunner.Run("render", file, "--out", dir.File("o")) : CliRunner.Run("validate", file);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(ReportLimits.TooLargeCode, r.Stderr);
        }
        Assert.False(File.Exists(dir.File("o/huge.docx")));
    }

    [Fact]
    public void Sweep_removes_unfinished_saves_only()
    {
        using var dir = new TempDir();
        string complete = Path.Combine(dir.Path, "reports", "甲局", "2024", "r1");
        string unfinished = Path.Combine(dir.Path, "reports", "甲局", "2024", "r2");
        Directory.CreateDirectory(complete);
        Directory.CreateDirectory(unfinished);
        File.WriteAllText(Path.Combine(complete, "input.json"), "{}");
        File.WriteAllText(Path.Combine(complete, "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(unfinished, "input.json"), "{}");
        File.WriteAllText(Path.Combine(unfinished, ".0123.tmp"), "killed");
        foreach (var f in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddHours(-3));

        var r = CliRunner.Run("sweep", "--data", dir.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1个临时文件，1个没有清单的报告目录（1个文件）", r.Stdout);
        Assert.True(File.Exists(Path.Combine(complete, "input.json")));
        Assert.False(File.Exists(Path.Combine(unfinished, "input.json")));
        Refused(CliRunner.Run("sweep", "--data", dir.File("missing")), "DATA_DIR_NOT_FOUND");
    }

    [Fact]
    public void Render_on_a_full_disk_keeps_the_earlier_outputs()
    {
        using var disk = Tmpfs.TryMount(8192);
        if (disk is null) return; // mounting needs root, as in CI
        using var dir = new TempDir();
        string report = Report(dir, "r.json");
        string outDir = Path.Combine(disk.Path, "out");
        Assert.Equal(0, CliRunner.Run("render", report, "--out", outDir).ExitCode);
        var good = Directory.GetFiles(outDir).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(2, good.Count);

        string filler = Path.Combine(disk.Path, "filler");
        File.WriteAllBytes(filler, new byte[new DriveInfo(disk.Path).AvailableFreeSpace - 4096]);
        var r = CliRunner.Run("render", report, "--out", outDir);
        Refused(r, "WRITE_FAILED");
        Assert.Equal(good.Keys.Order(), Directory.GetFiles(outDir).Order()); // no temporary file left
        foreach (var (file, bytes) in good) Assert.Equal(bytes, File.ReadAllBytes(file));
    }
}
