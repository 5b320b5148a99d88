using DocGen.Core.Editions;

namespace DocGen.Core.Excel;

/// <summary>One visible check: a lane of one of the table's <see cref="Rule"/>s, with the sheet cells of each side.</summary>
internal sealed record CheckLine(Rule Rule, Lane Lane, string Description,
    IReadOnlyList<(int Row, int Col)> Left, IReadOnlyList<(int Row, int Col)> Right)
{
    public string LeftSum => WorkbookChecks.Sum(Left);
    public string RightSum => WorkbookChecks.Sum(Right);
}

/// <summary>
/// Turns the arithmetic rules of a table into spreadsheet formulas, so the workbook checks itself as the
/// validator does: "/" counts as 0 (SUM skips text), and a lane with a blank cell is not compared but says so,
/// because blank is not zero.
/// </summary>
internal static class WorkbookChecks
{
    public const string Match = "相符";
    public const string Mismatch = "不符";
    public const string HasBlank = "有空白，未核对";
    public static readonly string[] Headers = ["核对项", "左边之和", "右边之和", "结果"];

    public static IReadOnlyList<CheckLine> Lines(TableSheet sheet)
    {
        var cells = sheet.DataCells();
        return sheet.Table.Rules.SelectMany(rule => rule.Lanes.Select(lane => new CheckLine(rule, lane,
            $"{lane.Label}：{rule.LeftName}{(rule.Comparison == Comparison.AtLeast ? "应不小于" : "应等于")}{rule.RightName}",
            lane.Left.Select(c => cells[c]).ToArray(), lane.Right.Select(c => cells[c]).ToArray()))).ToArray();
    }

    public static string Sum(IEnumerable<(int Row, int Col)> cells) => $"SUM({string.Join(",", CellAddress.Ranges(cells))})";

    /// <summary>
    /// The result cell: a lane with a blank cell → <see cref="HasBlank"/>; otherwise the two sums (written in
    /// <paramref name="leftCell"/> and <paramref name="rightCell"/>) compared to the cent, so money never fails on floating point.
    /// </summary>
    public static string Result(CheckLine line, string leftCell, string rightCell)
    {
        var all = line.Left.Concat(line.Right).Distinct().ToArray();
        string test = line.Rule.Comparison == Comparison.AtLeast
            ? $"ROUND({leftCell}-{rightCell},2)>=0"
            : $"ROUND({leftCell}-{rightCell},2)=0";
        return $"IF(COUNTA({string.Join(",", CellAddress.Ranges(all))})<{all.Length},\"{HasBlank}\",IF({test},\"{Match}\",\"{Mismatch}\"))";
    }
}
