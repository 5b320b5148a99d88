using System.Xml;
using DocGen.Core.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Core.Excel;

/// <summary>What a worksheet cell holds, as text. <see cref="Covered"/> marks a cell inside a merge (it repeats the merge's text).</summary>
internal sealed record SheetCell(string Address, string Text, bool IsNumber, bool IsFormula, bool HasCachedValue, bool Covered, bool IsDateStyle)
{
    public bool IsBlank => !IsFormula && Text.Trim().Length == 0;
}

/// <summary>One worksheet as a grid of cells by (row, column), 1-based, with merged cells resolved.</summary>
internal sealed class SheetGrid(string name, IReadOnlyDictionary<(int Row, int Col), SheetCell> cells,
    IReadOnlyList<(int Row, int Col, int LastRow, int LastCol)>? merges = null)
{
    public string Name { get; } = name;
    public IReadOnlyDictionary<(int Row, int Col), SheetCell> Cells { get; } = cells;
    public IReadOnlyList<(int Row, int Col, int LastRow, int LastCol)> Merges { get; } = merges ?? [];

    public SheetCell? At(int row, int col) => Cells.GetValueOrDefault((row, col));

    /// <summary>Reads every worksheet of a workbook that <see cref="Import.Readers.ZipSafety"/> has passed.</summary>
    public static IReadOnlyList<SheetGrid> ReadAll(byte[] xlsx, string what)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx, writable: false), false);
            var book = doc.WorkbookPart ?? throw new ImportException(ImportRefusals.CorruptXlsx, $"{what}中没有工作簿内容（不是.xlsx工作簿）");
            var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(book.WorkbookStylesPart?.Stylesheet);
            var grids = new List<SheetGrid>();
            foreach (var sheet in book.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part) continue;
                grids.Add(Read(sheet.Name?.Value ?? "", part.Worksheet, shared, dateStyles));
            }
            if (grids.Count == 0) throw new ImportException(ImportRefusals.CorruptXlsx, $"{what}中没有工作表");
            return grids;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                      or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new ImportException(ImportRefusals.CorruptXlsx, $"{what}已损坏或不是.xlsx工作簿，无法读取", e);
        }
    }

    private static SheetGrid Read(string name, Worksheet? worksheet, string[] shared, HashSet<uint> dateStyles)
    {
        var cells = new Dictionary<(int, int), SheetCell>();
        var merges = new List<(int, int, int, int)>();
        if (worksheet is null) return new SheetGrid(name, cells);
        foreach (var row in worksheet.Elements<SheetData>().SelectMany(d => d.Elements<Row>()))
        {
            int col = 0;
            int rowIndex = (int)(row.RowIndex?.Value ?? 0);
            foreach (var cell in row.Elements<Cell>())
            {
                int r = rowIndex;
                // A cell without an address follows the previous one, as the format allows.
                if (!CellAddress.TryParse(cell.CellReference?.Value, out r, out col)) { r = rowIndex; col++; }
                if (r <= 0) continue;
                var type = cell.DataType?.Value;
                string raw = cell.CellValue?.Text ?? "";
                string text = type == CellValues.SharedString
                    ? int.TryParse(raw, out int i) && i >= 0 && i < shared.Length ? shared[i] : ""
                    : type == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                    : raw;
                bool isFormula = cell.CellFormula is not null;
                bool isNumber = type is null || type == CellValues.Number;
                string address = CellAddress.Of(r, col);
                cells[(r, col)] = new SheetCell(address, text, isNumber && raw.Length > 0, isFormula, cell.CellValue is not null && raw.Length > 0,
                    false, cell.StyleIndex?.Value is { } s && dateStyles.Contains(s));
            }
        }
        foreach (var merge in worksheet.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()))
        {
            var ends = (merge.Reference?.Value ?? "").Split(':');
            if (ends.Length != 2 || !CellAddress.TryParse(ends[0], out int r0, out int c0) || !CellAddress.TryParse(ends[1], out int r1, out int c1)) continue;
            if (r1 < r0 || c1 < c0 || (long)(r1 - r0 + 1) * (c1 - c0 + 1) > 10_000) continue;
            merges.Add((r0, c0, r1, c1));
            var top = cells.GetValueOrDefault((r0, c0));
            for (int r = r0; r <= r1; r++)
                for (int c = c0; c <= c1; c++)
                    if (r != r0 || c != c0)
                        cells[(r, c)] = new SheetCell(CellAddress.Of(r, c), top?.Text ?? "", top?.IsNumber ?? false, false, false, true, false);
        }
        return new SheetGrid(name, cells, merges);
    }

    /// <summary>Cell formats whose number format is a date, so a date typed into the title sheet is read as one.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && (code.Contains('y') || code.Contains('d')) && !code.Contains('"' + "y"))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        uint index = 0;
        foreach (var xf in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            uint id = xf.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 50 and <= 58 || custom.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }
}
