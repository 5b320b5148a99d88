using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Api;

namespace DocGen.Functions.Tests;

/// <summary>
/// The contract is committed as <c>functions/DocGen.Functions/openapi.json</c>, the file clients (and the NSwag
/// round trip in DocGen.Client.Tests) are generated from. It must be byte for byte the document both front ends
/// serve (ApiTests and WorkerFunctionTests compare the served bytes with <see cref="OpenApiDocument.Json"/>).
/// </summary>
public sealed class OpenApiFileTests
{
    /// <summary>Set to 1 to rewrite the committed file from the code, then review its diff.</summary>
    public const string RewriteVariable = "DOCGEN_WRITE_OPENAPI";

    public static string CommittedPath => Path.Combine(RepoPaths.Root, "functions", "DocGen.Functions", "openapi.json");

    [Fact]
    public void Committed_openapi_json_is_the_served_document()
    {
        byte[] served = System.Text.Encoding.UTF8.GetBytes(OpenApiDocument.Json.Value);
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1") File.WriteAllBytes(CommittedPath, served);
        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing: run the test with {RewriteVariable}=1");
        Assert.True(served.AsSpan().SequenceEqual(File.ReadAllBytes(CommittedPath)),
            $"functions/DocGen.Functions/openapi.json differs from the served document: run `{RewriteVariable}=1 dotnet test tests/DocGen.Functions.Tests --filter OpenApiFileTests` and review the diff");
    }
}
