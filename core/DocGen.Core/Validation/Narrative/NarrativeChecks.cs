using System.Collections.Concurrent;
using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// Checks the figures the narrative states against the tables, and the shares it states against the
/// tables' figures. Every finding is a warning that names both places: the paragraph (pointer, "第一部分第3段",
/// the words quoted) and the cells (table, row, column, value). A figure no table holds is not a finding.
/// </summary>
internal static class NarrativeChecks
{
    private static readonly ConcurrentDictionary<(Edition, FigureSum), FigureReading?> Resolved = new();

    public static void Check(Report report, Edition edition, List<Finding> findings)
    {
        PeriodChecks.Check(report, findings);
        if (edition.Tables.Count == 0 || report.Tables.Count == 0) return;
        foreach (var (pointer, where, text) in NarrativeText.Paragraphs(report))
        {
            if (!PhraseMatcher.MayHold(text)) continue;
            var paragraph = new NarrativeParagraph(pointer, where, text);
            foreach (var s in PhraseMatcher.Find(paragraph, report.Year))
                CheckStatement(report, edition, paragraph, s, findings);
        }
    }

    private static void CheckStatement(Report report, Edition edition, NarrativeParagraph paragraph, Statement s, List<Finding> findings)
    {
        var readings = s.Readings
            .Select(r => Resolved.GetOrAdd((edition, r), k => FigureReading.Resolve(k.Item1, k.Item2)))
            .OfType<FigureReading>()
            .Select(r => (Reading: r, Value: r.Value(report)))
            .Where(x => x.Value is not null)
            .Select(x => (x.Reading, Value: x.Value!.Value))
            .ToArray();
        if (readings.Length == 0) return;
        string quote = paragraph.Quote(s.QuoteStart, s.Share?.End ?? s.End);
        string said = $"{paragraph.Where}称“{quote}”";
        Finding At(string code, FigureReading reading, string expected, string message) => reading.Place(Finding.Warning(code, paragraph.Pointer, message)) with
        {
            Quote = quote,
            Expected = expected,
            Actual = s.Value is { } v ? Format(v) : null,
        };

        switch (s.Phrase.Claim)
        {
            case NarrativeClaim.Count or NarrativeClaim.Money:
            {
                var stated = s.Value!.Value;
                if (s.Phrase.Claim == NarrativeClaim.Count && stated != decimal.Truncate(stated)) return;
                bool agrees = readings.Any(x => (s.Phrase.Claim == NarrativeClaim.Money ? Math.Round(x.Value, s.Decimals) : x.Value) == stated);
                if (!agrees)
                {
                    var (first, value) = readings[0];
                    string others = string.Concat(readings.Skip(1).Select(x => $"，{x.Reading.Description}为{Format(x.Value)}"));
                    findings.Add(At("NARRATIVE_TABLE_MISMATCH", first, Format(value), $"{said}，{first.Description}为{Format(value)}{others}"));
                }
                if (s.Share is { } share) CheckShare(report, edition, s, share, readings, said, At, findings);
                break;
            }
            case NarrativeClaim.None:
            {
                var (first, value) = readings[0];
                if (value != 0)
                    findings.Add(At("NARRATIVE_TABLE_MISMATCH", first, Format(value), $"{said}，{first.Description}为{Format(value)}"));
                break;
            }
            case NarrativeClaim.AllUpheld:
                CheckAllUpheld(report, readings[0].Reading, said, At, findings);
                break;
        }
    }

    private static void CheckShare(Report report, Edition edition, Statement s, StatedShare share,
        (FigureReading Reading, decimal Value)[] readings, string said,
        Func<string, FigureReading, string, string, Finding> at, List<Finding> findings)
    {
        var totals = s.Phrase.ShareOf
            .Select(r => Resolved.GetOrAdd((edition, r), k => FigureReading.Resolve(k.Item1, k.Item2)))
            .OfType<FigureReading>()
            .Select(r => (Reading: r, Value: r.Value(report) ?? 0))
            .Where(x => x.Value > 0)
            .ToArray();
        if (totals.Length == 0) return;
        // A share written with d decimals may be rounded or cut: the true share lies within half a unit below and one unit above.
        decimal unit = 1m / (decimal)Math.Pow(10, share.Decimals);
        bool Fits(decimal part, decimal total)
        {
            decimal percent = part / total * 100;
            return percent >= share.Percent - unit / 2 - 0.0001m && percent <= share.Percent + unit + 0.0001m;
        }
        if (readings.Any(r => totals.Any(t => Fits(r.Value, t.Value)))) return;
        var (part, partValue) = readings[0];
        var (whole, wholeValue) = totals[0];
        decimal computed = Math.Round(partValue / wholeValue * 100, Math.Max(1, share.Decimals), MidpointRounding.AwayFromZero);
        findings.Add(at("NARRATIVE_SHARE_MISMATCH", part, Format(computed) + "%",
            $"{said}，按表格计算，{part.Description}为{Format(partValue)}，占{whole.Description}{Format(wholeValue)}的{Format(computed)}%") with
            { Actual = Format(share.Percent) + "%" });
    }

    /// <summary>"均获维持": none of the cases counted is pending, corrected or otherwise decided (column keys of 表四).</summary>
    private static void CheckAllUpheld(Report report, FigureReading cases, string said,
        Func<string, FigureReading, string, string, Finding> at, List<Finding> findings)
    {
        if (cases.Value(report) is not > 0) return;
        (FigureReading Reading, decimal Value)? Column(string key) =>
            cases.WithColumn(key) is { } r && r.Value(report) is { } v ? (r, v) : null;
        if (Column("pending") is { Value: > 0 } pending)
        {
            findings.Add(at("NARRATIVE_UPHELD_BUT_PENDING", pending.Reading, Format(pending.Value), $"{said}，{pending.Reading.Description}为{Format(pending.Value)}"));
            return;
        }
        var decided = new[] { Column("corrected"), Column("other") }.OfType<(FigureReading Reading, decimal Value)>().Where(x => x.Value > 0).ToArray();
        if (decided.Length == 0) return;
        findings.Add(at("NARRATIVE_UPHELD_MISMATCH", decided[0].Reading, Format(decided[0].Value),
            said + string.Concat(decided.Select(x => $"，{x.Reading.Description}为{Format(x.Value)}"))));
    }

    internal static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
