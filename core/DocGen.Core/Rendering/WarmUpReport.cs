using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Rendering;

/// <summary>
/// A small report of the current edition that goes through every step a real one does (tables, points,
/// subsections), for a service to render once in the background at start, so its first caller does not
/// pay for loading fonts and compiling code. Its output is thrown away.
/// </summary>
public static class WarmUpReport
{
    public static Report Create()
    {
        var edition = EditionCatalog.Find(EditionCatalog.Id2021)!;
        int year = edition.FirstYear!.Value;
        var tables = edition.Tables.ToDictionary(t => t.Id, t => new TableData(
            t.Rows.ToDictionary(r => r.Key, r => (IReadOnlyList<CellValue>)r.Columns.Select(_ => CellValue.Integer(0)).ToList())));
        return new Report
        {
            Edition = edition.Id,
            Agency = "某县人民政府",
            Year = year,
            PublicationDate = new DateOnly(year + 1, 1, 20),
            Contact = new Contact { Office = "某县人民政府办公室", Phone = "0000-1234567" },
            Preface = [new Paragraph($"根据《中华人民共和国政府信息公开条例》，现公布{year}年度报告。统计期限自{year}年1月1日起至12月31日止。")],
            Sections = edition.Sections.Select(s => new Section
            {
                Key = s.Key,
                Heading = s.Heading,
                Blocks = s.TableId is null
                    ? [new Subsection("（一）主动公开", [new Point("1.及时发布权威信息。", "全年主动公开政府信息0条，其中政策文件0件。")])]
                    : [],
            }).ToList(),
            Tables = tables,
        };
    }
}
