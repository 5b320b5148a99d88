using DocGen.Core.Validation;

namespace DocGen.Cli;

/// <summary>Writes messages for people: findings and errors to stderr, each with its English code.</summary>
internal static class CliOutput
{
    public static void Error(string code, string message) => Console.Error.WriteLine($"错误 {code}：{message}");

    public static void Finding(string file, Finding f) => Console.Error.WriteLine($"{file}: {f}");
}
