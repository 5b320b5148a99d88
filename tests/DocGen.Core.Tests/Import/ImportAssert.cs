using DocGen.Core.Import;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Import;

internal static class ImportAssert
{
    /// <summary>Every row of the table, and no other, with each cell as it is published ("333", "9.46万元", "-3").</summary>
    public static void Table(Report report, string tableId, Dictionary<string, string[]> expected)
    {
        Assert.True(report.Tables.TryGetValue(tableId, out var data), $"table {tableId} missing");
        Assert.Equal(expected.Keys.Order(), data!.Rows.Keys.Order());
        foreach (var (row, cells) in expected)
            Assert.True(cells.SequenceEqual(data.Rows[row].Select(c => c.Display)),
                $"{tableId}/{row}: expected [{string.Join(", ", cells)}], got [{string.Join(", ", data.Rows[row].Select(c => c.Display))}]");
    }

    /// <summary>The section headings in order, each with its number of top-level blocks.</summary>
    public static void Sections(Report report, params (string Heading, int Blocks)[] expected) =>
        Assert.Equal(expected, report.Sections.Select(s => (s.Heading, s.Blocks.Count)).ToArray());

    public static void HasIssue(ImportResult result, int line, string code, bool isError) =>
        Assert.Contains(result.Issues, i => i.Line == line && i.Code == code && i.IsError == isError);

    public static string Issues(ImportResult result) => string.Join("\n", result.Issues);
}
