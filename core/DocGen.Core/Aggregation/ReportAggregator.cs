using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Validation;

namespace DocGen.Core.Aggregation;

/// <summary>A compiled report and what the compiling office must know about it: the cells some parts left blank.</summary>
public sealed record Compilation(Report Report, IReadOnlyList<Finding> Findings);

/// <summary>
/// Compiles the report of a city or county from the reports of its departments and districts: every
/// table cell is the sum of the parts' cells (the tables add up), the narrative is left for the office
/// to write. Money given in 元 is converted to 万元 before adding. Blank is never 0: a cell that any part
/// left blank (or lacks) stays blank in the sum, with a warning naming those parts and the total of the others,
/// because a city total that silently counts a missing figure as nothing is a wrong figure in a published report.
/// </summary>
public static class ReportAggregator
{
    /// <summary>The code of the warning for a cell left blank in some parts (the sum is then blank too).</summary>
    public const string BlankCellCode = "AGGREGATE_CELL_BLANK";
    public const string EmptyCode = "AGGREGATE_EMPTY";
    public const string EditionMixedCode = "AGGREGATE_EDITION_MIXED";
    public const string NoTablesCode = "AGGREGATE_NO_TABLES";
    public const string YearMixedCode = "AGGREGATE_YEAR_MIXED";

    public static Report Sum(IReadOnlyList<Report> parts, string agency, int year) => Compile(parts, agency, year).Report;

    public static Compilation Compile(IReadOnlyList<Report> parts, string agency, int year)
    {
        if (parts.Count == 0) throw new DocGenException(EmptyCode, "没有可汇总的报告");
        var editions = parts.Select(p => p.Edition).Distinct().ToList();
        if (editions.Count > 1)
            throw new DocGenException(EditionMixedCode, $"待汇总的报告格式版本不一致（{string.Join("、", editions)}），只能汇总同一版本的报告");
        var edition = EditionCatalog.Find(editions[0])!;
        if (!edition.Mandated) throw new DocGenException(NoTablesCode, $"{edition.Id}版报告没有规定表格，无法汇总");
        var wrongYear = parts.Where(p => p.Year != year).Select(p => $"{p.Agency}（{p.Year}年）").ToList();
        if (wrongYear.Count > 0)
            throw new DocGenException(YearMixedCode, $"以下报告不是{year}年度的：{string.Join("、", wrongYear)}");

        var findings = new List<Finding>();
        var tables = edition.Tables.ToDictionary(t => t.Id, t => SumTable(t, parts, findings));
        var agencies = parts.Select(p => p.Agency).Distinct().ToList();
        var report = new Report
        {
            Edition = edition.Id,
            Agency = agency,
            Year = year,
            Preface = [new Paragraph($"本报告表格数据由以下{agencies.Count}个单位的{year}年政府信息公开工作年度报告汇总而成：{string.Join("、", agencies)}。")],
            Sections = edition.Sections.Select(s => new Section { Key = s.Key, Heading = s.Heading }).ToList(),
            Tables = tables,
        };
        return new Compilation(report, findings);
    }

    private static TableData SumTable(TableDef table, IReadOnlyList<Report> parts, List<Finding> findings) =>
        new(table.Rows.ToDictionary(r => r.Key, r => (IReadOnlyList<CellValue>)r.Columns
            .Select((column, c) => SumCell(table, r, c, parts.Select(p => (p.Agency, Cell: p.Tables.GetValueOrDefault(table.Id)?.Get(r.Key, c))).ToList(), findings))
            .ToArray()));

    private static CellValue SumCell(TableDef table, RowDef row, int c, IReadOnlyList<(string Agency, CellValue? Cell)> cells, List<Finding> findings)
    {
        var column = row.Columns[c];
        // A part without the cell at all (no such table or row) left it blank just the same.
        var blank = cells.Where(x => IsBlank(x.Cell)).Select(x => x.Agency).Distinct().ToList();
        var given = cells.Where(x => !IsBlank(x.Cell)).Select(x => x.Cell!.Value).ToList();
        if (blank.Count > 0)
        {
            string others = given.Count == 0 ? "各单位均未填写" : $"其余{given.Count}个单位合计为{Total(column, given).Display}";
            findings.Add(Finding.Warning(BlankCellCode, Pointer.Cell(table.Id, new CellRef(row.Key, c)),
                    $"{table.Name}“{row.Label}”行“{column.Label}”列：{string.Join("、", blank)}未填写（空白），汇总数留空；{others}")
                with { Table = table.Name, Row = row.FullLabel, Column = column.Label });
            return CellValue.Blank;
        }
        return Total(column, given);
    }

    private static bool IsBlank(CellValue? cell) => cell is null || cell.Value.Kind == CellKind.Blank;

    private static CellValue Total(ColumnDef column, IReadOnlyList<CellValue> cells)
    {
        if (cells.Count > 0 && cells.All(c => c.Kind == CellKind.NotApplicable)) return CellValue.NotApplicable;
        bool unitInCells = column.Kind == ValueKind.Money && !column.Label.Contains("元");
        decimal total = cells.Sum(c => unitInCells && c.Unit == "元" ? c.Arithmetic / 10000m : c.Arithmetic);
        return column.Kind switch
        {
            ValueKind.Money => new CellValue(CellKind.Decimal, total, unitInCells ? "万元" : null),
            ValueKind.Change => new CellValue(CellKind.Change, total),
            _ => CellValue.Integer((long)total),
        };
    }
}
