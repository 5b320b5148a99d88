using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Rendering;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Rendering;

public class WarmUpReportTests
{
    [Fact]
    public void The_warm_up_report_is_valid_and_warming_up_changes_no_later_output()
    {
        Assert.DoesNotContain(ReportValidator.Validate(WarmUpReport.Create()), f => f.Severity == Severity.Error);

        var file = Fixtures.RepoPaths.SampleFiles().First(f => f.Contains("2021"));
        var report = ReportJsonReader.Read(File.ReadAllBytes(file)).Report!;
        using var cold = new DocumentRenderer();
        var expected = cold.Render(report, OutputFormats.Both);
        using var warm = new DocumentRenderer();
        warm.WarmUp();
        var actual = warm.Render(report, OutputFormats.Both);
        Assert.Equal(expected.Docx, actual.Docx);
        Assert.Equal(expected.Pdf, actual.Pdf);
        Assert.True(actual.PdfResult!.PageCount > 1);
    }
}
