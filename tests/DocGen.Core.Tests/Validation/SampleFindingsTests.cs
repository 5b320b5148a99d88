using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Validation;

/// <summary>
/// The samples are the seeds as published. Their arithmetic was checked by hand (and by an independent
/// script) against the seed text: only seed 000 (长治市 2021) has faults, in table 三: 自然人 333+2 ≠ 334+2
/// and 总计 355+2 ≠ 355+3. The validator must find exactly those and nothing where the figures agree.
/// </summary>
public class SampleFindingsTests
{
    private static readonly ValidationOptions Today = new() { Today = new DateOnly(2026, 11, 23) };

    public static TheoryData<string, string[]> Expected => new()
    {
        { "2021-changzhi-city.json", ["BALANCE_MISMATCH /tables/requests/newRequests/0", "BALANCE_MISMATCH /tables/requests/newRequests/6"] },
        { "2020-shitai-county-office.json", [] },
        { "2016-gaoping-city.json", [] },
        { "2020-luoyang-jili-district.json", [] },
        { "2024-taiyuan-wanbailin-district.json", [] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Validator_finds_exactly_the_published_faults(string sample, string[] errors)
    {
        var read = ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, sample)));
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        var found = ReportValidator.Validate(read.Report!, Today)
            .Where(f => f.Severity == Severity.Error).Select(f => $"{f.Code} {f.Pointer}").Order().ToArray();
        Assert.Equal(errors.Order().ToArray(), found);
    }

    [Fact]
    public void Changzhi_message_matches_the_published_figures()
    {
        var read = ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "2021-changzhi-city.json")));
        var f = ReportValidator.Validate(read.Report!, Today).First(x => x.Column == "自然人");
        Assert.Equal("表三 自然人列：一加二之和为335，三（七）加四之和为336，两者应相等", f.Message);
    }

    [Fact]
    public void Every_sample_is_covered()
    {
        Assert.Equal(Expected.Select(x => (string)x[0]).Order(), RepoPaths.SampleFiles().Select(Path.GetFileName).Order()!);
    }
}
