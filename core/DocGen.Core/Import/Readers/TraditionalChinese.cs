using DocGen.Core.Editions;

namespace DocGen.Core.Import.Readers;

/// <summary>
/// Recognises a document written in traditional characters and converts it to simplified before it is
/// matched, with OpenCC's data: "tw2sp" (characters, and Taiwan vocabulary such as 資訊 back to 信息).
/// The way back from converters' vocabulary is not exact (查詢 can come back as 查找), so each label and
/// heading of the editions that the round trip s2twp/s2t → tw2sp would change is put back as the format
/// writes it. The document gets a finding that says it was converted.
/// </summary>
public static class TraditionalChinese
{
    private const string ToSimplified = "tw2sp.json";
    private const string CharactersOnly = "t2s.json";
    private static readonly string[] Converters = ["s2twp.json", "s2t.json", "s2hk.json"];

    /// <summary>Share of CJK characters that must be traditional-only before a document counts as traditional.</summary>
    private const double MinShare = 0.02;
    private const int MinCount = 5;

    private static readonly Lazy<IReadOnlyList<(string Damaged, string Label)>> Repairs = new(BuildRepairs);

    /// <summary>The document in simplified characters, or the document itself when it is not traditional or OpenCC is missing.</summary>
    public static NeutralDocument Simplify(NeutralDocument document)
    {
        var texts = Texts(document).ToList();
        if (texts.Count == 0 || !OpenCc.IsAvailable(ToSimplified) || !OpenCc.IsAvailable(CharactersOnly)) return document;
        string joined = string.Join("\n", texts.Select(t => t.Replace('\n', ' ')));
        int cjk = joined.Count(TextNorm.IsCjk);
        string characters = OpenCc.Convert(CharactersOnly, joined);
        int traditional = characters.Length == joined.Length ? joined.Where((c, i) => c != characters[i]).Count() : Math.Abs(characters.Length - joined.Length);
        if (traditional < MinCount || traditional < cjk * MinShare) return document;

        var converted = OpenCc.Convert(ToSimplified, joined).Split('\n');
        if (converted.Length != texts.Count) return document;
        for (int i = 0; i < converted.Length; i++)
            foreach (var (damaged, label) in Repairs.Value)
                converted[i] = converted[i].Replace(damaged, label, StringComparison.Ordinal);
        int next = 0;
        string Next() => converted[next++];
        var elements = document.Elements.Select(e => e switch
        {
            DocParagraph p => p with { Text = Next(), BoldLead = p.BoldLead is null ? null : Next() },
            DocGrid g => g with { Rows = g.Rows.Select(r => (IReadOnlyList<GridCell>)r.Select(c => c.Text is null ? c : c with { Text = Next() }).ToList()).ToList() },
            _ => e,
        }).ToList();
        var issue = new ImportIssue(0, "TRADITIONAL_CONVERTED",
            $"原文为繁体字（{traditional}个繁体字），已用OpenCC转换为简体字导入；地区用语（如“資訊”“檔案”）一并转换，请核对正文措辞", false);
        return document with { Elements = elements, ReaderIssues = [issue, .. document.ReaderIssues] };
    }

    private static IEnumerable<string> Texts(NeutralDocument document)
    {
        foreach (var e in document.Elements)
            switch (e)
            {
                case DocParagraph p:
                    yield return p.Text;
                    if (p.BoldLead is not null) yield return p.BoldLead;
                    break;
                case DocGrid g:
                    foreach (var cell in g.Rows.SelectMany(r => r))
                        if (cell.Text is not null) yield return cell.Text;
                    break;
            }
    }

    /// <summary>Every label and heading of the editions whose round trip through a converter and back comes out different.</summary>
    private static IReadOnlyList<(string, string)> BuildRepairs()
    {
        var labels = EditionCatalog.All.SelectMany(e => e.Sections.SelectMany(s => s.AcceptedHeadings.Prepend(s.Heading))
                .Concat(e.Tables.SelectMany(t => t.Layout.SelectMany(r => r).Select(c => c.Text).OfType<string>()))
                .Concat(e.Tables.SelectMany(t => t.Rows.SelectMany(r => r.LabelPath))))
            .Distinct().ToList();
        var repairs = new Dictionary<string, string>();
        foreach (var converter in Converters.Where(OpenCc.IsAvailable))
        {
            var back = OpenCc.Convert(ToSimplified, OpenCc.Convert(converter, string.Join("\n", labels))).Split('\n');
            for (int i = 0; i < labels.Count && i < back.Length; i++)
                if (back[i] != labels[i] && !labels.Any(l => l.Contains(back[i], StringComparison.Ordinal))) repairs.TryAdd(back[i], labels[i]);
        }
        return repairs.OrderByDescending(r => r.Key.Length).Select(r => (r.Key, r.Value)).ToList();
    }
}
