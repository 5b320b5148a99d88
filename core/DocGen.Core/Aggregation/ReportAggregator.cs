using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Aggregation;

/// <summary>
/// Compiles the report of a city or county from the reports of its departments and districts: every
/// table cell is the sum of the parts' cells (the tables add up), the narrative is left for the office
/// to write. Money given in 元 is converted to 万元 before adding.
/// </summary>
public static class ReportAggregator
{
    public static Report Sum(IReadOnlyList<Report> parts, string agency, int year)
    {
        if (parts.Count == 0) throw new DocGenException("AGGREGATE_EMPTY", "没有可汇总的报告");
        var editions = parts.Select(p => p.Edition).Distinct().ToList();
        if (editions.Count > 1)
            throw new DocGenException("AGGREGATE_EDITION_MIXED", $"待汇总的报告格式版本不一致（{string.Join("、", editions)}），只能汇总同一版本的报告");
        var edition = EditionCatalog.Find(editions[0])!;
        if (!edition.Mandated) throw new DocGenException("AGGREGATE_NO_TABLES", $"{edition.Id}版报告没有规定表格，无法汇总");
        var wrongYear = parts.Where(p => p.Year != year).Select(p => $"{p.Agency}（{p.Year}年）").ToList();
        if (wrongYear.Count > 0)
            throw new DocGenException("AGGREGATE_YEAR_MIXED", $"以下报告不是{year}年度的：{string.Join("、", wrongYear)}");

        var tables = edition.Tables.ToDictionary(t => t.Id, t => SumTable(t, parts));
        var agencies = parts.Select(p => p.Agency).Distinct().ToList();
        return new Report
        {
            Edition = edition.Id,
            Agency = agency,
            Year = year,
            Preface = [new Paragraph($"本报告表格数据由以下{agencies.Count}个单位的{year}年政府信息公开工作年度报告汇总而成：{string.Join("、", agencies)}。")],
            Sections = edition.Sections.Select(s => new Section { Key = s.Key, Heading = s.Heading }).ToList(),
            Tables = tables,
        };
    }

    private static TableData SumTable(TableDef table, IReadOnlyList<Report> parts) =>
        new(table.Rows.ToDictionary(r => r.Key, r => (IReadOnlyList<CellValue>)r.Columns
            .Select((column, c) => SumCell(column, parts.Select(p => p.Tables.GetValueOrDefault(table.Id)?.Get(r.Key, c)).OfType<CellValue>().ToList()))
            .ToArray()));

    private static CellValue SumCell(ColumnDef column, IReadOnlyList<CellValue> cells)
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
