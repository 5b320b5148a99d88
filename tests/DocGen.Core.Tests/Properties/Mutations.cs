using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Properties;

/// <summary>
/// Generators of hostile inputs made from real ones: truncated, bit-flipped and spliced seeds, random Unicode
/// (scalar values, lone surrogates, controls) inserted, numbers made huge or negative, deep nesting.
/// </summary>
internal static partial class Mutations
{
    public static readonly byte[][] SampleJson = RepoPaths.SampleFiles().Select(File.ReadAllBytes).ToArray();

    public static readonly string[] SeedTexts = Directory.Exists(RepoPaths.Seeds)
        ? Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray()
        : [];

    /// <summary>Any Unicode scalar value, weighted towards the troublesome ones.</summary>
    public static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Gen.Int[0x4E00, 0x9FFF].Select(char.ConvertFromUtf32)),          // CJK
        (2, Gen.Int[0x20, 0x7E].Select(char.ConvertFromUtf32)),              // ASCII
        (1, Gen.Int[0, 0x1F].Select(char.ConvertFromUtf32)),                 // controls
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),       // astral: emoji, extension B…
        (1, Gen.OneOf("\u200B", "\u202E", "\uFEFF", "\u0301", "\u3000", "\uFFFD", "\u2028", "／", "ｓ", "∕")),
        (1, Gen.Int[0xA0, 0xD7FF].Select(char.ConvertFromUtf32)));

    public static readonly Gen<string> UnicodeText = Scalar.Array[0, 40].Select(parts => string.Concat(parts));

    /// <summary>Snippets of JSON that poke at the reader's edges.</summary>
    private static readonly Gen<string> Snippet = Gen.OneOf(
        Gen.OneOf("\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "1e999", "-1e999", "-99999999999999999999999999999", "0.0000000000000000000000000001",
            "99999999999999999999999999999", "-0", "null", "\"/\"", "{\"value\": -1, \"unit\": \"元\"}", "{\"value\": 1e30, \"unit\": \"万元\"}",
            "true", "[]", "{}", "\"\"", ",", ":", "\"agency\": \"x\", ", "{\"heading\": \"h\", \"blocks\": [{\"heading\": \"i\"}]}"),
        UnicodeText.Select(t => JsonString(t)),
        Gen.Int[1, 200].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[1, 80].Select(depth => string.Concat(Enumerable.Repeat("{\"heading\": \"h\", \"blocks\": [", depth)) + string.Concat(Enumerable.Repeat("]}", depth))));

    public static readonly Gen<byte[]> Json = Gen.Int[0, Math.Max(0, SampleJson.Length - 1)].SelectMany(i => Mutate(SampleJson[i]));

    private static Gen<byte[]> Mutate(byte[] sample) => Gen.Frequency(
        (1, Gen.Const(sample)),
        (2, Gen.Int[0, sample.Length].Select(n => sample[..n])),
        (2, Gen.Select(Gen.Int[0, sample.Length - 1], Gen.Int[0, 7]).Array[1, 8].Select(flips =>
        {
            var copy = (byte[])sample.Clone();
            foreach (var (at, bit) in flips) copy[at] ^= (byte)(1 << bit);
            return copy;
        })),
        (2, Gen.Select(Gen.Int[0, sample.Length], Gen.Int[0, SampleJson.Length - 1], Gen.Int[0, 10_000]).Select((cut, other, at) =>
        {
            var b = SampleJson[other];
            return (byte[])[.. sample[..cut], .. b[Math.Min(at, b.Length)..]];
        })),
        (3, Gen.Select(Gen.Int[0, sample.Length], Snippet).Select((at, snippet) => (byte[])[.. sample[..at], .. Encoding.UTF8.GetBytes(snippet), .. sample[at..]])),
        (3, Gen.Select(Gen.Int[0, 400], Snippet).Select((k, snippet) => ReplaceNth(sample, Number(), k, snippet))),
        (3, Gen.Select(Gen.Int[0, 400], UnicodeText).Select((k, text) => ReplaceNth(sample, StringLiteral(), k, JsonString(text)))));

    /// <summary>Report text as pasted from a web page, cut, spliced, shuffled and sprinkled with odd characters.</summary>
    public static readonly Gen<string> ImportText = Gen.Int[0, Math.Max(0, SeedTexts.Length - 1)].SelectMany(i =>
    {
        string seed = SeedTexts.Length == 0 ? "" : SeedTexts[i];
        string[] lines = seed.Split('\n');
        return Gen.Frequency(
            (1, Gen.Const(seed)),
            (2, Gen.Int[0, seed.Length].Select(n => seed[..n])),
            (2, Gen.Select(Gen.Int[0, lines.Length], Gen.Int[0, SeedTexts.Length - 1], Gen.Int[0, 2000]).Select((cut, other, at) =>
            {
                var b = SeedTexts[other].Split('\n');
                return string.Join('\n', lines[..cut].Concat(b[Math.Min(at, b.Length)..]));
            })),
            (2, Gen.Int[0, lines.Length - 1].Array[0, 30].Select(picks => string.Join('\n', picks.Select(p => lines[p])))),
            (3, Gen.Select(Gen.Int[0, lines.Length], UnicodeText).Array[1, 10].Select(inserts =>
            {
                var copy = lines.ToList();
                foreach (var (at, text) in inserts) copy.Insert(Math.Min(at, copy.Count), text);
                return string.Join('\n', copy);
            })),
            (2, Gen.Select(Gen.Int[0, lines.Length], Gen.OneOf("99999999999999999999", "-5", "1.5", "/", "\t\t\t", "|||", "一、", "（一）", "表三", "合计"))
                .Array[1, 20].Select(inserts =>
                {
                    var copy = lines.ToList();
                    foreach (var (at, text) in inserts) copy.Insert(Math.Min(at, copy.Count), text);
                    return string.Join('\n', copy);
                })));
    });

    private static byte[] ReplaceNth(byte[] sample, Regex pattern, int k, string replacement)
    {
        string text = Encoding.UTF8.GetString(sample);
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return sample;
        var m = matches[k % matches.Count];
        return Encoding.UTF8.GetBytes(text[..m.Index] + replacement + text[(m.Index + m.Length)..]);
    }

    /// <summary>A JSON string literal for <paramref name="text"/>, every non-ASCII character escaped.</summary>
    public static string JsonString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
            sb.Append(c is >= ' ' and < (char)0x7F and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}");
        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();
}
