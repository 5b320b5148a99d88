using System.Diagnostics;
using System.Text;

namespace DocGen.Storage.Tests;

/// <summary>The archive's one check of a signed upload, over real PDFs (checked by qpdf) and real CMS signatures.</summary>
public class SignedPdfInspectorTests
{
    private static byte[] Signed(string text = "report 2025: 12 34 56") => TestPdfs.Sign(TestPdfs.Minimal(text));

    private static StorageException Refused(byte[] pdf) => Assert.Throws<StorageException>(() => SignedPdfInspector.Inspect(pdf));

    [Fact]
    public void Test_pdfs_are_well_formed_for_qpdf()
    {
        foreach (var pdf in new[] { TestPdfs.Minimal("x"), Signed(), TestPdfs.AppendUnsignedUpdate(Signed()) })
        {
            string file = Path.Combine(Path.GetTempPath(), $"docgen-signed-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(file, pdf);
            try
            {
                using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--check", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                string output = qpdf.StandardOutput.ReadToEnd() + qpdf.StandardError.ReadToEnd();
                qpdf.WaitForExit();
                Assert.True(qpdf.ExitCode == 0, output);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void Unsigned_pdf_is_accepted_and_flagged()
    {
        var check = SignedPdfInspector.Inspect(TestPdfs.Minimal("unsigned"));
        Assert.Equal(SignatureCoverage.Unsigned, check.Coverage);
        Assert.Empty(check.Signatures);
        Assert.Equal(1, check.Pages);
    }

    [Fact]
    public void Signature_is_verified_and_its_signer_time_and_coverage_recorded()
    {
        var pdf = Signed();
        var check = SignedPdfInspector.Inspect(pdf);
        Assert.Equal(SignatureCoverage.WholeFile, check.Coverage);
        var sig = Assert.Single(check.Signatures);
        Assert.Contains("测试市人民政府办公室", sig.Signer);
        Assert.Equal(TestPdfs.SigningTime, sig.SigningTime);
        Assert.True(sig.CoversWholeFile);
        Assert.Equal("Signature1", sig.Field);
        Assert.True(sig.SignedBytes < pdf.Length); // all but the /Contents hex string
    }

    [Fact]
    public void Bytes_appended_after_signing_make_it_partly_signed()
    {
        var check = SignedPdfInspector.Inspect(TestPdfs.AppendUnsignedUpdate(Signed()));
        Assert.Equal(SignatureCoverage.Partial, check.Coverage);
        Assert.False(Assert.Single(check.Signatures).CoversWholeFile);
    }

    [Fact]
    public void Tampered_signed_pdf_is_refused()
    {
        var pdf = Signed("report 2025: 12 34 56");
        int at = TestPdfs.IndexOf(pdf, "12 34 56");
        pdf[at] = (byte)'9'; // 92 instead of 12, inside the signed bytes; the file still parses
        SignedPdfInspector.Inspect(TestPdfs.Minimal("report 2025: 92 34 56")); // the same edit unsigned is a fine PDF
        Assert.Equal(StorageErrorCodes.SignatureInvalid, Refused(pdf).Code);
    }

    [Fact]
    public void Signature_whose_range_misses_the_contents_is_refused()
    {
        var pdf = Signed();
        int at = TestPdfs.IndexOf(pdf, "/ByteRange [0 ") + "/ByteRange [0 ".Length;
        pdf[at + 9] = (byte)(pdf[at + 9] == '0' ? '1' : '0'); // the first range now ends one byte off the '<'
        Assert.Equal(StorageErrorCodes.SignatureInvalid, Refused(pdf).Code);
    }

    [Theory]
    [InlineData("<html>not a pdf</html>")]
    [InlineData("")]
    [InlineData("#!/bin/sh\nrm -rf /\n")]
    public void Non_pdf_is_refused(string body) => Assert.Equal(StorageErrorCodes.NotPdf, Refused(Encoding.UTF8.GetBytes(body)).Code);

    [Theory]
    [InlineData("%PDF-1.7\n#!/bin/sh\necho archived forever\n%%EOF\n")]     // the script once archived as version 2
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")] // no xref, no pages
    public void Pdf_frame_around_anything_is_refused(string body) =>
        Assert.Equal(StorageErrorCodes.PdfInvalid, Refused(Encoding.ASCII.GetBytes(body)).Code);

    [Fact]
    public void Truncated_pdf_is_refused()
    {
        var pdf = Signed();
        Assert.NotEqual(StorageErrorCodes.NotPdf, Refused([.. pdf[..(pdf.Length / 2)], .. "\n%%EOF\n"u8]).Code);
    }

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "JavaScript")]
    [InlineData("/OpenAction << /S /Launch /F (cmd.exe) >>", "Launch")]
    [InlineData("/Names << /EmbeddedFiles << /Names [] >> >>", "EmbeddedFiles")]
    [InlineData("/AA << /WC << /S /GoTo /D [3 0 R /Fit] >> >>", "AA")]
    [InlineData("/OpenAction << /S /J#61vaScript /JS (x) >>", "JavaScript")] // a hex-escaped name is the same name
    public void Active_content_is_refused(string catalog, string what)
    {
        var e = Refused(TestPdfs.Minimal("active", catalog + " "));
        Assert.Equal(StorageErrorCodes.PdfActiveContent, e.Code);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void Text_is_compared_with_the_generated_report_by_its_figures()
    {
        var generated = TestPdfs.Minimal("table 3: 96 4 0 100");
        Assert.True(SignedPdfInspector.Inspect(TestPdfs.Sign(TestPdfs.Minimal("table 3: 96 4 0 100")), generated).TextMatchesReport);
        Assert.False(SignedPdfInspector.Inspect(TestPdfs.Sign(TestPdfs.Minimal("table 3: 96 4 0 101")), generated).TextMatchesReport);
        Assert.Null(SignedPdfInspector.Inspect(TestPdfs.Minimal("x")).TextMatchesReport);
    }
}
