using DocGen.Cli;
using DocGen.Core.Tests.Fixtures;
using DocGen.Storage.Tests;

namespace DocGen.Core.Tests.Cli;

/// <summary>
/// The files of a `docgen render` batch are made safe together (<see cref="OutputBatch"/>): nothing is in place before
/// the commit, then every target has its new bytes or, for a report whose file could not be written, its old ones;
/// no temporary file is left either way.
/// </summary>
public class OutputBatchTests
{
    [Fact]
    public void Nothing_is_in_place_before_the_commit_and_a_later_file_of_one_name_wins()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.pdf"), "old");
        using var batch = new OutputBatch();
        batch.Add(0, dir.File("a.pdf"), "first"u8);
        batch.Add(0, dir.File("a.docx"), "docx"u8);
        batch.Add(1, dir.File("a.pdf"), "second"u8);

        Assert.Equal("old", File.ReadAllText(dir.File("a.pdf")));
        Assert.False(File.Exists(dir.File("a.docx")));
        Assert.Empty(batch.Commit());

        Assert.Equal("second", File.ReadAllText(dir.File("a.pdf")));
        Assert.Equal("docx", File.ReadAllText(dir.File("a.docx")));
        Assert.Equal(["a.docx", "a.pdf"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_report_whose_file_cannot_be_written_fails_alone_and_leaves_its_targets_as_they_were()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("b.pdf")); // a folder where report 1's PDF should go
        File.WriteAllText(dir.File("b.docx"), "old");
        using var batch = new OutputBatch();
        batch.Add(0, dir.File("a.docx"), "a"u8);
        batch.Add(1, dir.File("b.docx"), "new"u8);
        batch.Add(1, dir.File("b.pdf"), "b"u8);
        batch.Add(2, dir.File("missing/c.pdf"), "c"u8);
        batch.Add(3, dir.File("d.pdf"), "d"u8);

        var failed = batch.Commit();

        Assert.Equal([1, 2], failed.Keys.Order());
        Assert.Equal("OUTPUT_IS_DIRECTORY", ((CliException)failed[1]).Code);
        Assert.Equal("OUTPUT_DIR_NOT_FOUND", ((CliException)failed[2]).Code);
        Assert.Equal("old", File.ReadAllText(dir.File("b.docx")));
        Assert.Equal("a", File.ReadAllText(dir.File("a.docx")));
        Assert.Equal("d", File.ReadAllText(dir.File("d.pdf")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void On_a_full_disk_the_report_that_does_not_fit_fails_and_the_others_are_written()
    {
        using var disk = Tmpfs.TryMount(1024);
        if (disk is null) return; // mounting needs root, as in CI
        File.WriteAllText(Path.Combine(disk.Path, "big.pdf"), "old");
        using var batch = new OutputBatch();
        batch.Add(0, Path.Combine(disk.Path, "small.pdf"), new byte[1000]);
        batch.Add(1, Path.Combine(disk.Path, "big.pdf"), new byte[4 * 1024 * 1024]);
        batch.Add(2, Path.Combine(disk.Path, "other.pdf"), new byte[1000]);

        var failed = batch.Commit();

        Assert.Equal([1], failed.Keys);
        Assert.Contains("磁盘空间已满", failed[1].Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(disk.Path, "big.pdf")));
        Assert.Equal(1000, new FileInfo(Path.Combine(disk.Path, "small.pdf")).Length);
        Assert.Equal(1000, new FileInfo(Path.Combine(disk.Path, "other.pdf")).Length);
        Assert.Empty(Directory.GetFiles(disk.Path, "*.tmp"));
    }

    [Fact]
    public void An_uncommitted_batch_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        using (var batch = new OutputBatch()) batch.Add(0, dir.File("a.pdf"), "a"u8);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
