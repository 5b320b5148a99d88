using System.Diagnostics;
using System.Text.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Api;

namespace DocGen.Functions.Tests;

/// <summary>
/// The OpenAPI document passes a real linter (Redocly CLI, npm <c>@redocly/cli</c>, installed by .ci/run) without
/// an error, and describes every operation. Both front ends serve the one string <see cref="OpenApiDocument.Json"/>
/// (standalone and worker tests compare the served bytes with it), so one document is checked for both.
/// </summary>
public sealed class OpenApiTests
{
    /// <summary>redocly on PATH, else in .tools/node_modules/.bin of the repository (where .ci/run installs it).</summary>
    private static string Redocly()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (File.Exists(Path.Combine(dir, "redocly"))) return Path.Combine(dir, "redocly");
        string local = Path.Combine(RepoPaths.Root, ".tools", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(local), "Redocly CLI not found: run `npm install --prefix .tools @redocly/cli` at the repository root (.ci/run does)");
        return local;
    }

    [Fact]
    public async Task Redocly_lint_finds_no_error()
    {
        string file = Path.Combine(Path.GetTempPath(), $"docgen-openapi-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, OpenApiDocument.Json.Value);
        try
        {
            var psi = new ProcessStartInfo(Redocly(), ["lint", file, "--format", "stylish"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.Environment["REDOCLY_TELEMETRY"] = "off";
            psi.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            psi.Environment["NO_COLOR"] = "1";
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await p.WaitForExitAsync(timeout.Token);
            string output = await stdout + await stderr;
            Assert.True(p.ExitCode == 0, $"redocly lint: exit {p.ExitCode}\n{output}");
            Assert.DoesNotContain("error", output.Replace("0 errors", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_operation_has_its_contract_and_the_key_scheme_where_it_needs_one()
    {
        Assert.Equal(ApiRoutes.Contracted.Select(r => r.Name).Order(), ApiContracts.All.Keys.Order());
        var doc = JsonDocument.Parse(OpenApiDocument.Json.Value).RootElement;
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());
        Assert.Equal(ApiKeys.Header, doc.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiDocument.KeyScheme).GetProperty("name").GetString());
        foreach (var route in ApiRoutes.Contracted)
        {
            var op = doc.GetProperty("paths").GetProperty(route.PublicPath).GetProperty(route.Method.ToLowerInvariant());
            Assert.Equal(route.Name, op.GetProperty("operationId").GetString());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.* / [A-Za-z]", op.GetProperty("summary").GetString());
            bool keyed = op.GetProperty("security").EnumerateArray().Any(s => s.TryGetProperty(OpenApiDocument.KeyScheme, out _));
            Assert.Equal(route.Access == Access.Key, keyed);
            var responses = op.GetProperty("responses");
            if (keyed) Assert.True(responses.TryGetProperty("401", out _), $"{route.Name} has no 401");
            foreach (var failure in ApiContracts.All[route.Name].Failures)
            {
                var codes = responses.GetProperty(failure.Status.ToString()).GetProperty("content").GetProperty("application/problem+json")
                    .GetProperty("schema").GetProperty("properties").GetProperty("code").GetProperty("enum");
                Assert.Equal(failure.Codes, codes.EnumerateArray().Select(c => c.GetString()!));
            }
        }
        // A 405 belongs to no operation, so the description says it.
        Assert.Contains(ProblemCodes.MethodNotAllowed, doc.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        // The report body is the schema built from the editions.
        var create = doc.GetProperty("paths").GetProperty("/api/reports").GetProperty("post");
        Assert.Equal(ApiSchemas.Ref(ApiSchemas.Report), create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(doc.GetProperty("components").GetProperty("schemas").GetProperty(ApiSchemas.Report).GetProperty("properties").TryGetProperty("tables", out _));
    }
}
