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

    /// <summary>A logged-in az whose cloud offers Flex Consumption in <paramref name="locations"/> with <paramref name="versions"/> of dotnet-isolated; it logs every call.</summary>
    private static string FakeAz(string bin, string locations, string versions)
    {
        string log = Path.Combine(bin, "az.log");
        File.WriteAllText(Path.Combine(bin, "az"), $$"""
            #!/bin/sh
            echo "$*" >> '{{log}}'
            case "$*" in
              "account show"*) exit 0 ;;
              "cloud show"*) echo AzureChinaCloud ;;
              "functionapp list-flexconsumption-locations"*) printf '%s\n' {{locations}} ;;
              "functionapp list-flexconsumption-runtimes"*) printf '%s\n' {{versions}} ;;
              *) exit 0 ;;
            esac
            """);
        File.SetUnixFileMode(Path.Combine(bin, "az"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return log;
    }

    [Theory]
    [InlineData("chinanorth3", "8.0 9.0", "does not offer dotnet-isolated 10.0")]
    [InlineData("chinaeast", "10.0", "does not offer the Flex Consumption plan")]
    public void Stops_before_creating_anything_where_flex_consumption_cannot_run_dotnet_10(string location, string versions, string message)
    {
        var bin = Directory.CreateTempSubdirectory("docgen-az-").FullName;
        try
        {
            string log = FakeAz(bin, "chinanorth3 'China North 3'", versions);
            var (code, stderr) = RunScript(bin + ":" + Environment.GetEnvironmentVariable("PATH"), "-g", "rg", "-l", location);
            Assert.Equal(1, code);
            Assert.Contains(message, stderr);
            Assert.Contains("--plan premium", stderr);
            Assert.DoesNotContain("group create", File.ReadAllText(log));
        }
        finally
        {
            Directory.Delete(bin, true);
        }
    }

    [Fact]
    public void Refuses_an_unknown_plan()
    {
        var bin = Directory.CreateTempSubdirectory("docgen-az-").FullName;
        try
        {
            FakeAz(bin, "chinanorth3", "10.0");
            var (code, stderr) = RunScript(bin + ":" + Environment.GetEnvironmentVariable("PATH"), "-g", "rg", "--plan", "consumption");
            Assert.Equal(2, code);
            Assert.Contains("--plan must be flex or premium", stderr);
        }
        finally
        {
            Directory.Delete(bin, true);
        }
    }

    private static (int Code, string Stderr) RunScript(string path, params string[] args)
    {
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = path;
        psi.Environment["DOCGEN_AGENCY_KEYS"] = "某局=k1";
        psi.Environment["DOCGEN_ADMIN_KEY"] = "k2";
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }
}
