using System.Diagnostics;
using System.Text.RegularExpressions;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Functions.Tests;

/// <summary>The curl examples of the README, run as written against the running service.</summary>
public sealed class ReadmeExamplesTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("docgen-readme-data-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("docgen-readme-work-").FullName;
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartAsync(new Dictionary<string, string?>
    {
        [DocGen.Storage.StorageSettings.Root] = _data,
    });

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        TestStores.DeleteFolder(_data);
        // The link to the repository's templates goes first, so that nothing of the repository is touched.
        string templates = Path.Combine(_work, "templates");
        if (Directory.Exists(templates)) Directory.Delete(templates);
        TestStores.DeleteFolder(_work);
    }

    [Fact]
    public void Curl_examples_run_as_written()
    {
        string stdout = RunReadmeBlock("api-example");

        Assert.Contains("\"status\":\"ok\"", stdout);
        Assert.Contains("BALANCE_MISMATCH", stdout); // the 2021 sample's published fault
        Assert.Contains("\"version\":1", stdout);
        byte[] pdf = File.ReadAllBytes(Path.Combine(_work, "report.pdf"));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Equal(pdf, File.ReadAllBytes(Path.Combine(_work, "signed-1.pdf")));
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(_work, "report.docx"))[..2]);
    }

    [Fact]
    public void Compiling_office_examples_run_as_written()
    {
        string stdout = RunReadmeBlock("compile-example");
        Assert.Contains("\"agency\":null", stdout);
        Assert.Contains("\"missing\":[\"太原市迎泽区人民政府\"]", stdout);
        using var city = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "city.json")));
        Assert.Equal("太原市人民政府", city.RootElement.GetProperty("report").GetProperty("agency").GetString());
        Assert.Equal("太原市万柏林区人民政府", city.RootElement.GetProperty("parts")[0].GetProperty("agency").GetString());
    }

    /// <summary>Runs the README's shell block between <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c> against the service, in a folder that sees the repository's templates; returns its output.</summary>
    private string RunReadmeBlock(string name)
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = Regex.Match(readme, $@"<!-- {name}:start -->\s*```sh\n(.*?)```\s*<!-- {name}:end -->", RegexOptions.Singleline);
        Assert.True(block.Success, $"README has no {name} block");
        File.WriteAllText(Path.Combine(_work, "example.sh"), "set -euo pipefail\n" + block.Groups[1].Value);
        Directory.CreateSymbolicLink(Path.Combine(_work, "templates"), RepoPaths.Templates);
        var psi = new ProcessStartInfo("bash", ["example.sh"])
        {
            WorkingDirectory = _work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOCGEN_URL"] = _service.BaseAddress.ToString().TrimEnd('/');
        psi.Environment["KEY"] = RunningService.AdminKey;
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}\n{stdout}\n{stderr}");
        return stdout;
    }
}
