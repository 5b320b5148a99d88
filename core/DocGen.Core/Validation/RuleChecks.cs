using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>Evaluates an arithmetic rule lane by lane and phrases each failing lane in Chinese.</summary>
internal static class RuleChecks
{
    public static void Check(TableDef table, TableData data, Rule rule, FindingList findings)
    {
        foreach (var lane in rule.Lanes)
        {
            if (Blank(data, lane.Left.Concat(lane.Right)) is { } blank)
            {
                findings.Add(Skipped(table, blank, lane.Label, rule.LeftName, rule.RightName));
                continue;
            }
            var left = Sum(data, lane.Left);
            var right = Sum(data, lane.Right);
            if (left is null || right is null) continue; // a missing row is reported on its own
            bool holds = rule.Comparison == Comparison.Equal ? left == right : left >= right;
            if (holds) continue;
            string l = Format(left.Value), r = Format(right.Value);
            findings.Add(Mismatch(table, lane.Left[0], rule.Code, rule.Severity, l, r, RuleMessages.Lane(table, rule, lane, l, r)));
        }
    }

    /// <summary>The first cell of <paramref name="cells"/> left blank: a blank is never compared as 0.</summary>
    internal static CellRef? Blank(TableData data, IEnumerable<CellRef> cells) =>
        cells.Cast<CellRef?>().FirstOrDefault(c => data.Get(c!.Value.RowKey, c.Value.Column) is { Kind: CellKind.Blank });

    /// <summary>The warning for a lane not checked because <paramref name="blank"/> is blank; it names the lane and the cell.</summary>
    internal static Finding Skipped(TableDef table, CellRef blank, string lane, string leftName, string rightName)
    {
        var row = table.Row(blank.RowKey)!;
        return Finding.Warning(BlankSkipCode, Pointer.Cell(table.Id, blank),
                $"{table.Name} {lane}：“{row.Label}”行“{row.Columns[blank.Column].Label}”列为空白，{leftName}与{rightName}的勾稽关系未核对")
            with { Table = table.Name, Row = row.FullLabel, Column = row.Columns[blank.Column].Label };
    }

    /// <summary>The code of a rule lane skipped because a cell in it is blank.</summary>
    public const string BlankSkipCode = "RULE_SKIPPED_BLANK";

    /// <summary>A finding about sums that disagree, anchored at a cell: <paramref name="actual"/> is the anchor's side.</summary>
    internal static Finding Mismatch(TableDef table, CellRef anchor, string code, Severity severity, string actual, string expected, string message)
    {
        var row = table.Row(anchor.RowKey)!;
        return new Finding
        {
            Code = code,
            Severity = severity,
            Pointer = Pointer.Cell(table.Id, anchor),
            Table = table.Name,
            Row = row.FullLabel,
            Column = row.Columns[anchor.Column].Label,
            Expected = expected,
            Actual = actual,
            Message = message,
        };
    }

    internal static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static decimal? Sum(TableData data, IReadOnlyList<CellRef> cells)
    {
        decimal total = 0;
        foreach (var cell in cells)
        {
            if (data.Get(cell.RowKey, cell.Column) is not { } value) return null;
            total += value.Arithmetic;
        }
        return total;
    }

}
