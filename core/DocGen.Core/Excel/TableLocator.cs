using DocGen.Core.Editions;
using DocGen.Core.Import;

namespace DocGen.Core.Excel;

/// <summary>Where a mandated table was found: the sheet, the offset of its drawn grid, and how many of its labels agree.</summary>
internal sealed record TableMatch(SheetGrid Sheet, int RowOffset, int ColOffset, int Votes, int Labels)
{
    public double Score => Labels == 0 ? 0 : (double)Votes / Labels;
}

/// <summary>
/// Finds a mandated table in any workbook by its labels, wherever it starts: every label cell of the edition's
/// drawn grid that appears on a sheet votes for the offset that would put the grid there, and the offset with
/// most votes wins. Labels are compared in <see cref="TextNorm.Label"/> form (brackets, widths, spaces).
/// </summary>
internal static class TableLocator
{
    /// <summary>Half the labels must agree before a grid is taken for the table.</summary>
    public const double MinScore = 0.5;

    public static IReadOnlyList<(int Row, int Col, string Label)> Labels(TableDef table) =>
        table.Layout.SelectMany((line, i) => line.Where(c => c.Text is not null).Select(c => (i, c.Column, TextNorm.Label(c.Text!)))).ToArray();

    public static TableMatch? Find(TableDef table, IReadOnlyList<SheetGrid> sheets)
    {
        var labels = Labels(table);
        var wanted = labels.Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
        TableMatch? best = null;
        foreach (var sheet in sheets)
        {
            var where = new Dictionary<string, List<(int Row, int Col)>>(StringComparer.Ordinal);
            foreach (var (pos, cell) in sheet.Cells)
            {
                if (cell.Covered || cell.IsNumber) continue;
                string norm = TextNorm.Label(cell.Text);
                if (!wanted.Contains(norm)) continue;
                if (!where.TryGetValue(norm, out var list)) where[norm] = list = [];
                list.Add(pos);
            }
            var votes = new Dictionary<(int, int), int>();
            foreach (var (row, col, label) in labels)
                foreach (var (r, c) in where.GetValueOrDefault(label) ?? [])
                    votes[(r - row, c - col)] = votes.GetValueOrDefault((r - row, c - col)) + 1;
            foreach (var ((dr, dc), n) in votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Item1).ThenBy(v => v.Key.Item2).Take(1))
                if (best is null || n > best.Votes) best = new TableMatch(sheet, dr, dc, n, labels.Count);
        }
        return best is { Score: >= MinScore } ? best : null;
    }
}
