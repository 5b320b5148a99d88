using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>Checks this year's report against last year's with the edition's <see cref="YearRule"/>s.</summary>
internal static class YearChecks
{
    public static void Check(Report report, Report previous, Edition edition, FindingList findings)
    {
        if (previous.Year != report.Year - 1)
            findings.Add(Finding.Warning("PREVIOUS_YEAR_MISMATCH", "/year", $"作为上年报告给出的是{previous.Year}年度报告，应为{report.Year - 1}年度"));
        if (!string.Equals(previous.Agency, report.Agency, StringComparison.Ordinal))
            findings.Add(Finding.Warning("PREVIOUS_AGENCY_MISMATCH", "/agency", $"上年报告的机关为“{previous.Agency}”，本年为“{report.Agency}”"));
        foreach (var rule in edition.YearRules)
        {
            var table = edition.Table(rule.TableId)!;
            var current = report.Tables.GetValueOrDefault(rule.TableId);
            var last = previous.Tables.GetValueOrDefault(rule.TableId);
            if (current is null || last is null) continue;
            foreach (var lane in rule.Lanes)
            {
                if (RuleChecks.Blank(current, lane.Left.Concat(lane.Right).Where(t => !t.PreviousYear).Select(t => t.Cell)) is { } blank)
                {
                    findings.Add(RuleChecks.Skipped(table, blank, lane.Label, rule.LeftName, rule.RightName));
                    continue;
                }
                if (RuleChecks.Blank(last, lane.Left.Concat(lane.Right).Where(t => t.PreviousYear).Select(t => t.Cell)) is { } lastBlank)
                {
                    findings.Add(RuleChecks.Skipped(table, lastBlank, lane.Label, rule.LeftName, rule.RightName) with
                    {
                        Message = $"{table.Name} {lane.Label}：上年报告“{table.Row(lastBlank.RowKey)!.Label}”行“{table.Row(lastBlank.RowKey)!.Columns[lastBlank.Column].Label}”列为空白，{rule.LeftName}与{rule.RightName}的关系未核对",
                    });
                    continue;
                }
                var left = Sum(lane.Left, current, last);
                var right = Sum(lane.Right, current, last);
                if (left is null || right is null || left == right) continue;
                string l = RuleChecks.Format(left.Value), r = RuleChecks.Format(right.Value);
                findings.Add(RuleChecks.Mismatch(table, lane.Left[0].Cell, rule.Code, Severity.Warning, l, r,
                    $"{table.Name} {lane.Label}：{rule.LeftName}为{l}，{rule.RightName}为{r}，两者应相等"));
            }
        }
    }

    private static decimal? Sum(IReadOnlyList<Term> terms, TableData current, TableData previous)
    {
        decimal total = 0;
        foreach (var t in terms)
        {
            if ((t.PreviousYear ? previous : current).Get(t.Cell.RowKey, t.Cell.Column) is not { } v) return null;
            total += t.Sign * v.Arithmetic;
        }
        return total;
    }
}
