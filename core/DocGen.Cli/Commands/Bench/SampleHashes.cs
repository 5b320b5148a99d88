using System.Security.Cryptography;
using DocGen.Core.Model;
using DocGen.Core.Rendering;

namespace DocGen.Cli.Commands.Bench;

/// <summary>
/// `docgen bench --hashes`: the SHA-256 of every report's .docx and PDF, in `sha256sum` form, so a speed change can
/// be shown to leave the bytes as they were (save the list before it, diff after). Each report is rendered three
/// ways that must agree: by a one-shot renderer (as `docgen render`), by a long-running one (fonts preprocessed,
/// as the service) and a second time by that same renderer (warm caches). A disagreement is printed and exits 1.
/// </summary>
internal static class SampleHashes
{
    public static int Run(IReadOnlyList<(string Name, Report Report)> reports, string? output)
    {
        using var oneShot = new DocumentRenderer(new RenderSettings());
        using var service = new DocumentRenderer(new RenderSettings { LongRunning = true });
        var lines = new List<string>();
        int disagreements = 0;
        foreach (var (name, report) in reports)
        {
            var first = oneShot.Render(report, OutputFormats.Both);
            var ways = new[]
            {
                ("长驻进程（字体预处理）", service.Render(report, OutputFormats.Both)),
                ("长驻进程第二次", service.Render(report, OutputFormats.Both)),
            };
            foreach (var (ext, pick) in new (string, Func<RenderedDocuments, byte[]>)[] { ("docx", d => d.Docx!), ("pdf", d => d.Pdf!) })
            {
                string hash = Sha256(pick(first));
                lines.Add($"{hash}  {name}.{ext}");
                foreach (var (way, docs) in ways)
                {
                    string other = Sha256(pick(docs));
                    if (other == hash) continue;
                    disagreements++;
                    CliOutput.Error("NOT_DETERMINISTIC", $"{name}.{ext}：{way}生成的字节与单次命令不同（{other}）");
                }
            }
        }
        string text = string.Join('\n', lines) + "\n";
        Console.Write(text);
        if (output is not null) OutputFile.WriteText(output, text);
        return disagreements == 0 ? ExitCodes.Ok : ExitCodes.ReportErrors;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
