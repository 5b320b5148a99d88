using DocGen.Core.Import;

namespace DocGen.Core.Tests.Import;

/// <summary>Finds the repository (the folder holding DocGen.sln) and the shared seeds next to it.</summary>
internal static class Seeds
{
    public const string Changzhi = "000_c8df9a1914d11ee3.txt";
    public const string Shitai = "001_f6278f3ab9b7decc.txt";
    public const string Gaoping = "002_8828d0bea7d12cc7.txt";
    public const string Jili = "003_faad5596e471b1a0.txt";
    public const string Wanbailin = "004_d63969c0f6426144.txt";

    /// <summary>Seed file → sample file under templates/samples.</summary>
    public static readonly (string Seed, string Sample)[] Samples =
    [
        (Changzhi, "2021-changzhi-city.json"),
        (Shitai, "2020-shitai-county-office.json"),
        (Gaoping, "2016-gaoping-city.json"),
        (Jili, "2020-luoyang-jili-district.json"),
        (Wanbailin, "2024-taiyuan-wanbailin-district.json"),
    ];

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
            throw new InvalidOperationException("找不到包含DocGen.sln的目录");
        }
    }

    public static string SeedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    public static string SampleDirectory => Path.Combine(RepositoryRoot, "templates", "samples");

    public static string Text(string seed) => File.ReadAllText(Path.Combine(SeedDirectory, seed));

    public static string[] Lines(string seed) => Text(seed).Replace("\r\n", "\n").Split('\n');

    public static ImportResult Import(string seed) => ReportImporter.Import(Text(seed), seed);
}
