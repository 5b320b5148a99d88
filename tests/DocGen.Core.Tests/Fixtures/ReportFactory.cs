using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Tests.Fixtures;

/// <summary>
/// Builds complete reports whose figures agree with every rule, with distinct values in most cells,
/// so a test can break exactly one thing and expect exactly one finding.
/// </summary>
public static class ReportFactory
{
    public static Report Consistent(string editionId = EditionCatalog.Id2021, int? year = null)
    {
        var edition = EditionCatalog.Find(editionId)!;
        int y = year ?? edition.FirstYear!.Value + 1;
        var sections = edition.Sections.Select((s, i) => new Section
        {
            Key = edition.Mandated ? s.Key : null,
            Heading = s.Heading,
            Blocks = s.TableId is null
                ? [new Paragraph($"第{i + 1}部分的正文。"), new Point("1.要点首句。", "要点正文。"), new Subsection("（一）小节标题", [new Paragraph("小节正文。")])]
                : [],
        }).ToList();
        var tables = new Dictionary<string, TableData>();
        foreach (var table in edition.Tables)
            tables[table.Id] = table.Id switch
            {
                TableIds.Requests => Requests(table),
                TableIds.Reviews => Reviews(table),
                _ => Simple(table),
            };
        return new Report
        {
            Edition = edition.Id,
            Agency = "测试市人民政府",
            Year = y,
            PublicationDate = new DateOnly(y + 1, 1, 20),
            Contact = new Contact { Office = "测试市人民政府办公室", Phone = "0000-1234567" },
            Preface = [new Paragraph("根据《中华人民共和国政府信息公开条例》，现公布本年度报告。")],
            Sections = sections,
            Tables = tables,
        };
    }

    public static Report WithCell(this Report report, string tableId, string rowKey, int column, CellValue value)
    {
        var table = report.Tables[tableId];
        var rows = table.Rows.ToDictionary(r => r.Key, r => r.Value);
        var cells = rows[rowKey].ToArray();
        cells[column] = value;
        rows[rowKey] = cells;
        var tables = report.Tables.ToDictionary(t => t.Key, t => t.Value);
        tables[tableId] = new TableData(rows);
        return report with { Tables = tables };
    }

    private static TableData Simple(TableDef table) => new(table.Rows.Select((r, ri) => (r.Key, Cells: (IReadOnlyList<CellValue>)r.Columns
            .Select((c, ci) => c.Kind switch
            {
                ValueKind.Money => new CellValue(CellKind.Decimal, 12.5m + ri, c.Label.Contains("元") ? null : "万元"),
                ValueKind.Change => new CellValue(CellKind.Change, ci % 2 == 0 ? -3 : 4),
                _ => CellValue.Integer(10 * (ri + 1) + ci + 1),
            }).ToArray()))
        .ToDictionary(x => x.Key, x => x.Cells));

    private static TableData Requests(TableDef table)
    {
        const int applicants = 6;
        var results = table.Rows.Where(r => r.LabelPath.Count > 1 && r.Key != "resultTotal").ToList();
        var values = new Dictionary<string, long[]>();
        for (int i = 0; i < results.Count; i++)
            values[results[i].Key] = Enumerable.Range(0, applicants).Select(c => (long)((i * 7 + c * 3) % 11)).ToArray();
        var resultTotal = Enumerable.Range(0, applicants).Select(c => results.Sum(r => values[r.Key][c])).ToArray();
        values["resultTotal"] = resultTotal;
        values["carriedOver"] = Enumerable.Range(0, applicants).Select(c => (long)(c + 1)).ToArray();
        values["carriedForward"] = Enumerable.Range(0, applicants).Select(c => (long)(2 * c + 1)).ToArray();
        values["newRequests"] = Enumerable.Range(0, applicants)
            .Select(c => resultTotal[c] + values["carriedForward"][c] - values["carriedOver"][c]).ToArray();
        return new TableData(table.Rows.ToDictionary(r => r.Key, r => (IReadOnlyList<CellValue>)values[r.Key]
            .Append(values[r.Key].Sum()).Select(CellValue.Integer).ToArray()));
    }

    private static TableData Reviews(TableDef table) => new(table.Rows.Select((r, gi) =>
    {
        long[] parts = [gi + 1, gi + 2, gi, 3 - gi];
        return (r.Key, Cells: (IReadOnlyList<CellValue>)parts.Append(parts.Sum()).Select(CellValue.Integer).ToArray());
    }).ToDictionary(x => x.Key, x => x.Cells));
}
