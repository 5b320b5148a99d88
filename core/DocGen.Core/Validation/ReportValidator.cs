using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

public sealed record ValidationOptions
{
    /// <summary>The date against which years and deadlines are judged; defaults to today (UTC).</summary>
    public DateOnly? Today { get; init; }
    /// <summary>Last year's report of the same agency, for the cross-year checks (carry-over, documents in force).</summary>
    public Report? Previous { get; init; }
}

/// <summary>
/// Checks a report against its edition: required parts, the kind of every value, and every arithmetic
/// rule of the edition's tables. Every finding names its place (JSON pointer, table, row, column).
/// </summary>
public static class ReportValidator
{
    public const int FirstYear = 2008;

    public static IReadOnlyList<Finding> Validate(Report report, ValidationOptions? options = null)
    {
        var findings = new FindingList();
        var today = options?.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var edition = EditionCatalog.Find(report.Edition)
                      ?? throw new ArgumentException($"unknown edition {report.Edition}", nameof(report));

        CheckHeader(report, edition, today, findings);
        TextChecks.Check(report, findings);
        PunctuationChecks.Check(report, findings);
        if (edition.Mandated) CheckMandatedSections(report, edition, findings);
        else if (report.Sections.Count == 0)
            findings.Add(Finding.Error("MISSING_SECTION", "/sections", "报告没有任何章节"));
        foreach (var table in edition.Tables)
        {
            if (!report.Tables.TryGetValue(table.Id, out var data))
            {
                findings.Add(Finding.Error("MISSING_TABLE", Pointer.Join("/tables", table.Id),
                    $"缺少{table.Name}（{edition.Section(table.SectionKey)?.Heading}）的数据") with { Table = table.Name });
                continue;
            }
            CellChecks.Check(table, data, findings);
            foreach (var rule in table.Rules) RuleChecks.Check(table, data, rule, findings);
        }
        if (options?.Previous is { } previous) YearChecks.Check(report, previous, edition, findings);
        Narrative.NarrativeChecks.Check(report, edition, findings);
        return findings;
    }

    private static void CheckHeader(Report report, Edition edition, DateOnly today, FindingList findings)
    {
        if (string.IsNullOrWhiteSpace(report.Agency))
            findings.Add(Finding.Error("MISSING_AGENCY", "/agency", "机关名称不能为空"));
        if (report.Year < FirstYear || report.Year > today.Year)
        {
            findings.Add(Finding.Error("YEAR_IMPLAUSIBLE", "/year",
                $"报告年度{report.Year}不合理：应在{FirstYear}年（《条例》施行）至{today.Year}年之间")
                with { Actual = report.Year.ToString(CultureInfo.InvariantCulture) });
            return;
        }
        if ((edition.FirstYear is { } first && report.Year < first) || (edition.LastYear is { } last && report.Year > last))
            findings.Add(Finding.Warning("EDITION_YEAR_MISMATCH", "/edition",
                $"{report.Year}年度报告通常不使用{edition.Id}版格式（{edition.Instrument}，适用于{edition.FirstYear}年{(edition.LastYear is { } l ? $"至{l}年" : "起")}的报告）"));
        if (report.PublicationDate is { } date)
        {
            // Art. 49 of the 2019 Regulation: by 31 January; the 2008 Regulation allowed until 31 March.
            var deadline = edition.Mandated ? new DateOnly(report.Year + 1, 1, 31) : new DateOnly(report.Year + 1, 3, 31);
            if (date.Year <= report.Year)
                findings.Add(Finding.Warning("PUBLISHED_BEFORE_YEAR_END", "/publicationDate",
                    $"发布日期{date:yyyy-MM-dd}早于统计年度{report.Year}年结束"));
            else if (date > deadline)
                findings.Add(Finding.Warning("PUBLISHED_LATE", "/publicationDate",
                    $"发布日期{date:yyyy-MM-dd}晚于法定期限{deadline:yyyy年M月d日}"));
        }
    }

    private static void CheckMandatedSections(Report report, Edition edition, FindingList findings)
    {
        int expectedIndex = 0;
        var seen = new HashSet<string>();
        for (int i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            string p = Pointer.Join("/sections", i);
            var def = section.Key is null ? null : edition.Section(section.Key);
            if (def is null) continue; // the reader already refused unknown keys
            if (!seen.Add(def.Key))
            {
                findings.Add(Finding.Error("DUPLICATE_SECTION", Pointer.Join(p, "key"), $"章节“{def.Heading}”重复出现"));
                continue;
            }
            int index = edition.Sections.ToList().IndexOf(def);
            if (index < expectedIndex)
                findings.Add(Finding.Error("SECTION_ORDER", Pointer.Join(p, "key"), $"章节“{def.Heading}”的位置不对：六个部分应按规定顺序排列"));
            expectedIndex = Math.Max(expectedIndex, index);
            if (!def.Accepts(section.Heading))
                findings.Add(Finding.Warning("SECTION_HEADING_DIFFERS", Pointer.Join(p, "heading"),
                    $"章节标题“{section.Heading}”与规定标题“{def.Heading}”不一致") with { Expected = def.Heading, Actual = section.Heading });
            if (def.TableId is null && section.Blocks.Count == 0)
                findings.Add(Finding.Warning("EMPTY_SECTION", Pointer.Join(p, "blocks"), $"章节“{def.Heading}”没有内容；无内容时可写“无。”"));
        }
        foreach (var def in edition.Sections.Where(d => !seen.Contains(d.Key)))
            findings.Add(Finding.Error("MISSING_SECTION", "/sections", $"缺少规定章节“{def.Heading}”（key为{def.Key}）"));
    }
}
