using System.Text;

namespace DocGen.Core.Excel;

/// <summary>A1-style cell addresses: 1-based row and column to "D7" and back.</summary>
internal static class CellAddress
{
    public static string Column(int col)
    {
        var sb = new StringBuilder();
        for (int n = col; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + (n - 1) % 26));
        return sb.ToString();
    }

    public static string Of(int row, int col) => Column(col) + row;

    public static string Range(int row, int col, int lastRow, int lastCol) =>
        row == lastRow && col == lastCol ? Of(row, col) : $"{Of(row, col)}:{Of(lastRow, lastCol)}";

    /// <summary>"D7" → (7, 4); false for anything that is not a plain A1 address.</summary>
    public static bool TryParse(string? a1, out int row, out int col)
    {
        row = col = 0;
        if (string.IsNullOrEmpty(a1)) return false;
        int i = 0;
        while (i < a1.Length && char.IsAsciiLetter(a1[i]))
        {
            col = col * 26 + (char.ToUpperInvariant(a1[i]) - 'A' + 1);
            if (col > 16384) return false;
            i++;
        }
        if (i == 0 || i == a1.Length) return false;
        for (; i < a1.Length; i++)
        {
            if (!char.IsAsciiDigit(a1[i])) return false;
            row = row * 10 + (a1[i] - '0');
            if (row > 1_048_576) return false;
        }
        return row > 0;
    }

    /// <summary>
    /// The addresses of <paramref name="cells"/> folded into the fewest ranges a formula needs: runs down a
    /// column, or along a row, become "D5:D12" (Excel allows 255 arguments; the longest lane of the editions has 26 cells).
    /// </summary>
    public static IReadOnlyList<string> Ranges(IEnumerable<(int Row, int Col)> cells)
    {
        var list = cells.Distinct().ToList();
        var result = new List<string>();
        var byColumn = list.GroupBy(c => c.Col).Where(g => g.Count() > 1).ToList();
        var used = new HashSet<(int, int)>();
        foreach (var g in byColumn)
        {
            var rows = g.Select(c => c.Row).Order().ToList();
            for (int i = 0; i < rows.Count;)
            {
                int j = i;
                while (j + 1 < rows.Count && rows[j + 1] == rows[j] + 1) j++;
                if (j > i)
                {
                    result.Add(Range(rows[i], g.Key, rows[j], g.Key));
                    for (int k = i; k <= j; k++) used.Add((rows[k], g.Key));
                }
                i = j + 1;
            }
        }
        var rest = list.Where(c => !used.Contains((c.Row, c.Col))).ToList();
        foreach (var g in rest.GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            var cols = g.Select(c => c.Col).Order().ToList();
            for (int i = 0; i < cols.Count;)
            {
                int j = i;
                while (j + 1 < cols.Count && cols[j + 1] == cols[j] + 1) j++;
                result.Add(Range(g.Key, cols[i], g.Key, cols[j]));
                i = j + 1;
            }
        }
        return result;
    }
}
