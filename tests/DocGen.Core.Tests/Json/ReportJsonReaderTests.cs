using System.Text;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Json;

public class ReportJsonReaderTests
{
    private static ReadResult Read(string json) => ReportJsonReader.Read(Encoding.UTF8.GetBytes(json));

    private const string Minimal = """{"edition": "2021", "agency": "某县人民政府", "year": 2023}""";

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    [InlineData("legacy")]
    public void Written_report_reads_back_equal(string edition)
    {
        var report = ReportFactory.Consistent(edition);
        var bytes = ReportJsonWriter.Write(report);
        var back = ReportJsonReader.Read(bytes);
        Assert.Empty(back.Errors);
        Assert.Equal(bytes, ReportJsonWriter.Write(back.Report!));
        Assert.Equal(report.Agency, back.Report!.Agency);
        Assert.Equal(report.Sections.Count, back.Report.Sections.Count);
    }

    [Fact]
    public void Minimal_report_reads()
    {
        var r = Read(Minimal);
        Assert.True(r.Ok);
        Assert.Equal("某县人民政府2023年政府信息公开工作年度报告", r.Report!.EffectiveTitle);
    }

    [Fact]
    public void Cell_kinds_are_remembered_and_decimals_kept()
    {
        var r = Read("""
            {"edition": "2019", "agency": "甲", "year": 2020, "tables": {"proactive": {
              "licensing": [270, 77, "/"], "fees": [13, -1], "procurement": [34, {"value": 3755.50, "unit": "万元"}],
              "regulations": [null, 0, 0]}}}
            """);
        Assert.Empty(r.Errors);
        var t = r.Report!.Tables["proactive"];
        Assert.Equal(CellKind.Integer, t.Get("licensing", 0)!.Value.Kind);
        Assert.Equal(CellKind.Change, t.Get("licensing", 1)!.Value.Kind);
        Assert.Equal(CellKind.NotApplicable, t.Get("licensing", 2)!.Value.Kind);
        Assert.Equal("/", t.Get("licensing", 2)!.Value.Display);
        Assert.Equal("-1", t.Get("fees", 1)!.Value.Display);
        Assert.Equal("3755.50万元", t.Get("procurement", 1)!.Value.Display);
        Assert.Equal(CellKind.Blank, t.Get("regulations", 0)!.Value.Kind);
    }

    [Theory]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "colour": 1}""", "UNKNOWN_FIELD", "/colour")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": "2023"}""", "WRONG_TYPE", "/year")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023.5}""", "WRONG_TYPE", "/year")]
    [InlineData("""{"edition": "2022", "agency": "甲", "year": 2023}""", "UNKNOWN_EDITION", "/edition")]
    [InlineData("""{"agency": "甲", "year": 2023}""", "MISSING_FIELD", "/edition")]
    [InlineData("""{"edition": "2021", "year": 2023}""", "MISSING_FIELD", "/agency")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"requests": {"granted": [1, 2, "三", 0, 0, 0, 3]}}}""", "INVALID_CELL", "/tables/requests/granted/2")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"requests": {"granted": [1, 2]}}}""", "WRONG_CELL_COUNT", "/tables/requests/granted")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"requests": {"subtotal": [1]}}}""", "UNKNOWN_ROW", "/tables/requests/subtotal")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"appendix": {}}}""", "UNKNOWN_TABLE", "/tables/appendix")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "sections": [{"key": "summary"}]}""", "UNKNOWN_SECTION", "/sections/0/key")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "sections": [{"key": "overview", "blocks": [42]}]}""", "WRONG_TYPE", "/sections/0/blocks/0")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "publicationDate": "2024/1/5"}""", "INVALID_DATE", "/publicationDate")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "contact": {"qq": "1"}}""", "UNKNOWN_FIELD", "/contact/qq")]
    [InlineData("""[1, 2]""", "WRONG_TYPE", "")]
    [InlineData("""{"edition": "2021", "agency": "甲", """, "MALFORMED_JSON", "")]
    [InlineData("""not json at all""", "MALFORMED_JSON", "")]
    public void Faults_are_reported_with_code_and_pointer(string json, string code, string pointer)
    {
        var r = Read(json);
        Assert.Null(r.Report);
        Assert.Contains(r.Errors, e => e.Code == code && e.Pointer == pointer);
        Assert.All(r.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    [Fact]
    public void Pointer_segments_are_escaped()
    {
        var r = Read("""{"edition": "2021", "agency": "甲", "year": 2023, "a/b~c": 1}""");
        Assert.Contains(r.Errors, e => e.Pointer == "/a~1b~0c");
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n\"edition\": \"2021\",\n\"agency\": \"").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\", \"year\": 2023}")).ToArray();
        var r = ReportJsonReader.Read(bytes);
        var e = Assert.Single(r.Errors);
        Assert.Equal("INVALID_UTF8", e.Code);
        Assert.Contains("第3行", e.Message);
    }

    [Fact]
    public void Byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();
        Assert.True(ReportJsonReader.Read(bytes).Ok);
    }

    [Fact]
    public void Oversized_document_is_refused_before_parsing()
    {
        var r = ReportJsonReader.Read(new byte[ReportJsonReader.MaxBytes + 1]);
        Assert.Equal("DOCUMENT_TOO_LARGE", Assert.Single(r.Errors).Code);
    }

    [Fact]
    public void All_faults_are_collected_at_once()
    {
        var r = Read("""{"edition": "2021", "agency": 7, "year": "x", "extra": true}""");
        Assert.Equal(3, r.Errors.Count);
    }
}
