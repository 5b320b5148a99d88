namespace DocGen.Core.Tests.Fixtures;

/// <summary>Finds the repository root (the folder holding DocGen.sln) and the shared folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string Seeds => Path.Combine(Shared, "seeds");
    public static string Templates => Path.Combine(Root, "templates");
    public static string Samples => Path.Combine(Templates, "samples");

    public static IEnumerable<string> SampleFiles() =>
        Directory.Exists(Samples) ? Directory.GetFiles(Samples, "*.json").Order(StringComparer.Ordinal) : [];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("DocGen.sln not found above " + AppContext.BaseDirectory);
    }
}
