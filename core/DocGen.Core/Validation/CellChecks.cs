using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>Checks that every cell of a table is there and holds the kind of value its column takes.</summary>
internal static class CellChecks
{
    public const int MaxMoneyDecimals = 2;

    /// <summary>
    /// 10亿元 written in 万元: beyond what an agency's table usually holds, and exactly what a 元 figure typed
    /// into a 万元 column looks like (seed 000 has 109448 there).
    /// </summary>
    public const decimal SuspiciousWanYuan = 100_000m;

    public static void Check(TableDef table, TableData data, FindingList findings)
    {
        foreach (var row in table.Rows)
        {
            if (!data.Rows.TryGetValue(row.Key, out var cells))
            {
                findings.Add(Finding.Error("MISSING_ROW", Pointer.Join(Pointer.Join("/tables", table.Id), row.Key),
                    $"{table.Name}缺少“{row.FullLabel}”行的数据") with { Table = table.Name, Row = row.FullLabel });
                continue;
            }
            for (int c = 0; c < row.Columns.Count && c < cells.Count; c++)
                CheckCell(table, row, row.Columns[c], cells[c], Pointer.Cell(table.Id, new CellRef(row.Key, c)), findings);
        }
    }

    private static void CheckCell(TableDef table, RowDef row, ColumnDef column, CellValue cell, string pointer, FindingList findings)
    {
        string where = $"{table.Name}“{row.Label}”行“{column.Label}”列";
        Finding At(Finding f) => f with { Table = table.Name, Row = row.FullLabel, Column = column.Label, Actual = cell.Display };
        void Error(string code, string message) => findings.Add(At(Finding.Error(code, pointer, $"{where}{message}")));

        if (cell.Kind == CellKind.Blank)
        {
            findings.Add(At(Finding.Warning("BLANK_CELL", pointer, $"{where}为空白（未填写），不按0计算；规定格式应填写数值，没有的填0")));
            return;
        }
        if (!cell.HasNumber) return;
        bool whole = cell.Number == decimal.Truncate(cell.Number);
        switch (column.Kind)
        {
            case ValueKind.Count when cell.Number < 0:
                Error("NEGATIVE_COUNT", $"为{cell.Display}，件数不能为负数");
                break;
            case ValueKind.Count or ValueKind.Change when !whole:
                Error("NOT_INTEGER", $"为{cell.Display}，应为整数");
                break;
            case ValueKind.Money when cell.Number < 0:
                Error("NEGATIVE_AMOUNT", $"为{cell.Display}，金额不能为负数");
                break;
            case ValueKind.Money when cell.Number.Scale > MaxMoneyDecimals && cell.Number != Math.Round(cell.Number, MaxMoneyDecimals):
                Error("MONEY_PRECISION", $"为{cell.Display}，金额最多保留{MaxMoneyDecimals}位小数");
                break;
            case ValueKind.Money when column.Label.Contains("万元") && cell.Unit is "元":
                Error("UNIT_MISMATCH", $"的单位为万元，单元格却写作元");
                break;
            case ValueKind.Money when !column.Label.Contains("元") && cell.Unit is null:
                findings.Add(At(Finding.Warning("MONEY_UNIT_MISSING", pointer, $"{where}未注明单位（元或万元）")));
                break;
            case ValueKind.Money when (cell.Unit ?? (column.Label.Contains("万元") ? "万元" : null)) == "万元" && cell.Number >= SuspiciousWanYuan:
                findings.Add(At(Finding.Warning("MONEY_MAGNITUDE", pointer,
                    $"{where}为{cell.Number}万元（约{cell.Number / 10000m:0.#}亿元），请确认是否把以元计的金额填入了万元栏")));
                break;
        }
    }
}
