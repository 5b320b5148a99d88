using DocGen.Core.Rendering;
using DocGen.Core.Import;
using DocGen.Core.Json;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Import;

/// <summary>Compares an imported report with the report it was made from: every table cell, every narrative block.</summary>
internal static class RoundTripAssert
{
    public static Report Sample(string file) =>
        ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(Seeds.SampleDirectory, file))).Report
        ?? throw new InvalidOperationException($"sample {file} does not read");

    /// <summary>Every cell of every table: same rows, same kind, number and unit in each cell.</summary>
    public static void Tables(Report expected, Report actual)
    {
        Assert.Equal(expected.Tables.Keys.Order(), actual.Tables.Keys.Order());
        foreach (var (id, table) in expected.Tables)
        {
            var got = actual.Tables[id];
            Assert.Equal(table.Rows.Keys.Order(), got.Rows.Keys.Order());
            foreach (var (row, cells) in table.Rows)
                for (int c = 0; c < cells.Count; c++)
                    Assert.True(cells[c] == got.Rows[row][c], $"{id}/{row}/{c}: expected {cells[c]}, got {got.Rows[row][c]}");
        }
    }

    /// <summary>Preface and sections: the same headings and the same blocks, one for one, nested subsections included.</summary>
    public static void Narrative(Report expected, Report actual) => Narrative(expected, actual, text => text);

    /// <summary>
    /// The narrative of a document DocGen rendered: the input's blocks as the writers print them by default, with
    /// half-width punctuation between Chinese characters made full-width (<see cref="Punctuation"/>).
    /// </summary>
    public static void RenderedNarrative(Report expected, Report actual) => Narrative(expected, actual, Punctuation.Normalise);

    private static void Narrative(Report expected, Report actual, Func<string, string> printed)
    {
        Assert.Equal(Flatten(expected.Preface).Select(printed), Flatten(actual.Preface));
        Assert.Equal(expected.Sections.Select(s => (s.Key, s.Heading)), actual.Sections.Select(s => (s.Key, s.Heading)));
        for (int i = 0; i < expected.Sections.Count; i++)
            Assert.Equal(Flatten(expected.Sections[i].Blocks).Select(printed), Flatten(actual.Sections[i].Blocks));
    }

    public static void TitleBlock(Report expected, Report actual) =>
        Assert.Equal((expected.Edition, expected.Agency, expected.Year, expected.EffectiveTitle, expected.PublicationDate),
            (actual.Edition, actual.Agency, actual.Year, actual.EffectiveTitle, actual.PublicationDate));

    /// <summary>Blocks as lines "depth kind text", so a difference shows where it is.</summary>
    public static List<string> Flatten(IEnumerable<Block> blocks, int depth = 0) => blocks.SelectMany(b => b switch
    {
        Paragraph p => [$"{depth} P {p.Text}"],
        Point pt => [$"{depth} L {pt.Lead} | {pt.Text}"],
        Subsection s => Flatten(s.Blocks, depth + 1).Prepend($"{depth} H {s.Heading}"),
        _ => [$"{depth} ? {b}"],
    }).ToList();

    public static string Issues(ImportResult result) => string.Join("\n", result.Issues);
}
