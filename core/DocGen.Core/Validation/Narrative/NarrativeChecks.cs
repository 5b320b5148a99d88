using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// <summary>Readings by edition and phrase data, compared by reference: both are fixed definitions, and hashing their contents costs.</summary>
    private static readonly ConcurrentDictionary<(Edition, FigureSum), FigureReading?> Resolved = new(new SameDefinitions());

    private sealed class SameDefinitions : IEqualityComparer<(Edition, FigureSum)>
    {
        public bool Equals((Edition, FigureSum) x, (Edition, FigureSum) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);
        public int GetHashCode((Edition, FigureSum) k) => HashCode.Combine(RuntimeHelpers.GetHashCode(k.Item1), RuntimeHelpers.GetHashCode(k.Item2));
    }

    public static void Check(Report report, Edition edition, FindingList findings)
    {
        PeriodChecks.Check(report, findings);
        if (edition.Tables.Count == 0 || report.Tables.Count == 0) return;
        foreach (var source in NarrativeText.Paragraphs(report))
        {
            if (!PhraseMatcher.MayHold(source)) continue;
            var paragraph = new NarrativeParagraph(source);
            foreach (var s in PhraseMatcher.Find(paragraph, report.Year))
                CheckStatement(report, edition, paragraph, s, findings);
        }
    }

    private static void CheckStatement(Report report, Edition edition, NarrativeParagraph paragraph, Statement s, FindingList findings)
    {
        var readings = Values(report, edition, s.Readings);
        if (readings.Count == 0) return;
        var said = new Said(paragraph, s);

        switch (s.Phrase.Claim)
        {
            case NarrativeClaim.Count or NarrativeClaim.Money:
            {
                var stated = s.Value!.Value;
                if (s.Phrase.Claim == NarrativeClaim.Count && stated != decimal.Truncate(stated)) return;
                bool agrees = false;
                foreach (var x in readings)
                    agrees |= (s.Phrase.Claim == NarrativeClaim.Money ? Math.Round(x.Value, s.Decimals) : x.Value) == stated;
                if (!agrees)
                {
                    var (first, value) = readings[0];
                    string others = "";
                    for (int i = 1; i < readings.Count; i++) others += $"，{readings[i].Reading.Description}为{Format(readings[i].Value)}";
                    findings.Add(said.At("NARRATIVE_TABLE_MISMATCH", first, Format(value), $"{said.Words}，{first.Description}为{Format(value)}{others}"));
                }
                if (s.Share is { } share) CheckShare(report, edition, s, share, readings, said, findings);
                break;
            }
            case NarrativeClaim.None:
            {
                var (first, value) = readings[0];
                if (value != 0)
                    findings.Add(said.At("NARRATIVE_TABLE_MISMATCH", first, Format(value), $"{said.Words}，{first.Description}为{Format(value)}"));
                break;
            }
            case NarrativeClaim.AllUpheld:
                CheckAllUpheld(report, readings[0].Reading, said, findings);
                break;
        }
    }

    /// <summary>The table figures <paramref name="sums"/> name, where the report holds them (not blank).</summary>
    private static List<(FigureReading Reading, decimal Value)> Values(Report report, Edition edition, IReadOnlyList<FigureSum> sums)
    {
        var values = new List<(FigureReading, decimal)>(sums.Count);
        for (int i = 0; i < sums.Count; i++)
        {
            if (Resolved.GetOrAdd((edition, sums[i]), Resolve) is not { } reading) continue;
            if (reading.Value(report) is { } v) values.Add((reading, v));
        }
        return values;
    }

    private static readonly Func<(Edition, FigureSum), FigureReading?> Resolve = k => FigureReading.Resolve(k.Item1, k.Item2);

    /// <summary>
    /// What a statement said, quoted, and how a finding about it is made; the quote and the paragraph's name are
    /// written only when there is a finding, since most statements agree with their tables.
    /// </summary>
    private sealed class Said(NarrativeParagraph paragraph, Statement s)
    {
        private string? quote;
        private string Quote => quote ??= paragraph.Quote(s.QuoteStart, s.Share?.End ?? s.End);
        /// <summary>"第一部分第3段称“…”".</summary>
        public string Words => string.Concat(paragraph.Where, "称“", Quote, "”");

        /// <summary>The finding, with the figure stated as its actual value unless <paramref name="actual"/> says otherwise.</summary>
        public Finding At(string code, FigureReading reading, string expected, string message, string? actual = null) =>
            reading.Warning(code, paragraph.Pointer, message, Quote, expected, actual ?? (s.Value is { } v ? Format(v) : null));
    }

    private static void CheckShare(Report report, Edition edition, Statement s, StatedShare share,
        List<(FigureReading Reading, decimal Value)> readings, Said said, FindingList findings)
    {
        var totals = Values(report, edition, s.Phrase.ShareOf).Where(x => x.Value > 0).ToArray();
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
        findings.Add(said.At("NARRATIVE_SHARE_MISMATCH", part, Format(computed) + "%",
            $"{said.Words}，按表格计算，{part.Description}为{Format(partValue)}，占{whole.Description}{Format(wholeValue)}的{Format(computed)}%",
            actual: Format(share.Percent) + "%"));
    }

    /// <summary>"均获维持": none of the cases counted is pending, corrected or otherwise decided (column keys of 表四).</summary>
    private static void CheckAllUpheld(Report report, FigureReading cases, Said said, FindingList findings)
    {
        if (cases.Value(report) is not > 0) return;
        (FigureReading Reading, decimal Value)? Column(string key) =>
            cases.WithColumn(key) is { } r && r.Value(report) is { } v ? (r, v) : null;
        if (Column("pending") is { Value: > 0 } pending)
        {
            findings.Add(said.At("NARRATIVE_UPHELD_BUT_PENDING", pending.Reading, Format(pending.Value), $"{said.Words}，{pending.Reading.Description}为{Format(pending.Value)}"));
            return;
        }
        var decided = new[] { Column("corrected"), Column("other") }.OfType<(FigureReading Reading, decimal Value)>().Where(x => x.Value > 0).ToArray();
        if (decided.Length == 0) return;
        findings.Add(said.At("NARRATIVE_UPHELD_MISMATCH", decided[0].Reading, Format(decided[0].Value),
            said.Words + string.Concat(decided.Select(x => $"，{x.Reading.Description}为{Format(x.Value)}"))));
    }

    internal static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
