using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using DocGen.Core.Rendering;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen bench`: how long one warm process takes to make the .docx and the PDF of each report, and, in
/// the same run, how long LibreOffice takes to convert the same .docx to PDF. Prints a Markdown table.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "报告JSON文件（默认templates/samples/*.json）", Arity = ArgumentArity.ZeroOrMore };
        var iterations = new Option<int>("--iterations", "-n") { Description = "每个报告计时的次数", DefaultValueFactory = _ => 30 };
        var office = new Option<int>("--libreoffice") { Description = "LibreOffice转换每个.docx的次数（0为不比较）", DefaultValueFactory = _ => 3 };
        var output = new Option<string?>("--out", "-o") { Description = "把结果表格另存为文件" };
        var hashes = new Option<bool>("--hashes") { Description = "不计时：列出每个报告.docx与PDF的SHA-256（sha256sum格式），用于确认优化不改变输出" };
        var command = new Command("bench", "性能基准：生成.docx+PDF的时间，与LibreOffice转换时间对比") { files, iterations, office, output, hashes };
        command.SetAction(parse => parse.GetValue(hashes)
            ? RunHashes(parse.GetValue(files)!, parse.GetValue(output))
            : Run(parse.GetValue(files)!, parse.GetValue(iterations), parse.GetValue(office), parse.GetValue(output)));
        return command;
    }

    private static int RunHashes(string[] files, string? output)
    {
        if (files.Length == 0) files = Directory.GetFiles(Path.Combine("templates", "samples"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var reports = new List<(string, Core.Model.Report)>();
        foreach (var file in files)
        {
            var report = InputFile.ReadReport(file, out var errors);
            if (report is null)
            {
                foreach (var e in errors) CliOutput.Finding(file, e);
                return ExitCodes.Unreadable;
            }
            reports.Add((Path.GetFileNameWithoutExtension(file), report));
        }
        return Bench.SampleHashes.Run(reports, output);
    }

    private static int Run(string[] files, int iterations, int officeRuns, string? output)
    {
        if (files.Length == 0) files = Directory.GetFiles(Path.Combine("templates", "samples"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var reports = new List<(string Name, Core.Model.Report Report)>();
        foreach (var file in files)
        {
            var report = InputFile.ReadReport(file, out var errors);
            if (report is null)
            {
                foreach (var e in errors) CliOutput.Finding(file, e);
                return ExitCodes.Unreadable;
            }
            reports.Add((Path.GetFileNameWithoutExtension(file), report));
        }

        using var renderer = new DocumentRenderer(new RenderSettings { LongRunning = true });
        var cold = Stopwatch.StartNew();
        foreach (var (_, report) in reports) renderer.Render(report, OutputFormats.Both);
        cold.Stop();

        using var scratch = new ScratchFolder();
        var lines = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}",
            $"First pass over {reports.Count} reports (fonts loaded and preprocessed, code jitted): {cold.Elapsed.TotalMilliseconds:0} ms",
            "",
            "| report | pages | .docx KB | PDF KB | DocGen .docx+PDF median ms | min ms | allocated MB | LibreOffice .docx→PDF median ms | ratio |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var (name, report) in reports)
        {
            var times = new List<double>();
            RenderedDocuments docs = null!;
            long allocated = 0;
            for (int i = 0; i < iterations; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                docs = renderer.Render(report, OutputFormats.Both);
                sw.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            double median = Median(times);
            string officeCell = "–", ratioCell = "–";
            if (officeRuns > 0)
            {
                string docx = scratch.Write(name + ".docx", docs.Docx!);
                var office = LibreOffice.TimeConversions(docx, scratch.Path, officeRuns);
                if (office is { } ms)
                {
                    officeCell = ms.ToString("0", CultureInfo.InvariantCulture);
                    ratioCell = $"{ms / median:0}×";
                }
                else officeCell = "（未安装）";
            }
            lines.Add($"| {name} | {docs.PdfResult!.PageCount} | {docs.Docx!.Length / 1024.0:0.0} | {docs.Pdf!.Length / 1024.0:0.0} | {median:0.0} | {times.Min():0.0} | {allocated / 1048576.0:0.0} | {officeCell} | {ratioCell} |");
            Console.Error.WriteLine($"{name}: {median:0.0} ms");
        }
        string table = string.Join('\n', lines) + "\n";
        Console.Write(table);
        if (output is not null) OutputFile.WriteText(output, table);
        return ExitCodes.Ok;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("docgen-bench-").FullName;

        public string Write(string name, byte[] bytes)
        {
            string path = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { }
        }
    }
}

/// <summary>Times LibreOffice's headless .docx → PDF conversion, one process per conversion as users run it.</summary>
internal static class LibreOffice
{
    /// <summary>Median milliseconds of <paramref name="runs"/> conversions after one untimed warm-up; null if soffice is missing.</summary>
    public static double? TimeConversions(string docx, string folder, int runs)
    {
        string profile = "file://" + Path.Combine(folder, "lo-profile");
        var times = new List<double>();
        for (int i = 0; i <= runs; i++)
        {
            var psi = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", Path.Combine(folder, "lo-out"), docx })
                psi.ArgumentList.Add(a);
            var sw = Stopwatch.StartNew();
            try
            {
                using var p = Process.Start(psi)!;
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) return null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            sw.Stop();
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds); // the first run creates the profile
        }
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
