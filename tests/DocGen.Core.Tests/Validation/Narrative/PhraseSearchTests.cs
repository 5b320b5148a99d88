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
    [Fact]
    public void Written_statements_give_what_a_whole_scan_gives()
    {
        var report = NarrativeKit.Report(EditionCatalog.Id2021);
        var texts = NarrativeFigureTests.Cases.Select((c, i) => c.Text(report, (i % 3) switch { 0 => "12", 1 => "十二", _ => "１,２０５" })).ToArray();
        string[] fillers = ["本机关高度重视政府信息公开工作。", "2019年收到申请3件；", "无行政复议和行政诉讼情况。", "行政复议结果均获维持!", "约5件", "其中市级受理申请7件，", "（一）"];
        int statements = 0;
        for (int i = 0; i < texts.Length; i++)
        {
            string text = string.Concat(texts[i], "，", fillers[i % fillers.Length], texts[(i + 1) % texts.Length], "。", fillers[(i + 3) % fillers.Length], texts[(i + 5) % texts.Length]);
            SameAsWholeScan(new NarrativeSource("/sections/0/blocks", i, 0, i + 1, text), report.Year, ref statements);
        }
        Assert.True(statements >= texts.Length * 2, $"only {statements} statements read");
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
