using System.Diagnostics;
using System.Text;

namespace DocGen.Core.Tests.Fixtures;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built `docgen` command as a separate process, as a user would.</summary>
public static class CliRunner
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "docgen.dll");

    public static CliResult Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    public static CliResult RunIn(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("docgen " + string.Join(' ', args));
        }
        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("docgen-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text);
        return File(name);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
