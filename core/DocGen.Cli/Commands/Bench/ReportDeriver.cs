using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Cli.Commands.Bench;

/// <summary>
/// Makes as many different reports as a bench needs from a few real ones, so that no cache (font subsets by glyph
/// set, stored ids) can make a later render free. Report <c>i</c> of a seed is always the same report: a sample
/// (one that validates without errors) with another agency's name, its figures multiplied by a whole number (sums and
/// balances still hold), and sentences of the other samples added to its narrative, which brings in other glyphs.
/// </summary>
internal sealed class ReportDeriver
{
    /// <summary>How many agency names a seed uses; the service bench configures one key for each.</summary>
    public const int AgencyCount = 8;

    private static readonly string[] AgencySuffixes = ["县人民政府", "区人民政府", "市人民政府", "县人民政府办公室", "区教育局", "市自然资源局"];

    private readonly Report[] _bases;
    private readonly string[] _sentences;
    private readonly string[] _agencies;
    private readonly int _seed;

    public ReportDeriver(IReadOnlyList<Report> samples, int seed)
    {
        _seed = seed;
        _bases = samples.Where(r => !ReportValidator.Validate(r).Any(f => f.Severity == Severity.Error)).ToArray();
        if (_bases.Length == 0) throw new CliException("BENCH_NO_VALID_SAMPLE", "没有可作为基准的报告：所给报告都有校验错误");
        var texts = samples.SelectMany(NarrativeTexts).ToArray();
        _sentences = texts.SelectMany(t => t.Split('。')).Select(s => s.Trim()).Where(Addable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (_sentences.Length == 0) throw new CliException("BENCH_NO_NARRATIVE", "所给报告的正文中没有可添加的句子");
        var han = texts.SelectMany(t => t).Where(c => c is >= '\u4e00' and <= '\u9fff').Distinct().Order().ToArray();
        var random = new Random(seed);
        _agencies = Enumerable.Range(0, AgencyCount)
            .Select(i => $"{han[random.Next(han.Length)]}{han[random.Next(han.Length)]}{AgencySuffixes[i % AgencySuffixes.Length]}")
            .ToArray();
    }

    /// <summary>The agency names the derived reports carry.</summary>
    public IReadOnlyList<string> Agencies => _agencies;

    public Report Derive(int index)
    {
        var random = new Random(unchecked(_seed * 1_000_003 + index));
        var source = _bases[index % _bases.Length];
        string agency = _agencies[index % _agencies.Length];
        int factor = 1 + index / _bases.Length % 3;
        var sections = source.Sections.Select(s => s with { Blocks = s.Blocks.Select(b => Rename(b, source.Agency, agency)).ToArray() }).ToArray();
        // Add one to six sentences to leaves of the narrative, outside the preface and the first part's opening (the period checks read those).
        var leaves = sections.Skip(1).SelectMany((s, si) => Leaves(s.Blocks, [si + 1])).ToList();
        int added = Math.Min(leaves.Count, 1 + random.Next(6));
        for (int n = 0; n < added; n++)
        {
            var path = leaves[random.Next(leaves.Count)];
            string sentence = _sentences[random.Next(_sentences.Length)] + "。";
            sections[path[0]] = sections[path[0]] with { Blocks = Append(sections[path[0]].Blocks, path, 1, sentence) };
        }
        return source with
        {
            Agency = agency,
            Title = source.Title?.Replace(source.Agency, agency, StringComparison.Ordinal),
            Preface = source.Preface.Select(b => Rename(b, source.Agency, agency)).ToArray(),
            Sections = sections,
            Tables = source.Tables.ToDictionary(t => t.Key, t => Scale(t.Value, factor)),
        };
    }

    /// <summary>A sentence that can go into any report without a rule reading it: no figures, years or periods.</summary>
    private static bool Addable(string sentence) =>
        sentence.Length is >= 10 and <= 80 && !sentence.Any(char.IsDigit) && !sentence.Contains("统计", StringComparison.Ordinal)
        && !sentence.Contains('年') && sentence.Count(c => c == '《') == sentence.Count(c => c == '》')
        && sentence.Count(c => c is '（' or '(') == sentence.Count(c => c is '）' or ')');

    private static TableData Scale(TableData table, int factor) =>
        new(table.Rows.ToDictionary(r => r.Key, r => (IReadOnlyList<CellValue>)r.Value.Select(c => c.HasNumber ? c with { Number = c.Number * factor } : c).ToArray()));

    private static Block Rename(Block block, string from, string to) => block switch
    {
        Paragraph p => new Paragraph(p.Text.Replace(from, to, StringComparison.Ordinal)),
        Point p => new Point(p.Lead.Replace(from, to, StringComparison.Ordinal), p.Text.Replace(from, to, StringComparison.Ordinal)),
        Subsection s => s with { Blocks = s.Blocks.Select(b => Rename(b, from, to)).ToArray() },
        _ => block,
    };

    /// <summary>The path (section, then block indexes) of every paragraph and point.</summary>
    private static IEnumerable<int[]> Leaves(IReadOnlyList<Block> blocks, int[] prefix)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            int[] path = [.. prefix, i];
            if (blocks[i] is Subsection s) foreach (var leaf in Leaves(s.Blocks, path)) yield return leaf;
            else yield return path;
        }
    }

    private static Block[] Append(IReadOnlyList<Block> blocks, int[] path, int depth, string sentence)
    {
        var copy = blocks.ToArray();
        copy[path[depth]] = copy[path[depth]] switch
        {
            Subsection s => s with { Blocks = Append(s.Blocks, path, depth + 1, sentence) },
            Paragraph p => new Paragraph(p.Text + sentence),
            Point p => new Point(p.Lead, p.Text + sentence),
            var other => other,
        };
        return copy;
    }

    private static IEnumerable<string> NarrativeTexts(Report report)
    {
        static IEnumerable<string> Of(Block b) => b switch
        {
            Paragraph p => [p.Text],
            Point p => [p.Lead, p.Text],
            Subsection s => s.Blocks.SelectMany(Of).Prepend(s.Heading),
            _ => [],
        };
        return report.Preface.Concat(report.Sections.SelectMany(s => s.Blocks)).SelectMany(Of);
    }
}
