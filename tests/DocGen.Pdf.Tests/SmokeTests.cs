namespace DocGen.Pdf.Tests;

public class SmokeTests
{
    [Fact]
    public void WritesSample()
    {
        var bytes = PdfRenderer.RenderToBytes(Fixtures.SampleReport(), Fixtures.Fonts, out var result);
        File.WriteAllBytes("/tmp/docgen-sample.pdf", bytes);
        Assert.True(result.PageCount > 1);
    }
}
