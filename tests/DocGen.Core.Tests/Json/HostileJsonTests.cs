using System.Text;
using DocGen.Core.Json;

namespace DocGen.Core.Tests.Json;

/// <summary>Inputs from the hostile-input review (issue 15): each gets a fault with a code and a pointer, never an exception.</summary>
public class HostileJsonTests
{
    private static ReadResult Read(string json) => ReportJsonReader.Read(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"edition": "2021", "agency": "甲\ud800", "year": 2023}""", "/agency")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "preface": ["好", "\udc00尾"]}""", "/preface/1")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "contact": {"office": "\ud83d"}}""", "/contact/office")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "sections": [{"key": "other", "blocks": [{"lead": "\ud800\ud800", "text": ""}]}]}""", "/sections/0/blocks/0/lead")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"proactive": {"fees": ["\udfff"]}}}""", "/tables/proactive/fees/0")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "x\ud800": 1}""", "")]
    public void Escaped_lone_surrogate_is_a_fault_with_its_pointer(string json, string pointer)
    {
        var r = Read(json);
        Assert.False(r.Ok);
        var f = Assert.Single(r.Errors);
        Assert.Equal("INVALID_STRING", f.Code);
        Assert.Equal(pointer, f.Pointer);
    }

    [Fact]
    public void Escaped_surrogate_pair_is_a_character()
    {
        var r = Read("""{"edition": "2021", "agency": "甲\ud840\udc00局", "year": 2023}""");
        Assert.True(r.Ok);
        Assert.Equal("甲\U00020000局", r.Report!.Agency);
    }

    [Theory]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "agency": "乙"}""", "/agency")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "contact": {"phone": "1", "phone": "2"}}""", "/contact/phone")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"proactive": {"fees": [1], "fees": [2]}}}""", "/tables/proactive/fees")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "sections": [{"key": "other", "blocks": [], "key": "problems"}]}""", "/sections/0/key")]
    public void Duplicate_key_is_a_fault_at_the_second(string json, string pointer)
    {
        var r = Read(json);
        Assert.False(r.Ok);
        var f = Assert.Single(r.Errors);
        Assert.Equal("DUPLICATE_KEY", f.Code);
        Assert.Equal(pointer, f.Pointer);
    }

    [Fact]
    public void Same_name_in_sibling_objects_is_not_a_duplicate()
    {
        var r = Read("""{"edition": "2021", "agency": "甲", "year": 2023, "preface": [{"lead": "a", "text": "b"}, {"lead": "c", "text": "d"}]}""");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
    }

    [Theory]
    [InlineData(100_000, 1, "/preface/5000")]   // 100k one-line paragraphs: the quadratic .docx case
    [InlineData(1, ReportLimits.MaxBlockChars + 1, "/preface/0")]
    [InlineData(20, 30_000, "/preface/16")]     // 20 long paragraphs pass the 500,000-character total at the 17th
    public void Report_above_the_limits_is_refused_before_any_work(int paragraphs, int length, string pointer)
    {
        var line = new string('字', length);
        var json = new StringBuilder("""{"edition": "2021", "agency": "甲", "year": 2023, "preface": [""");
        for (int i = 0; i < paragraphs; i++) json.Append(i == 0 ? "" : ",").Append('"').Append(line).Append('"');
        json.Append("]}");
        var r = Read(json.ToString());
        Assert.False(r.Ok);
        var f = Assert.Single(r.Errors);
        Assert.Equal(ReportLimits.TooLargeCode, f.Code);
        Assert.Equal(pointer, f.Pointer);
        Assert.True(ReportLimits.IsTooLarge(f.Code));
    }

    [Fact]
    public void Ten_thousand_subsections_are_refused()
    {
        var json = new StringBuilder("""{"edition": "2021", "agency": "甲", "year": 2023, "sections": [{"key": "other", "blocks": [""");
        for (int i = 0; i < 10_000; i++) json.Append(i == 0 ? "" : ",").Append("""{"heading": "（一）小节", "blocks": ["无。"]}""");
        json.Append("]}]}");
        var r = Read(json.ToString());
        Assert.Equal(ReportLimits.TooLargeCode, Assert.Single(r.Errors).Code);
    }

    [Fact]
    public void A_report_at_the_scale_of_a_real_one_reads()
    {
        // 300 pages: 600 paragraphs of 300 characters.
        var json = new StringBuilder("""{"edition": "2021", "agency": "甲", "year": 2023, "preface": [""");
        for (int i = 0; i < 600; i++) json.Append(i == 0 ? "" : ",").Append('"').Append(new string('文', 300)).Append('"');
        json.Append("]}");
        Assert.True(Read(json.ToString()).Ok);
    }
}
