using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Import;

/// <summary>
/// Maps a <see cref="NeutralDocument"/> onto an edition, whatever reader made it: it recognises the edition
/// from the headings, the table labels and the year, reads agency, year, title, publication date and
/// contact from the title block and the preface, splits the sections by their mandated headings (or,
/// before 2019, by 一、…八、), reads the narrative into blocks and every cell of the mandated tables by the
/// labels of the edition definitions. Paragraphs and grid rows are its lines: a grid row is a line of
/// cells, a flattened table in text is recognised by its labels. What it drops or cannot read is reported
/// with its place; it never invents a value.
/// </summary>
public static partial class ReportMatcher
{
    /// <summary>The format name of plain text: its paragraphs may be lines a page broke, to be joined.</summary>
    public const string TextFormat = "text";

    /// <summary>Lines of web page furniture: they are dropped and reported.</summary>
    [GeneratedRegex(@"^\s*(Document|选择阅读字号.*|【?字体\s*[:：].*|当前位置\s*[:：].*|扫一扫在手机打开当前页.*|图文解读.*|来源\s*[:：].*|【?打印(本页)?】?|【?关闭(窗口)?】?|分享到.*|浏览次数.*|字号\s*[:：].*)\s*$")]
    private static partial Regex FurnitureRegex();

    [GeneratedRegex(@"^\s*(?:发布(?:时间|日期)|发文日期|日期)\s*[:：]\s*(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?\s*$")]
    private static partial Regex DateLineRegex();

    /// <summary>A date standing alone in the title block ("2025年1月26日"), as Word reports print it under the agency.</summary>
    [GeneratedRegex(@"^\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日\s*$")]
    private static partial Regex TitleBlockDateRegex();

    /// <summary>"一." "一．" "一 " written for the enumerator "一、" of a section heading.</summary>
    [GeneratedRegex(@"^([一二三四五六七八九十]+)\s*(?:[.．、，,]|\s)\s*")]
    private static partial Regex HeadingEnumerator();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex PartHeadingRegex();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年(?:度)?(?<stem>[^。，,；;、（）()《》“”]{2,20}?)政府信息公开(?:工作)?(?:年度报告|年报)")]
    private static partial Regex YearAgencyPhraseRegex();

    [GeneratedRegex(@"统计(?:期限|期间|时限|周期)[^。]{0,12}?(?<y>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"《(?<a>[^《》\d]{2,30}?)\s*(?<y>(?:19|20)\d{2})\s*年度?[^《》]*?(?:年度报告|年报)》")]
    private static partial Regex QuotedTitleRegex();

    public static ImportResult Match(NeutralDocument document)
    {
        var lines = new List<SourceLine>();
        var places = new Dictionary<int, string>();
        foreach (var element in document.Elements)
        {
            switch (element)
            {
                case DocParagraph p:
                    Add(p.Text, null, p.BoldLead, p.Place);
                    break;
                case DocGrid g:
                    foreach (var row in g.Rows)
                    {
                        var cells = row.Where(c => !c.Covered).Select(c => c.Text ?? "").ToArray();
                        Add(string.Join("\t", cells), cells, null, row.Count > 0 ? row[0].Place : g.Place);
                    }
                    break;
            }
        }
        var result = Match(lines.ToArray(), document.FileName, document.Format == TextFormat);
        var issues = document.ReaderIssues
            .Concat(result.Issues.Select(i => places.TryGetValue(i.Line, out var where) ? i with { Where = where } : i))
            .ToList();
        return result with { Issues = issues };

        void Add(string text, string[]? cells, string? lead, SourcePlace place)
        {
            int number = lines.Count + 1;
            if (place.Where is not null) places[number] = place.Where;
            lines.Add(new SourceLine(number, text, cells, lead));
        }
    }

    private static ImportResult Match(SourceLine[] lines, string? fileName, bool mayBreak)
    {
        var issues = new List<ImportIssue>();
        if (lines.All(l => l.IsBlank))
            return new ImportResult(null, [new ImportIssue(0, "EMPTY_TEXT", $"{Source(fileName)}没有可读取的内容", true)]);

        // Web page furniture and the publication date line.
        var furniture = new List<string>();
        DateOnly? published = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string t = lines[i].Text.Trim();
            if (FurnitureRegex().IsMatch(t))
            {
                furniture.Add(t);
                issues.Add(new ImportIssue(lines[i].Number, "DROPPED_FURNITURE", $"略去网页附带的文字“{Narrative.Excerpt(t, 40)}”", false));
                lines[i] = lines[i] with { Text = "", Cells = null };
            }
            else if (DateLineRegex().Match(t) is { Success: true } dm && published is null)
            {
                if (TryDate(dm, out var d))
                    published = d;
                else
                    issues.Add(new ImportIssue(lines[i].Number, "INVALID_DATE", $"发布日期“{t}”不是有效日期", false));
                lines[i] = lines[i] with { Text = "", Cells = null };
            }
        }

        var allTokens = TableReader.Tokenize(lines);
        var tableEdition = DetectTableEdition(allTokens);
        var mandatedHeadings = FindMandatedHeadings(lines, EditionCatalog.Edition2021);

        // Header lines before the preface: title, agency line, and the like.
        int firstHeading = mandatedHeadings.Count > 0 ? mandatedHeadings[0].Index : lines.Length;
        var legacyHeadings = FindPartHeadings(lines);
        if (mandatedHeadings.Count < 3 && tableEdition is null && legacyHeadings.Count > 0)
            firstHeading = legacyHeadings[0].Index;
        string? title = null;
        int titleLine = 0;
        int prefaceStart = 0;
        for (int i = 0; i < firstHeading; i++)
        {
            if (lines[i].IsBlank) continue;
            string t = lines[i].Text.Trim();
            if (t.Length > 60 || t.Contains('。')) break;
            string compact = Regex.Replace(t, @"\s+", "");
            if (title is null && YearRegex().IsMatch(compact) && (compact.EndsWith("报告") || compact.EndsWith("年报")))
            {
                title = compact;
                titleLine = lines[i].Number;
            }
            else if (published is null && TitleBlockDateRegex().Match(compact) is { Success: true } bm && TryDate(bm, out var blockDate))
                published = blockDate;
            else
                issues.Add(new ImportIssue(lines[i].Number, "DROPPED_HEADER_LINE", $"略去标题区的文字“{t}”", false));
            prefaceStart = i + 1;
        }
        var prefaceLines = lines[prefaceStart..firstHeading];
        string prefaceText = string.Join("\n", prefaceLines.Select(l => l.Text));

        int year = ReadYear(title, prefaceText, lines, issues);

        // The edition: by the tables; without tables, by the headings and the year.
        Edition edition;
        if (tableEdition is not null)
        {
            edition = tableEdition;
            if (year > 0 && (year < edition.FirstYear || (edition.LastYear is { } last && year > last)))
                issues.Add(new ImportIssue(0, "EDITION_YEAR_MISMATCH",
                    $"表格采用{edition.Instrument}的格式，而报告年度为{year}年，该格式适用于{edition.FirstYear}年{(edition.LastYear is { } l ? $"至{l}年" : "起")}的报告", false));
        }
        else if (mandatedHeadings.Count >= 3 || (MandatedFor(year) is not null && mandatedHeadings.Count > 0))
        {
            edition = MandatedFor(year) ?? EditionCatalog.All.Where(e => e.Mandated).OrderByDescending(e => e.FirstYear).First();
            issues.Add(new ImportIssue(0, "NO_TABLES", $"有规定格式的章节标题但未找到规定的表格，按{year}年度采用{edition.Instrument}的格式", true));
        }
        else if (MandatedFor(year) is { } due)
        {
            // A report of a year with a mandated format is never filed as legacy: what it lacks is reported.
            edition = due;
            issues.Add(new ImportIssue(0, "NO_MANDATED_STRUCTURE",
                $"{year}年度的报告应采用{due.Instrument}规定的格式，但未找到规定的章节标题和表格", true));
        }
        else
        {
            edition = EditionCatalog.Legacy;
        }

        string agency = ReadAgency(title, titleLine, prefaceText, furniture, issues);
        var contact = ReadContact(prefaceText);

        var preface = Narrative.Parse(prefaceLines, issues, mayBreak);
        var sections = new List<Section>();
        var tables = new Dictionary<string, TableData>();
        if (edition.Mandated)
        {
            if (mandatedHeadings.Count == 0)
                issues.Add(new ImportIssue(0, "NO_SECTIONS", "未找到规定格式的章节标题", true));
            foreach (var def in edition.Sections)
                if (mandatedHeadings.All(h => h.Def.Key != def.Key))
                    issues.Add(new ImportIssue(0, "MISSING_SECTION", $"未找到章节“{def.Heading}”", true));
            for (int s = 0; s < mandatedHeadings.Count; s++)
            {
                var (index, def) = mandatedHeadings[s];
                int end = s + 1 < mandatedHeadings.Count ? mandatedHeadings[s + 1].Index : lines.Length;
                var body = lines[(index + 1)..end];
                var tableDef = edition.Tables.FirstOrDefault(t => t.SectionKey == def.Key);
                IReadOnlyList<Block> blocks;
                if (tableDef is null)
                    blocks = Narrative.Parse(body, issues, mayBreak);
                else
                    blocks = ReadTableSection(tableDef, body, lines[index], tables, issues, mayBreak, textEnds: end == lines.Length);
                sections.Add(new Section { Key = def.Key, Heading = lines[index].Text.Trim(), Blocks = blocks });
            }
            foreach (var t in edition.Tables)
                if (!tables.ContainsKey(t.Id) && mandatedHeadings.All(h => h.Def.Key != t.SectionKey))
                    issues.Add(new ImportIssue(0, "MISSING_TABLE", $"未找到{t.Name}（章节“{edition.Section(t.SectionKey)!.Heading}”缺失）", true));
        }
        else
        {
            if (legacyHeadings.Count == 0)
                issues.Add(new ImportIssue(0, "NO_SECTIONS", "未找到以“一、”起始的各部分标题", true));
            for (int s = 0; s < legacyHeadings.Count; s++)
            {
                int index = legacyHeadings[s].Index;
                int end = s + 1 < legacyHeadings.Count ? legacyHeadings[s + 1].Index : lines.Length;
                sections.Add(new Section { Key = null, Heading = legacyHeadings[s].Heading, Blocks = Narrative.Parse(lines[(index + 1)..end], issues, mayBreak) });
            }
        }

        var report = new Report
        {
            Edition = edition.Id,
            Agency = agency,
            Year = year,
            Title = title,
            PublicationDate = published,
            Contact = contact.IsEmpty ? null : contact,
            Preface = preface,
            Sections = sections,
            Tables = tables,
        };
        return new ImportResult(report, issues.OrderBy(i => i.Line).ToList());
    }

    /// <summary>The date of a match with groups y, m and d, when it is a real date.</summary>
    private static bool TryDate(Match m, out DateOnly date) =>
        DateOnly.TryParseExact($"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value):00}-{int.Parse(m.Groups["d"].Value):00}",
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The mandated edition for a report year, or null before 2019 (or when the year is unknown).</summary>
    private static Edition? MandatedFor(int year) =>
        EditionCatalog.All.FirstOrDefault(e => e.Mandated && year >= e.FirstYear && (e.LastYear is null || year <= e.LastYear));

    private static string Source(string? fileName) => fileName is null ? "文本" : $"文件“{fileName}”";

    private static IReadOnlyList<Block> ReadTableSection(TableDef def, SourceLine[] body, SourceLine heading,
        Dictionary<string, TableData> tables, List<ImportIssue> issues, bool mayBreak, bool textEnds)
    {
        var reader = new TableReader(def, issues) { TextEndsHere = textEnds };
        var tokens = reader.SplitSpaced(TableReader.Tokenize(body));
        int start = tokens.FindIndex(reader.IsTableLabel);
        if (start < 0)
        {
            issues.Add(new ImportIssue(heading.Number, "MISSING_TABLE", $"“{heading.Text.Trim()}”之下未找到{def.Name}", true));
            return Narrative.Parse(body, issues, mayBreak);
        }
        var (data, end) = reader.Read(tokens, start);
        tables[def.Id] = data;
        int firstTableLine = tokens[start].Line;
        int afterTableLine = end < tokens.Count ? tokens[end].Line : int.MaxValue;
        var narrative = body.Where(l => l.Number < firstTableLine || l.Number >= afterTableLine).ToArray();
        return Narrative.Parse(narrative, issues, mayBreak);
    }

    /// <summary>Which mandated edition the table labels belong to: the one with more labels of its own in the text.</summary>
    private static Edition? DetectTableEdition(IReadOnlyList<Token> tokens)
    {
        var mandated = EditionCatalog.All.Where(e => e.Mandated).ToList();
        var labels = mandated.ToDictionary(e => e.Id, e => e.Tables.SelectMany(t => t.Layout).SelectMany(r => r)
            .Where(c => c.Text is not null).Select(c => TextNorm.SplitUnit(TextNorm.Label(c.Text!)).Label).ToHashSet());
        var found = tokens.Select(t => TextNorm.SplitUnit(t.Norm).Label).ToHashSet();
        var scores = mandated.Select(e => (Edition: e, Score: labels[e.Id]
                .Where(l => mandated.Where(o => o != e).All(o => !labels[o.Id].Contains(l)))
                .Count(found.Contains)))
            .OrderByDescending(x => x.Score).ToList();
        if (scores[0].Score == 0 || (scores.Count > 1 && scores[1].Score == scores[0].Score)) return null;
        return scores[0].Edition;
    }

    private static List<(int Index, SectionDef Def)> FindMandatedHeadings(SourceLine[] lines, Edition edition)
    {
        var found = new List<(int, SectionDef)>();
        var seen = new HashSet<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].IsBlank) continue;
            string n = TextNorm.Label(HeadingEnumerator().Replace(lines[i].Text.Trim(), "$1、")).TrimEnd('。', '：');
            var def = edition.Sections.FirstOrDefault(d =>
                TextNorm.Label(d.Heading) == n || d.AcceptedHeadings.Any(a => TextNorm.Label(a) == n));
            if (def is not null && seen.Add(def.Key)) found.Add((i, def));
        }
        return found;
    }

    private static readonly string Numerals = "一二三四五六七八九十";

    private static string Numeral(int n) => n <= 10 ? Numerals[n - 1].ToString() : n < 20 ? "十" + Numerals[n - 11] : Numerals[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : Numerals[n % 10 - 1].ToString());

    /// <summary>Free part headings "一、概述" … in sequence, each on its own line.</summary>
    private static List<(int Index, string Heading)> FindPartHeadings(SourceLine[] lines)
    {
        var found = new List<(int, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            string t = lines[i].Text.Trim();
            if (t.Length == 0 || t.Length > 40 || t[..^1].Contains('。') || lines[i].Text.Contains('\t') || lines[i].Text.Contains('|')) continue;
            if (!PartHeadingRegex().IsMatch(t)) continue;
            if (t.StartsWith(Numeral(found.Count + 1) + "、", StringComparison.Ordinal)) found.Add((i, t));
        }
        return found;
    }

    private static int ReadYear(string? title, string preface, SourceLine[] lines, List<ImportIssue> issues)
    {
        int? fromTitle = title is not null && YearRegex().Match(title) is { Success: true } tm ? int.Parse(tm.Groups["y"].Value) : null;
        int? fromPhrase = YearAgencyPhraseRegex().Match(preface) is { Success: true } pm ? int.Parse(pm.Groups["y"].Value) : null;
        string all = string.Join("\n", lines.Select(l => l.Text));
        int? fromPeriod = PeriodRegex().Match(all) is { Success: true } qm ? int.Parse(qm.Groups["y"].Value) : null;
        int? year = fromTitle ?? fromPhrase ?? fromPeriod;
        if (year is null)
        {
            if (YearRegex().Match(all) is { Success: true } am)
            {
                year = int.Parse(am.Groups["y"].Value);
                issues.Add(new ImportIssue(0, "YEAR_GUESSED", $"标题和统计期限中都没有年度，取正文中第一个年份{year}年，请核对", false));
            }
            else
            {
                issues.Add(new ImportIssue(0, "NO_YEAR", "未能读出报告年度", true));
                return 0;
            }
        }
        if (fromPeriod is { } p && p != year)
            issues.Add(new ImportIssue(0, "YEAR_MISMATCH", $"标题中的年度为{year}年，而统计期限始于{p}年", false));
        return year.Value;
    }

    /// <summary>
    /// The agency: from the title (the words before the year). Without a title, from the best evidence in
    /// the preface and the page (a quoted title, "……年××政府信息公开工作年度报告", "××人民政府网站"), reported.
    /// </summary>
    private static string ReadAgency(string? title, int titleLine, string preface, IReadOnlyList<string> furniture, List<ImportIssue> issues)
    {
        if (title is not null)
        {
            var m = YearRegex().Match(title);
            string before = title[..m.Index].Trim();
            if (before.Length >= 2) return before;
            var pm = YearAgencyPhraseRegex().Match(title);
            if (pm.Success && pm.Groups["stem"].Value.Length >= 2)
            {
                string stem = pm.Groups["stem"].Value;
                issues.Add(new ImportIssue(titleLine, "AGENCY_INFERRED", $"标题中年度之前没有机关名称，机关名称取标题中的“{stem}”，请核对", false));
                return stem;
            }
        }

        var evidence = new List<string>();
        string? agency = null;
        foreach (var f in furniture)
            if (QuotedTitleRegex().Match(f) is { Success: true } q)
            {
                agency = q.Groups["a"].Value.Trim();
                evidence.Add($"网页上的“{Narrative.Excerpt(f, 40)}”");
                break;
            }
        var candidates = GovernmentNames(preface);
        string? stemFromPhrase = YearAgencyPhraseRegex().Match(preface) is { Success: true } pm2 ? pm2.Groups["stem"].Value : null;
        if (stemFromPhrase is not null) evidence.Add($"序言中的“{stemFromPhrase}政府信息公开工作年度报告”");
        if (candidates.Count > 0) evidence.Add($"序言中的“{string.Join("”“", candidates.Distinct())}”");
        if (agency is null && stemFromPhrase is not null)
            agency = candidates.FirstOrDefault(c => c.StartsWith(stemFromPhrase, StringComparison.Ordinal)) ?? stemFromPhrase;
        if (agency is null && candidates.Count > 0)
        {
            agency = candidates.GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
            if ((preface.Contains("我办") || preface.Contains("本办")) && agency.EndsWith("人民政府", StringComparison.Ordinal))
            {
                agency += "办公室";
                evidence.Add("序言自称“我办”");
            }
        }
        if (agency is null)
        {
            issues.Add(new ImportIssue(0, "NO_AGENCY", "没有标题，也未能从序言中读出机关名称", true));
            return "";
        }
        issues.Add(new ImportIssue(0, "AGENCY_INFERRED",
            $"报告没有标题，机关名称“{agency}”系根据{string.Join("、", evidence)}推断，请核对", false));
        return agency;
    }

    private static readonly string[] Prepositions = ["通过", "请与", "可在", "可从", "登录", "访问", "与", "在", "由", "经", "向", "是", "为"];

    /// <summary>"××市人民政府" names in the text, each cut to its place name.</summary>
    private static List<string> GovernmentNames(string text)
    {
        var names = new List<string>();
        const string gov = "人民政府";
        for (int i = text.IndexOf(gov, StringComparison.Ordinal); i >= 0; i = text.IndexOf(gov, i + gov.Length, StringComparison.Ordinal))
        {
            int s = i;
            while (s > 0 && i - s < 14 && TextNorm.IsCjk(text[s - 1])) s--;
            string place = text[s..i];
            foreach (var p in Prepositions)
            {
                int at = place.LastIndexOf(p, StringComparison.Ordinal);
                if (at >= 0) place = place[(at + p.Length)..];
            }
            if (place.Length >= 2 && "省市县区州旗盟".Contains(place[^1])) names.Add(place + gov);
        }
        return names;
    }

    [GeneratedRegex(@"请与(?<v>[^，,。；;（(]{2,30}?)联系")]
    private static partial Regex OfficeRegex();
    [GeneratedRegex(@"地址\s*[:：]\s*(?<v>[^，,。；;）)\s][^，,。；;）)]*)")]
    private static partial Regex AddressRegex();
    [GeneratedRegex(@"(?:邮编|邮政编码)\s*[:：]?\s*(?<v>\d{6})")]
    private static partial Regex PostcodeRegex();
    [GeneratedRegex(@"电话\s*[:：]\s*(?<v>[0-9０-９][0-9０-９\-－—（）() ]*[0-9０-９])")]
    private static partial Regex PhoneRegex();
    [GeneratedRegex(@"传真\s*[:：]\s*(?<v>[0-9０-９][0-9０-９\-－—（）() ]*[0-9０-９])")]
    private static partial Regex FaxRegex();
    [GeneratedRegex(@"(?<v>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})")]
    private static partial Regex EmailRegex();
    [GeneratedRegex(@"(?<v>(?:https?://)?www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[A-Za-z0-9_\-./?=&%#]*)?|https?://[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[A-Za-z0-9_\-./?=&%#]*)?)")]
    private static partial Regex WebsiteRegex();

    private static Contact ReadContact(string preface)
    {
        string? Get(Regex r) => r.Match(preface) is { Success: true } m ? m.Groups["v"].Value.Trim() : null;
        return new Contact
        {
            Office = Get(OfficeRegex()),
            Address = Get(AddressRegex()),
            Postcode = Get(PostcodeRegex()),
            Phone = Get(PhoneRegex()),
            Fax = Get(FaxRegex()),
            Email = Get(EmailRegex()),
            Website = Get(WebsiteRegex()),
        };
    }
}
