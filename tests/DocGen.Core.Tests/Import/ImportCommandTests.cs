using System.IO.Compression;
using System.Text;
using DocGen.Core.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Word;

namespace DocGen.Core.Tests.Import;

/// <summary>`docgen import` on each format, and on bad files: a code and a Chinese message, exit 2, never a stack trace.</summary>
public class ImportCommandTests
{
    private static void NoStackTrace(CliResult r)
    {
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
    }

    [Fact]
    public void A_docx_imports_to_report_json()
    {
        using var dir = new TempDir();
        var sample = RoundTripAssert.Sample("2024-taiyuan-wanbailin-district.json");
        string docx = Path.Combine(dir.Path, "report.docx"), json = Path.Combine(dir.Path, "out.json");
        File.WriteAllBytes(docx, WordRenderer.Render(sample));
        var r = CliRunner.Run("import", docx, "-o", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var back = ReportJsonReader.Read(File.ReadAllBytes(json)).Report!;
        RoundTripAssert.Tables(sample, back);
        RoundTripAssert.RenderedNarrative(sample, back);
    }

    [Fact]
    public void An_html_page_imports_and_a_fragment_exits_1()
    {
        using var dir = new TempDir();
        string html = Path.Combine(dir.Path, "page.html");
        File.WriteAllText(html, PortalPage.Write(RoundTripAssert.Sample("2021-changzhi-city.json")));
        var ok = CliRunner.Run("import", html);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("\"edition\": \"2021\"", ok.Stdout);
        Assert.Contains("SCRIPTS_IGNORED", ok.Stderr);

        var lines = Seeds.Lines(Seeds.Wanbailin);
        string fragment = Path.Combine(dir.Path, "fragment.txt");
        File.WriteAllText(fragment, string.Join("\n", lines[..Array.FindIndex(lines, l => l.StartsWith("二、主动公开"))]));
        var partial = CliRunner.Run("import", fragment);
        Assert.Equal(1, partial.ExitCode);
        Assert.Contains("MISSING_TABLE", partial.Stderr);
        Assert.Contains("\"edition\": \"2021\"", partial.Stdout);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "corrupt.docx", "CORRUPT_PACKAGE" },
        { "bomb.docx", "ZIP_BOMB" },
        { "locked.docx", "PACKAGE_ENCRYPTED" },
        { "zip-password.docx", "PACKAGE_ENCRYPTED" },
        { "legacy.doc", "LEGACY_BINARY_FORMAT" },
        { "not-a-package.docx", "CORRUPT_DOCX" },
        { "app.html", "HTML_SCRIPT_ONLY" },
        { "gbk.txt", "INVALID_UTF8" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_get_a_code_and_exit_2(string name, string code)
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, name);
        Make(path, dir.Path);
        byte[] before = File.ReadAllBytes(path);
        string output = Path.Combine(dir.Path, "out.json");
        var r = CliRunner.Run("import", path, "-o", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"错误 {code}：", r.Stderr);
        Assert.Contains(name, r.Stderr);
        NoStackTrace(r);
        Assert.False(File.Exists(output));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static void Make(string path, string dir)
    {
        var docx = WordRenderer.Render(RoundTripAssert.Sample("2024-taiyuan-wanbailin-district.json"));
        switch (Path.GetFileName(path))
        {
            case "corrupt.docx":
                File.WriteAllBytes(path, docx[..(docx.Length * 2 / 3)]);
                break;
            case "bomb.docx":
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                {
                    using (var s = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open())
                        for (int i = 0; i < 64; i++) s.Write(new byte[1 << 20]);
                }
                break;
            case "locked.docx":
                // What Word writes for "Encrypt with password": an OLE compound file holding EncryptionInfo and EncryptedPackage.
                File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504],
                    .. Encoding.Unicode.GetBytes("EncryptionInfo"), .. new byte[64], .. Encoding.Unicode.GetBytes("EncryptedPackage")]);
                break;
            case "zip-password.docx":
            {
                string parts = Path.Combine(dir, "parts");
                ZipFile.ExtractToDirectory(new MemoryStream(docx), parts);
                var (code, log) = ExternalTool.Run("bash", "-c", $"cd '{parts}' && zip -q -r -P secret '{path}' .");
                Assert.True(code == 0, log);
                break;
            }
            case "legacy.doc":
                File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]]);
                break;
            case "not-a-package.docx":
            {
                // A valid zip, but no Word document inside.
                using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
                using var s = zip.CreateEntry("word/document.xml").Open();
                s.Write("<not-word/>"u8);
                break;
            }
            case "app.html":
                File.WriteAllText(path, "<!DOCTYPE html><html><body><div id=\"app\"></div><script src=\"/static/app.js\"></script><script>render()</script></body></html>");
                break;
            case "gbk.txt":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                File.WriteAllBytes(path, Encoding.GetEncoding("GBK").GetBytes(Seeds.Text(Seeds.Wanbailin)));
                break;
        }
    }
}
