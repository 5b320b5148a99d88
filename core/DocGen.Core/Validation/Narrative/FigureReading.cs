using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation.Narrative;

/// <summary>
/// A <see cref="FigureSum"/> resolved against an edition: the table, rows and column it names, and how a
/// message names them (表三“一、本年新收政府信息公开申请数量”总计), all from the edition definition.
/// </summary>
internal sealed record FigureReading(TableDef Table, IReadOnlyList<RowDef> Rows, int Column, string Description, string RowName)
{
    public ColumnDef ColumnDef => Rows[0].Columns[Column];

    /// <summary>The cells' JSON pointers, made once: every finding about this figure shares them.</summary>
    private IReadOnlyList<string> CellPointers { get; } = Rows.Select(r => Pointer.Cell(Table.Id, new CellRef(r.Key, Column))).ToArray();

    /// <summary>Null when the edition lacks the table, a row or the column.</summary>
    public static FigureReading? Resolve(Edition edition, FigureSum sum)
    {
        var table = edition.Table(sum.TableId);
        if (table is null) return null;
        var rows = new List<RowDef>();
        foreach (var key in sum.RowKeys)
        {
            var row = table.Row(key);
            if (row is null) return null;
            if (sum.WholeGroup)
            {
                var parent = row.LabelPath.Take(row.LabelPath.Count - 1).ToArray();
                rows.AddRange(table.Rows.Where(r => r.LabelPath.Count == row.LabelPath.Count && r.LabelPath.Take(parent.Length).SequenceEqual(parent)));
            }
            else rows.Add(row);
        }
        return Build(table, rows, sum.ColumnKey, sum.WholeGroup);
    }

    /// <summary>The same rows, another column (尚未审结 of the cases a statement counts).</summary>
    public FigureReading? WithColumn(string columnKey) => Build(Table, Rows, columnKey, false);

    private static FigureReading? Build(TableDef table, IReadOnlyList<RowDef> rows, string columnKey, bool wholeGroup)
    {
        int column = -1;
        for (int c = 0; c < rows[0].Columns.Count; c++)
            if (rows[0].Columns[c].Key == columnKey) column = c;
        if (column < 0 || rows.Any(r => r.Columns.Count <= column || r.Columns[column].Key != columnKey)) return null;

        string label = rows[0].Columns[column].Label;
        bool group = wholeGroup && rows.Count > 1;
        string description = group
            ? $"{table.Name}“{rows[0].LabelPath[^2]}”各项{label}之和"
            : rows.Count == 1
                ? $"{table.Name}“{rows[0].Label}”{label}"
                : $"{table.Name}{string.Join("与", rows.Select(r => $"“{r.Label}”"))}{label}之和";
        string rowName = group
            ? string.Concat(rows[0].LabelPath.Take(rows[0].LabelPath.Count - 1))
            : string.Join("、", rows.Select(r => r.FullLabel));
        return new FigureReading(table, rows, column, description, rowName);
    }

    /// <summary>The sum of the cells, or null when one is missing, blank or "/": then nothing is said.</summary>
    public decimal? Value(Report report)
    {
        if (!report.Tables.TryGetValue(Table.Id, out var data)) return null;
        decimal total = 0;
        for (int i = 0; i < Rows.Count; i++)
        {
            if (data.Get(Rows[i].Key, Column) is not { HasNumber: true } cell) return null;
            total += cell.Number;
        }
        return total;
    }

    /// <summary>
    /// A warning about a statement of the paragraph at <paramref name="pointer"/>, made in one step, with the table, row and
    /// column fields of this figure: the row's full label, a group's label, or the rows' labels joined.
    /// </summary>
    public Finding Warning(string code, string pointer, string message, string quote, string expected, string? actual) => new()
    {
        Code = code,
        Severity = Severity.Warning,
        Pointer = pointer,
        Message = message,
        Table = Table.Name,
        Row = RowName,
        Column = ColumnDef.Label,
        Cells = CellPointers,
        Quote = quote,
        Expected = expected,
        Actual = actual,
    };
}
