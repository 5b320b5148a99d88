using System.Diagnostics;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Infra.Tests;

/// <summary>deploy.sh passes bash -n and shellcheck, and refuses to run without the Azure CLI or a login.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DeployScriptTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "infra", "deploy.sh");

    [Fact]
    public void Parses_with_bash_n()
    {
        var (code, output) = ExternalTool.Run("bash", "-n", Script);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Passes_shellcheck()
    {
        var (code, output) = ExternalTool.Run("shellcheck", Script);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Refuses_without_a_login()
    {
        // An az that answers like a logged-out CLI.
        var bin = Directory.CreateTempSubdirectory("docgen-az-").FullName;
        try
        {
            string az = Path.Combine(bin, "az");
            File.WriteAllText(az, "#!/bin/sh\necho 'Please run az login to setup account.' >&2\nexit 1\n");
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var (code, stderr) = RunScript(bin + ":" + Environment.GetEnvironmentVariable("PATH"), "-g", "rg");
            Assert.Equal(1, code);
            Assert.Contains("not logged in", stderr);
            Assert.Contains("az login", stderr);
        }
        finally
        {
            Directory.Delete(bin, true);
        }
    }

    [Fact]
    public void Refuses_without_the_azure_cli()
    {
        var (code, stderr) = RunScript("/usr/bin:/bin", "-g", "rg");
        Assert.Equal(1, code);
        Assert.Contains("Azure CLI (az) is not installed", stderr);
    }

    private static (int Code, string Stderr) RunScript(string path, params string[] args)
    {
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = path;
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }
}
