using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Excel;

/// <summary>
/// Where one mandated table sits on its sheet: the edition's drawn grid (the same <see cref="LayoutCell"/>s
/// the Word template uses) placed below a heading row, and the 勾稽关系 check block to its right.
/// </summary>
internal sealed record TableSheet(TableDef Table, string SheetName, string Heading)
{
    /// <summary>Row of the heading; the table's first layout row is the row after it.</summary>
    public const int HeadingRow = 1;
    public const int FirstRow = 2;
    public const int FirstColumn = 1;

    public int Row(int layoutRow) => FirstRow + layoutRow;
    public static int Col(int layoutColumn) => FirstColumn + layoutColumn;
    public int LastRow => Row(Table.Layout.Count - 1);
    public int LastColumn => Col(Table.GridColumns - 1);

    /// <summary>The check block starts one empty column to the right of the table.</summary>
    public int CheckColumn => LastColumn + 2;

    /// <summary>Every drawn cell with its sheet position.</summary>
    public IEnumerable<(LayoutCell Cell, int Row, int Col)> Cells() =>
        Table.Layout.SelectMany((line, i) => line.Select(c => (c, Row(i), Col(c.Column))));

    /// <summary>The sheet position of every data cell of the table.</summary>
    public IReadOnlyDictionary<CellRef, (int Row, int Col)> DataCells() =>
        Cells().Where(x => x.Cell.Data is not null).ToDictionary(x => x.Cell.Data!.Value, x => (x.Row, x.Col));
}

/// <summary>A field of the title-data sheet: its label and how it is read from a report.</summary>
internal sealed record TitleField(string Key, string Label, Func<Report, string?> Get, bool Number = false);

/// <summary>The sheets of an edition's workbook, in order, and the title-data fields.</summary>
internal static class WorkbookLayout
{
    public const string TitleSheetName = "基本信息";
    public const string TitleHeading = "政府信息公开工作年度报告基本信息";
    public const string CheckHeading = "勾稽关系核对";
    public const string EditionKey = "edition";

    public static readonly TitleField[] TitleFields =
    [
        new(EditionKey, "格式版本", r => r.Edition),
        new("agency", "机关名称", r => r.Agency),
        new("year", "报告年度", r => r.Year > 0 ? r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, Number: true),
        new("title", "报告标题（可不填，默认为机关名称+年度+政府信息公开工作年度报告）", r => r.Title),
        new("publicationDate", "发布日期（如2025-01-20）", r => r.PublicationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("office", "联系单位", r => r.Contact?.Office),
        new("address", "联系地址", r => r.Contact?.Address),
        new("postcode", "邮政编码", r => r.Contact?.Postcode),
        new("phone", "联系电话", r => r.Contact?.Phone),
        new("fax", "传真", r => r.Contact?.Fax),
        new("email", "电子邮箱", r => r.Contact?.Email),
        new("website", "网址", r => r.Contact?.Website),
    ];

    /// <summary>Only the mandated editions have tables; a legacy report's parts are free narrative, so it has no workbook.</summary>
    public static bool HasWorkbook(Edition edition) => edition.Mandated && edition.Tables.Count > 0;

    public static IReadOnlyList<TableSheet> TableSheets(Edition edition) =>
        edition.Tables.Select(t => new TableSheet(t, t.Name, edition.Section(t.SectionKey)?.Heading ?? t.Name)).ToArray();
}
