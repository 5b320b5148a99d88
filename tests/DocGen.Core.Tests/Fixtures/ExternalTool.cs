using System.Diagnostics;
using System.Text;

namespace DocGen.Core.Tests.Fixtures;

/// <summary>Runs a tool nobody here wrote (qpdf, pdffonts, pdftotext, soffice…) and returns its output.</summary>
public static class ExternalTool
{
    public static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(true);
            throw new TimeoutException(tool);
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>
    /// The text pdftotext extracts from a PDF. Raw mode keeps the order of the content stream, so the lines
    /// of a wrapped table cell ("结果" / "维持") stay together instead of being read across the row.
    /// </summary>
    public static string PdfText(string pdf, bool raw = false)
    {
        var (code, output) = raw ? Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-") : Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        if (code != 0) throw new InvalidOperationException("pdftotext failed: " + output);
        return output;
    }

    /// <summary>Removes all white space, so text broken across lines by layout can be searched.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
