using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>Evaluates an arithmetic rule lane by lane and phrases each failing lane in Chinese.</summary>
internal static class RuleChecks
{
    public static void Check(TableDef table, TableData data, Rule rule, List<Finding> findings)
    {
        foreach (var lane in rule.Lanes)
        {
            var left = Sum(data, lane.Left);
            var right = Sum(data, lane.Right);
            if (left is null || right is null) continue; // a missing row is reported on its own
            bool holds = rule.Comparison == Comparison.Equal ? left == right : left >= right;
            if (holds) continue;
            string l = Format(left.Value), r = Format(right.Value);
            findings.Add(Mismatch(table, lane.Left[0], rule.Code, rule.Severity, l, r, RuleMessages.Lane(table, rule, lane, l, r)));
        }
    }

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
