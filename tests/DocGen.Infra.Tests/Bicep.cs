using System.Reflection;
using System.Text.Json;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Infra.Tests;

/// <summary>The Bicep CLI from the restored NuGet package, and the compiled templates.</summary>
internal static class Bicep
{
    public static string InfraFolder => Path.Combine(RepoPaths.Root, "infra");

    public static string Executable { get; } = Find();

    private static string Find()
    {
        string? package = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackage")?.Value;
        if (string.IsNullOrEmpty(package)) throw new InvalidOperationException("the Azure.Bicep.CommandLine.linux-x64 package path was not recorded at build time");
        string exe = Path.Combine(package, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
        if (!File.Exists(exe)) throw new FileNotFoundException("bicep is not in the restored package", exe);
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(exe).HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(exe, File.GetUnixFileMode(exe) | UnixFileMode.UserExecute);
        return exe;
    }

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(InfraFolder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static readonly Lazy<JsonElement> Main = new(() => Compile(Path.Combine(InfraFolder, "main.bicep")));

    public static JsonElement CompiledMain => Main.Value;

    public static JsonElement Compile(string file)
    {
        string output = Path.Combine(Path.GetTempPath(), $"docgen-bicep-{Guid.NewGuid():N}.json");
        try
        {
            var (code, text) = ExternalTool.Run(Executable, "build", file, "--outfile", output);
            if (code != 0 || text.Trim().Length > 0) throw new InvalidOperationException($"bicep build {file}: exit {code}\n{text}");
            return JsonDocument.Parse(File.ReadAllText(output)).RootElement.Clone();
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Every resource of a compiled template, with the resources of nested deployments (modules).</summary>
    public static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources)) yield break;
        IEnumerable<JsonElement> list = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value); // languageVersion 2.0 symbolic names
        foreach (var r in list)
        {
            yield return r;
            if (r.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                && r.GetProperty("properties").TryGetProperty("template", out var nested))
                foreach (var inner in Resources(nested)) yield return inner;
        }
    }

    public static IEnumerable<JsonElement> OfType(string type) =>
        Resources(CompiledMain).Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));
}
