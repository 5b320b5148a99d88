namespace DocGen.Core.Tests.Properties;

/// <summary>
/// How many generated cases each property runs: a few thousand in CI, and as many as the benchmark job asks for
/// (<c>DOCGEN_PROPERTY_CASES=100000</c>; rendering properties scale down by <see cref="RenderDivisor"/>, since one
/// render costs what a hundred reads do). <c>DOCGEN_PROPERTY_SEED</c> replays a failure CsCheck printed.
/// </summary>
internal static class PropertyCases
{
    public const int Default = 3000;
    public const int RenderDivisor = 100;

    public static long Count { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("DOCGEN_PROPERTY_CASES"), out long n) && n > 0 ? n : Default;

    public static long RenderCount => Math.Max(20, Count / RenderDivisor);

    public static string? Seed => Environment.GetEnvironmentVariable("DOCGEN_PROPERTY_SEED") is { Length: > 0 } s ? s : null;
}
