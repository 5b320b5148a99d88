using System.Diagnostics;

namespace DocGen.Cli.Commands.Bench;

/// <summary>
/// The programs the bench times, as users get them: `dotnet publish -c Release` of the CLI and of the service, into
/// out/bench/ of the repository (git-ignored), or executables given on the command line. A path ending in .dll is run
/// with `dotnet`. The CLI's project file makes its publish self-contained with one composite ReadyToRun image of its
/// code and the framework's, so the one-shot case times that build.
/// </summary>
internal static class PublishedBuild
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
        throw new CliException("BENCH_NO_REPOSITORY", "找不到DocGen.sln：请在仓库中运行，或用--docgen与--service给出已发布的程序");
    }

    /// <summary>Publishes <paramref name="project"/> (a folder under the repository) and returns the path of its executable.</summary>
    /// <remarks>With <paramref name="native"/>, the CLI's native build (`-p:DocGenNative=true`), into a folder of its own.</remarks>
    public static string Publish(string root, string project, string executable, bool native = false)
    {
        string outDir = Path.Combine(root, "out", "bench", Path.GetFileName(project) + (native ? "-native" : ""));
        string[] build = native ? ["-p:DocGenNative=true"] : [];
        Console.Error.WriteLine($"bench: dotnet publish -c Release {project} {string.Join(' ', build)}");
        var psi = ChildProcess.Info("dotnet", ["publish", Path.Combine(root, project), "-c", "Release", "-o", outDir, "--nologo", "-v", "quiet", .. build], root);
        var clock = Stopwatch.StartNew();
        // On 2 busy cores the CLI's composite ReadyToRun compilation takes about 6 minutes, its native one 4–10.
        ChildProcess.Run(psi, TimeSpan.FromMinutes(30));
        Console.Error.WriteLine($"bench: published in {clock.Elapsed.TotalSeconds:0} s");
        string path = Path.Combine(outDir, executable);
        if (!File.Exists(path)) path += ".dll";
        if (!File.Exists(path)) throw new CliException("BENCH_NOT_PUBLISHED", $"发布后找不到{executable}（{outDir}）");
        return path;
    }

    /// <summary>How to start a published program with these arguments.</summary>
    public static ProcessStartInfo Start(string program, IEnumerable<string> args, string? workingDirectory = null) =>
        program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? ChildProcess.Info("dotnet", args.Prepend(program), workingDirectory)
            : ChildProcess.Info(program, args, workingDirectory);
}
