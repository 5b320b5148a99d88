using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;

namespace DocGen.Core.Tests.Cli;

public class ValidateCommandTests
{
    private static string Consistent(TempDir dir, string name = "ok.json") =>
        dir.Write(name, ReportJsonWriter.WriteString(ReportFactory.Consistent() with { Year = 2024, PublicationDate = new DateOnly(2025, 1, 20) }));

    [Fact]
    public void Valid_report_exits_zero()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("validate", Consistent(dir));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0个错误", r.Stdout);
    }

    [Fact]
    public void Report_with_errors_exits_one_and_json_lists_findings()
    {
        using var dir = new TempDir();
        var bad = ReportFactory.Consistent() with { Year = 2024, PublicationDate = new DateOnly(2025, 1, 20) };
        bad = bad.WithCell("proactive", "licensing", 0, CellValue.Integer(-5));
        string file = dir.Write("bad.json", ReportJsonWriter.WriteString(bad));
        var r = CliRunner.Run("validate", Consistent(dir), file, "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var f = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(file, f.GetProperty("file").GetString());
        Assert.Equal("NEGATIVE_COUNT", f.GetProperty("code").GetString());
        Assert.Equal("error", f.GetProperty("severity").GetString());
        Assert.Equal("/tables/proactive/licensing/0", f.GetProperty("pointer").GetString());
        Assert.Equal("表二", f.GetProperty("table").GetString());
        Assert.Equal("本年处理决定数量", f.GetProperty("column").GetString());
        Assert.Equal("-5", f.GetProperty("actual").GetString());
        foreach (var name in new[] { "row", "expected", "message" }) Assert.True(f.TryGetProperty(name, out _));
    }

    [Fact]
    public void Json_format_carries_the_paragraph_pointer_the_quote_and_the_cells_of_a_narrative_finding()
    {
        using var dir = new TempDir();
        var report = ReportFactory.Consistent() with { Year = 2024, PublicationDate = new DateOnly(2025, 1, 20) };
        long n = (long)report.Tables["requests"].Rows["carriedForward"][6].Number;
        var sections = report.Sections.ToArray();
        sections[0] = sections[0] with { Blocks = [new Paragraph($"结转下年度继续办理{n + 1}件。")] };
        string file = dir.Write("narrative.json", ReportJsonWriter.WriteString(report with { Sections = sections }));
        var r = CliRunner.Run("validate", file, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var f = Assert.Single(doc.RootElement.EnumerateArray(), x => x.GetProperty("code").GetString() == "NARRATIVE_TABLE_MISMATCH");
        Assert.Equal("/sections/0/blocks/0", f.GetProperty("pointer").GetString());
        Assert.Equal($"结转下年度继续办理{n + 1}件", f.GetProperty("quote").GetString());
        Assert.Equal("/tables/requests/carriedForward/6", Assert.Single(f.GetProperty("cells").EnumerateArray()).GetString());
        Assert.Equal("表三", f.GetProperty("table").GetString());
        Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), f.GetProperty("expected").GetString());
    }

    [Fact]
    public void Text_format_writes_findings_to_stderr_in_chinese_with_code()
    {
        using var dir = new TempDir();
        var bad = ReportFactory.Consistent() with { Year = 2024 };
        bad = bad.WithCell("reviews", "review", 4, CellValue.Integer(999));
        var r = CliRunner.Run("validate", dir.Write("bad.json", ReportJsonWriter.WriteString(bad)));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("GROUP_TOTAL_MISMATCH", r.Stderr);
        Assert.Contains("表四 行政复议：总计为999", r.Stderr);
    }

    public static TheoryData<string, byte[], string> UnreadableInputs() => new()
    {
        { "not-json.json", "这不是JSON"u8.ToArray(), "MALFORMED_JSON" },
        { "wrong-type.json", """{"edition": "2021", "agency": "甲", "year": "二〇二三"}"""u8.ToArray(), "WRONG_TYPE" },
        { "text-cell.json", """{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"reviews": {"review": [1, 2, "三", 0, 6]}}}"""u8.ToArray(), "INVALID_CELL" },
        { "bad-utf8.json", [.. "{\"edition\": \""u8, 0xFF, 0xFE, .. "\"}"u8], "INVALID_UTF8" },
        { "raw-control.json", [.. "{\"edition\": \"2021\", \"agency\": \"甲"u8, 0x01, .. "\", \"year\": 2023}"u8], "MALFORMED_JSON" },
    };

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public void Unreadable_inputs_exit_two_with_a_clear_message(string name, byte[] content, string code)
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File(name), content);
        var r = CliRunner.Run("validate", dir.File(name));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(code, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
    }

    [Fact]
    public void A_50_MB_file_is_refused_without_reading_it()
    {
        using var dir = new TempDir();
        string path = dir.File("huge.json");
        using (var fs = File.Create(path)) fs.SetLength(50L * 1024 * 1024);
        var r = CliRunner.Run("validate", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("FILE_TOO_LARGE", r.Stderr);
    }

    [Fact]
    public void Missing_file_and_missing_table_are_told_apart()
    {
        using var dir = new TempDir();
        var missing = CliRunner.Run("validate", dir.File("nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("FILE_NOT_FOUND", missing.Stderr);

        var noTable = ReportFactory.Consistent() with { Year = 2024 };
        noTable = noTable with { Tables = noTable.Tables.Where(t => t.Key != "requests").ToDictionary() };
        var r = CliRunner.Run("validate", dir.Write("t.json", ReportJsonWriter.WriteString(noTable)));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MISSING_TABLE", r.Stderr);
    }

    [Fact]
    public void Escaped_control_characters_are_a_warning_only()
    {
        using var dir = new TempDir();
        string json = ReportJsonWriter.WriteString(ReportFactory.Consistent() with { Year = 2024, Agency = "甲\u0001乙" });
        var r = CliRunner.Run("validate", dir.Write("c.json", json));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("CONTROL_CHARACTER", r.Stderr);
    }

    [Fact]
    public void Previous_year_report_adds_cross_year_warnings()
    {
        using var dir = new TempDir();
        string last = dir.Write("2023.json", ReportJsonWriter.WriteString(ReportFactory.Consistent("2021", 2023)));
        string now = dir.Write("2024.json", ReportJsonWriter.WriteString(ReportFactory.Consistent("2021", 2024)));
        var r = CliRunner.Run("validate", now, "--previous", last, "--format", "json");
        Assert.Equal(0, r.ExitCode); // warnings only
        Assert.Contains("CARRY_OVER_MISMATCH", r.Stdout);
        Assert.Contains("IN_FORCE_BALANCE", r.Stdout);
        Assert.Equal(2, CliRunner.Run("validate", now, "--previous", dir.File("missing.json")).ExitCode);
    }

    [Fact]
    public void Every_command_has_help()
    {
        foreach (var command in new[] { "validate", "import", "schema", "render", "serve", "bench", "template", "sum" })
        {
            var r = CliRunner.Run(command, "--help");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Usage:", r.Stdout);
        }
    }
}
