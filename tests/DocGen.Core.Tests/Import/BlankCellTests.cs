using DocGen.Core.Editions;
using DocGen.Core.Import;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using static DocGen.Core.Tests.Import.ImportAssert;

namespace DocGen.Core.Tests.Import;

/// <summary>Cells left empty the way published text leaves them: each is blank (null), never 0, and the validator skips its rules.</summary>
public class BlankCellTests
{
    private static string WithLine(string seed, int line, Func<string, string> edit) => Seeds.WithLine(seed, line, edit);

    private static string[] Row(ImportResult r, string table, string row) => r.Report!.Tables[table].Rows[row].Select(c => c.Kind == CellKind.Blank ? "null" : c.Display).ToArray();

    [Fact]
    public void A_lone_separator_is_a_blank_cell_wherever_it_stands()
    {
        Assert.Equal("规章 | 0 | 0 | 0 |", Seeds.Lines(Seeds.Wanbailin)[17]);
        var first = ReportImporter.Import(WithLine(Seeds.Wanbailin, 18, _ => "规章 |  | 0 | 0 |"));
        Assert.Equal(["null", "0", "0"], Row(first, TableIds.Proactive, "regulations"));
        HasIssue(first, 18, "BLANK_CELL", false);
        var middle = ReportImporter.Import(WithLine(Seeds.Wanbailin, 18, _ => "规章 | 0 |  | 0 |"));
        Assert.Equal(["0", "null", "0"], Row(middle, TableIds.Proactive, "regulations"));
    }

    [Fact]
    public void A_row_left_entirely_empty_is_a_row_of_blanks()
    {
        var result = ReportImporter.Import(WithLine(Seeds.Wanbailin, 18, _ => "规章 |  |  |  |"));
        Assert.Equal(["null", "null", "null"], Row(result, TableIds.Proactive, "regulations"));
        HasIssue(result, 18, "BLANK_ROW", false);
        Assert.False(result.HasErrors, Issues(result));
    }

    [Fact]
    public void A_row_cut_short_by_the_end_of_the_text_is_reported_as_truncated()
    {
        var lines = Seeds.Lines(Seeds.Wanbailin);
        int data = Array.FindIndex(lines, l => l.StartsWith("10 | 0 | 1 | 1 | 12"));
        string fragment = string.Join("\n", lines[..data]) + "\n10 | 0 | 1 | 1 | 12 | 1 | 0 |";
        var result = ReportImporter.Import(fragment);
        Assert.Contains(result.Issues, i => i.Code == "TRUNCATED_ROW" && i.IsError && i.Line == data + 1);
        Assert.Contains(result.Issues, i => i.Code == "MISSING_SECTION" && i.Message.Contains("五、存在的主要问题及改进情况"));
        // What came before the cut is all there.
        Assert.Equal(25, result.Report!.Tables[TableIds.Requests].Rows.Count);
    }

    [Fact]
    public void The_validator_skips_the_rules_of_a_blank_instead_of_reporting_a_mismatch()
    {
        // 一、本年新收 自然人 (96) left empty: read as 0 it would break the row total and the balance.
        var lines = Seeds.Lines(Seeds.Wanbailin);
        int line = Array.FindIndex(lines, l => l.StartsWith("一、本年新收政府信息公开申请数量")) + 1;
        var result = ReportImporter.Import(WithLine(Seeds.Wanbailin, line, l => l.Replace("| 96 |", "|  |")));
        Assert.Equal(["null", "4", "0", "0", "0", "0", "100"], Row(result, TableIds.Requests, "newRequests"));
        var findings = ReportValidator.Validate(result.Report!, new ValidationOptions { Today = new DateOnly(2026, 11, 23) });
        Assert.DoesNotContain(findings, f => f.Code.EndsWith("_MISMATCH"));
        Assert.Equal(2, findings.Count(f => f.Code == "RULE_SKIPPED_BLANK" && f.Pointer == "/tables/requests/newRequests/0"));
    }
}
