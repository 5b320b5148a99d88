using DocGen.Core.Import;

namespace DocGen.Core.Tests.Import;

/// <summary>The seed files and the samples made from them.</summary>
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

    public static string RepositoryRoot => Fixtures.RepoPaths.Root;

    public static string SeedDirectory => Fixtures.RepoPaths.Seeds;

    public static string SampleDirectory => Fixtures.RepoPaths.Samples;

    public static string Text(string seed) => File.ReadAllText(Path.Combine(SeedDirectory, seed));

    public static string[] Lines(string seed) => Text(seed).Replace("\r\n", "\n").Split('\n');

    public static ImportResult Import(string seed) => ReportImporter.Import(Text(seed), seed);

    /// <summary>The seed's text with its 1-based line <paramref name="line"/> changed.</summary>
    public static string WithLine(string seed, int line, Func<string, string> change)
    {
        var lines = Lines(seed);
        lines[line - 1] = change(lines[line - 1]);
        return string.Join("\n", lines);
    }

    /// <summary>The sample file names, for theories over the five samples.</summary>
    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var (_, sample) in Samples) data.Add(sample);
        return data;
    }
}
