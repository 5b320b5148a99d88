using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Core.Tests.Excel;

/// <summary>
/// Writes a workbook the way an office might keep one, not the way DocGen does: every table on one sheet at
/// odd places, no merged cells, inline strings, half-width brackets in the labels, no edition named, title data
/// with a gap between label and value. Only the official labels are the same.
/// </summary>
internal static class ForeignWorkbook
{
    /// <param name="extraRowAfter">A row key of table 三 after which an unrelated note row is inserted.</param>
    public static byte[] Write(Report report, string? extraRowAfter = null)
    {
        var edition = EditionCatalog.Find(report.Edition)!;
        var cells = new SortedDictionary<(int Row, int Col), Cell>();
        void Put(int r, int c, Cell cell) { cell.CellReference = $"{Column(c)}{r}"; cells[(r, c)] = cell; }

        Put(2, 2, Text("机关名称"));
        Put(2, 4, Text(report.Agency));
        Put(3, 2, Text("报告年度"));
        Put(3, 4, Number(report.Year.ToString(CultureInfo.InvariantCulture)));
        if (report.PublicationDate is { } d)
        {
            Put(4, 2, Text("发布日期"));
            Put(4, 3, Text($"{d.Year}年{d.Month}月{d.Day}日"));
        }

        int top = 7;
        int[] columns = [3, 2, 5];
        int t = 0;
        foreach (var table in edition.Tables.Where(t => report.Tables.ContainsKey(t.Id)))
        {
            int left = columns[t++];
            Put(top - 1, left, Text($"{table.Name}（自行整理）"));
            int shift = 0;
            for (int i = 0; i < table.Layout.Count; i++)
            {
                int r = top + i + shift;
                foreach (var layout in table.Layout[i])
                {
                    if (layout.Text is { } label) Put(r, left + layout.Column, Text(label.Replace('（', '(').Replace('）', ')')));
                    else if (layout.Data is { } data && report.Tables[table.Id].Get(data.RowKey, data.Column) is { } value && value.Kind != CellKind.Blank)
                        Put(r, left + layout.Column, value.HasNumber && value.Unit is null ? Number(value.Number.ToString(CultureInfo.InvariantCulture)) : Text(value.Display));
                }
                if (extraRowAfter is not null && table.Layout[i].Any(c => c.Data?.RowKey == extraRowAfter))
                {
                    shift++;
                    Put(top + i + shift, left, Text("注：本行为本单位自行添加的说明"));
                }
            }
            top += table.Layout.Count + shift + 4;
        }

        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            var sheetPart = book.AddNewPart<WorksheetPart>("rId1");
            var data = new SheetData(cells.GroupBy(c => c.Key.Row).Select(g => new Row(g.Select(c => c.Value)) { RowIndex = (uint)g.Key }));
            sheetPart.Worksheet = new Worksheet(data);
            book.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = "rId1" }));
        }
        return ms.ToArray();
    }

    private static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) };

    private static Cell Number(string s) => new() { CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(s) };

    private static string Column(int col) => col <= 26 ? ((char)('A' + col - 1)).ToString() : Column((col - 1) / 26) + (char)('A' + (col - 1) % 26);
}
