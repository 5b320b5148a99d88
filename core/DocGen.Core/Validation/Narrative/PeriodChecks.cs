using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// The report year against what the text says of it: the year in the title, the statistics period
/// (统计期限), the year of the report the preface announces ("现公布2021年…年度报告"), and the period's end
/// against the publication date. Where they cannot all be true it is an error; a preface that opens on
/// another year is only a warning.
/// </summary>
internal static class PeriodChecks
{
    /// <summary>
    /// A digit that is parsed as a number: half- or full-width. Not \d, which takes every script's digits ("٢"), which
    /// int.Parse refuses: a year, date or share written with them is not read, rather than failing the validation.
    /// </summary>
    internal const string Digit = "[0-9０-９]";
    /// <summary>A year as text writes it, 2022 or ２０２２, with 年 after it.</summary>
    internal const string YearPattern = "((?:19|20|１９|２０)" + Digit + @"{2})\s*年";
    internal static int YearOf(Match m) => int.Parse(NarrativeParagraph.Fold(m.Groups[1].Value), CultureInfo.InvariantCulture);
    private const string Ends = PhraseMatcher.ClauseEnds + PhraseMatcher.SentenceEnds;
    private static readonly Regex Year = new(YearPattern, RegexOptions.CultureInvariant);
    private static readonly Regex Period = new(@"统计(?:期限|期间|时限|时段|区间|周期|时间)", RegexOptions.CultureInvariant);
    private static readonly Regex Date = new($@"(?:((?:19|20|１９|２０){Digit}{{2}})\s*年\s*)?({Digit}{{1,2}})\s*月\s*({Digit}{{1,2}})\s*日", RegexOptions.CultureInvariant);
    private static readonly Regex Announced = new(YearPattern + $@"(?:度)?[^{Ends}\d《》]{{0,30}}?(?:年度报告|年报)", RegexOptions.CultureInvariant);
    private static readonly Regex Opening = new(@"^\s*" + YearPattern + @"\s*[,，]", RegexOptions.CultureInvariant);

    /// <summary>How many paragraphs of the first part are read as if they were the preface.</summary>
    public const int OpeningParagraphs = 3;

    public static void Check(Report report, FindingList findings)
    {
        string year = report.Year.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(report.Title))
        {
            var years = Year.Matches(report.Title).Select(m => YearOf(m).ToString(CultureInfo.InvariantCulture)).Distinct().ToArray();
            if (years.Length > 0 && !years.Contains(year))
                findings.Add(Finding.Error("NARRATIVE_TITLE_YEAR", "/title", $"标题“{report.Title}”称{years[0]}年，报告年度为{year}年")
                    with { Quote = report.Title, Expected = year, Actual = years[0] });
        }
        // The preface, and the opening paragraphs of the first part, where reports without a preface put its sentences.
        int opening = 0;
        foreach (var source in NarrativeText.Paragraphs(report))
        {
            bool preface = source.InPreface;
            if (!preface && (source.Part != 0 || ++opening > OpeningParagraphs)) break;
            var p = new NarrativeParagraph(source);
            string pointer = p.Pointer, where = p.Where;
            CheckPeriod(report, p, year, findings);
            foreach (Match m in Announced.Matches(p.Folded))
            {
                var prefix = p.Folded.AsSpan(0, m.Index);
                if (prefix.Count('《') > prefix.Count('》') || YearOf(m) == report.Year) continue;
                string quote = p.Quote(m.Index, m.Index + m.Length);
                findings.Add(Finding.Error("NARRATIVE_REPORT_YEAR", pointer, $"{where}称“{quote}”，报告年度为{year}年")
                    with { Quote = quote, Expected = year, Actual = YearOf(m).ToString(CultureInfo.InvariantCulture) });
            }
            if (preface && Opening.Match(p.Folded) is { Success: true } o && YearOf(o) != report.Year)
            {
                string quote = p.Quote(o.Groups[1].Index, o.Index + o.Length - 1);
                findings.Add(Finding.Warning("NARRATIVE_PREFACE_YEAR", pointer, $"{where}以“{quote}”开头，报告年度为{year}年")
                    with { Quote = quote, Expected = year, Actual = YearOf(o).ToString(CultureInfo.InvariantCulture) });
            }
        }
    }

    private static void CheckPeriod(Report report, NarrativeParagraph p, string year, FindingList findings)
    {
        string t = p.Folded;
        foreach (Match k in Period.Matches(t))
        {
            int end = t.AsSpan(k.Index).IndexOfAny(PhraseMatcher.SentenceEnds);
            end = end < 0 ? t.Length : k.Index + end;
            int start = t.AsSpan(0, k.Index).LastIndexOfAny(Ends) + 1;
            string sentence = t[k.Index..end];
            string quote = p.Quote(start, end);
            var years = Year.Matches(sentence).Select(m => YearOf(m).ToString(CultureInfo.InvariantCulture)).ToArray();
            if (years.FirstOrDefault(y => y != year) is { } other)
            {
                findings.Add(Finding.Error("NARRATIVE_PERIOD_YEAR", p.Pointer, $"{p.Where}称“{quote}”，统计期限应在报告年度{year}年内")
                    with { Quote = quote, Expected = year, Actual = other });
                continue;
            }
            // The period's last day, with the year of the date before it when "至12月31日" leaves it out.
            DateOnly? last = null;
            int lastYear = report.Year;
            foreach (Match d in Date.Matches(sentence))
            {
                if (d.Groups[1].Success) lastYear = YearOf(d);
                int month = int.Parse(NarrativeParagraph.Fold(d.Groups[2].Value), CultureInfo.InvariantCulture);
                int day = int.Parse(NarrativeParagraph.Fold(d.Groups[3].Value), CultureInfo.InvariantCulture);
                if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(lastYear, month)) last = new DateOnly(lastYear, month, day);
            }
            if (last is { } l && report.PublicationDate is { } published && published < l)
                findings.Add(Finding.Error("NARRATIVE_PERIOD_AFTER_PUBLICATION", p.Pointer,
                    $"{p.Where}称“{quote}”，统计期限截至{l:yyyy年M月d日}，发布日期却是{published:yyyy年M月d日}")
                    with { Quote = quote, Expected = $"{published:yyyy-MM-dd}", Actual = $"{l:yyyy-MM-dd}" });
        }
    }
}
