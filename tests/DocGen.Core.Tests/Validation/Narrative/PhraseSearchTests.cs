using System.Text.RegularExpressions;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation.Narrative;

namespace DocGen.Core.Tests.Validation.Narrative;

/// <summary>
/// The matcher searches only the sentences that may hold a statement. These tests hold it to what a scan of every
/// whole paragraph finds, and hold the wordings to the two facts that makes true: a figure is followed by one of the
/// units, and no wording reads across a sentence end.
/// </summary>
public class PhraseSearchTests
{
    private static string Statements(IEnumerable<Statement> found) =>
        string.Join(" | ", found.Select(s => $"{s.Phrase.Id} {s.Start}-{s.End} {s.Value} {s.Share?.Percent} {s.QuoteStart}"));

    private static void SameAsWholeScan(NarrativeSource source, int year, ref int statements)
    {
        var paragraph = new NarrativeParagraph(source);
        var whole = PhraseMatcher.Find(paragraph, year, wholeParagraph: true);
        Assert.Equal(Statements(whole), Statements(PhraseMatcher.Find(paragraph, year)));
        statements += whole.Count;
    }

    [Fact]
    public void Samples_give_the_statements_a_whole_scan_gives()
    {
        int statements = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.Samples, "*.json"))
        {
            var read = ReportJsonReader.Read(File.ReadAllBytes(file));
            Assert.True(read.Ok, file);
            foreach (var source in NarrativeText.Paragraphs(read.Report!)) SameAsWholeScan(source, read.Report!.Year, ref statements);
        }
        Assert.True(statements >= 10, $"only {statements} statements read in the samples");
    }

    /// <summary>Every case of the figure tests, several to a paragraph between sentences that state nothing or state other figures.</summary>
    private static IEnumerable<NarrativeSource> Written()
    {
        var report = NarrativeKit.Report(EditionCatalog.Id2021);
        var texts = NarrativeFigureTests.Cases.Select((c, i) => c.Text(report, (i % 3) switch { 0 => "12", 1 => "十二", _ => "１,２０５" })).ToArray();
        string[] fillers = ["本机关高度重视政府信息公开工作。", "2019年收到申请3件；", "无行政复议和行政诉讼情况。", "行政复议结果均获维持!", "约5件", "其中市级受理申请7件，", "（一）", "收到申请5件，依申请公开工作"];
        for (int i = 0; i < texts.Length; i++)
            yield return new NarrativeSource("/sections/0/blocks", i, 0, i + 1,
                string.Concat(texts[i], "，", fillers[i % fillers.Length], texts[(i + 1) % texts.Length], "。", fillers[(i + 3) % fillers.Length], texts[(i + 5) % texts.Length]));
    }

    [Fact]
    public void Written_statements_give_what_a_whole_scan_gives()
    {
        int statements = 0, paragraphs = 0;
        foreach (var source in Written())
        {
            SameAsWholeScan(source, NarrativeKit.Report(EditionCatalog.Id2021).Year, ref statements);
            paragraphs++;
        }
        Assert.True(statements >= paragraphs * 2, $"only {statements} statements read");
    }

    /// <summary>The statements of the samples and of the written cases, found by the whole scan.</summary>
    private static IEnumerable<(NarrativeParagraph Paragraph, Statement Statement)> AllStatements()
    {
        var sources = Directory.GetFiles(RepoPaths.Samples, "*.json")
            .Select(f => ReportJsonReader.Read(File.ReadAllBytes(f)).Report!)
            .SelectMany(r => NarrativeText.Paragraphs(r).Select(s => (s, r.Year)))
            .Concat(Written().Select(s => (s, NarrativeKit.Report(EditionCatalog.Id2021).Year)));
        foreach (var (source, year) in sources)
        {
            var paragraph = new NarrativeParagraph(source);
            foreach (var s in PhraseMatcher.Find(paragraph, year, wholeParagraph: true)) yield return (paragraph, s);
        }
    }

    /// <summary>What the clause search relies on: a statement's words hold an anchor of its phrase (but where the anchors are context words) and the required words of a wording.</summary>
    [Fact]
    public void Every_statement_holds_its_anchor_and_required_words()
    {
        int count = 0;
        foreach (var (paragraph, s) in AllStatements())
        {
            string said = paragraph.Folded[s.Start..s.End];
            if (PhraseMatcher.AnchorInMatch(s.Phrase)) Assert.Contains(s.Phrase.Anchors, a => said.Contains(a, StringComparison.Ordinal));
            Assert.Contains(s.Phrase.Wordings, w => RequiredWords.HeldBy(said, RequiredWords.Of(w)));
            count++;
        }
        Assert.True(count >= 50, $"only {count} statements");
    }

    [Fact]
    public void Required_words_are_the_plain_words_and_groups_outside_optional_parts_and_lookarounds()
    {
        static string Words(string wording) => string.Join(" ", RequiredWords.Of(wording).Select(g => string.Join("|", g)));
        Assert.Equal("收到|受理 件 公开申请|申请公开", Words(@"(?:收到|受理)(?:了)?{gap}{n}\s*件{gap}(?:公开申请|申请公开)"));
        Assert.Equal("尚未审结|尚在审理 件|起", Words(@"(?:尚未审结|尚在审理中?)(?:共|合计)?\s*{n}\s*(?:件|起)"));
        Assert.Equal("上 年 结转", Words(@"上(?:一)?年(?:度)?结转"));
        Assert.Equal("无|没有 行政复议", Words(@"(?<!不)(?:无|没有)(?:因(?:工作)?的?)?行政复议(?=(?:[和及]|情况)*(?:{end}|$))"));
        Assert.Equal("均 维持", Words(@"(?:均)(?:被|已)*维持"));
        // What it does not follow gives no words rather than wrong ones.
        Assert.Equal("", Words(@"收到|受理"));
        Assert.Equal("", Words(@"(?:[和及]|或)"));
        Assert.Equal("", Words(@"(?:收到|{n})"));
    }

    /// <summary>What follows the figure in a wording: spaces, then a unit, or a group of units.</summary>
    [Fact]
    public void Every_figure_of_a_wording_is_followed_by_a_unit()
    {
        foreach (var wording in NarrativePhrases.All.SelectMany(p => p.Wordings).Where(w => w.Contains("{n}", StringComparison.Ordinal)))
        {
            string after = wording[(wording.IndexOf("{n}", StringComparison.Ordinal) + 3)..];
            if (after.StartsWith(@"\s*", StringComparison.Ordinal)) after = after[3..];
            string[] units = after.StartsWith("(?:", StringComparison.Ordinal) ? after[3..after.IndexOf(')')].Split('|') : [after];
            Assert.All(units, u => Assert.Contains(u[0], PhraseMatcher.Units));
        }
    }

    [Fact]
    public void No_wording_reads_a_sentence_end()
    {
        // {end} only ever closes a lookahead; a negated class, "." or \S could take a sentence end.
        foreach (var wording in NarrativePhrases.All.SelectMany(p => p.Wordings).Select(w => w.Replace("{end}", "")))
        {
            // "?" and "!" are regex syntax ("(?:", "(?<!"): as marks they are written escaped.
            foreach (char end in PhraseMatcher.SentenceEnds)
                Assert.DoesNotContain(end is '?' or '!' ? "\\" + end : end.ToString(), wording, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\[^|(?<!\\)\.|\\[SWD]", wording);
        }
    }
}
