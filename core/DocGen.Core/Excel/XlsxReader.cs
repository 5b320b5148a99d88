using System.Globalization;
using DocGen.Core.Import;
using DocGen.Core.Import.Readers;

namespace DocGen.Core.Excel;

/// <summary>
/// An Excel or WPS workbook, DocGen's or anyone's: each worksheet becomes one grid of its used range, merged
/// cells resolved, an empty cell blank (null), numbers as the decimal text Excel shows (15 significant digits),
/// date cells as yyyy-MM-dd. A formula is read by the result the file keeps; where the file keeps none the
/// cell is blank. Both are reported with their cell (FORMULA_VALUE, FORMULA_NOT_COMPUTED), so the matcher
/// can warn about, or refuse, a formula in a value cell.
/// </summary>
public sealed class XlsxReader : IDocumentReader
{
    public const string FormatName = "xlsx";
    public const string FormulaValue = "FORMULA_VALUE";
    public const string FormulaNotComputed = ImportRefusals.FormulaNotComputed;
    /// <summary>Largest workbook accepted, checked before anything is unpacked; DocGen's own are about 15 KB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;
    /// <summary>Largest used range of one sheet, in cells: a stray cell at XFD1048576 must not make a grid of 17 billion.</summary>
    public const long MaxGridCells = 1_000_000;
    private const string What = "Excel工作簿";

    public string Format => FormatName;
    /// <summary>".xls" too, so the old binary format gets its own clear refusal.</summary>
    public IReadOnlyList<string> Extensions { get; } = [".xlsx", ".xlsm", ".xls"];
    public IReadOnlyList<string> MediaTypes { get; } = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"];

    public bool Sniff(ReadOnlySpan<byte> head) => ZipSafety.LooksLikeZip(head) && head.IndexOf("xl/workbook.xml"u8) >= 0;

    public NeutralDocument Read(ReadOnlyMemory<byte> content, string? fileName)
    {
        string name = fileName is null ? What : $"{What}“{fileName}”";
        if (content.Length > MaxFileBytes)
            throw new ImportException(ImportRefusals.FileTooLarge, $"{name}大小为{content.Length}字节，超过上限{MaxFileBytes}字节");
        ZipSafety.Check(content, What, fileName);
        var issues = new List<ImportIssue>();
        var elements = new List<DocElement>();
        int line = 0;
        foreach (var sheet in SheetGrid.ReadAll(content.ToArray(), name))
        {
            var used = sheet.Cells.Where(c => !c.Value.IsBlank).Select(c => c.Key).ToList();
            if (used.Count == 0) continue;
            int r0 = used.Min(k => k.Row), r1 = used.Max(k => k.Row), c0 = used.Min(k => k.Col), c1 = used.Max(k => k.Col);
            if ((long)(r1 - r0 + 1) * (c1 - c0 + 1) > MaxGridCells)
                throw new ImportException(ImportRefusals.SheetTooLarge, $"{name}的工作表“{sheet.Name}”所用区域{CellAddress.Range(r0, c0, r1, c1)}超过{MaxGridCells}个单元格");
            var spans = sheet.Merges.ToDictionary(m => (m.Row, m.Col), m => (Rows: m.LastRow - m.Row + 1, Cols: m.LastCol - m.Col + 1));
            var rows = new List<IReadOnlyList<GridCell>>();
            for (int r = r0; r <= r1; r++)
            {
                line++;
                var row = new List<GridCell>();
                for (int c = c0; c <= c1; c++)
                {
                    var place = new SourcePlace(line, $"{sheet.Name}!{CellAddress.Of(r, c)}");
                    var cell = sheet.At(r, c);
                    if (cell is { Covered: true }) { row.Add(GridCell.CoveredAt(place)); continue; }
                    var grid = new GridCell(cell is null ? null : Text(cell, place, issues), place);
                    if (spans.TryGetValue((r, c), out var span)) grid = grid with { RowSpan = span.Rows, ColSpan = span.Cols };
                    row.Add(grid);
                }
                rows.Add(row);
            }
            elements.Add(new DocGrid(rows, new SourcePlace(line - rows.Count + 1, $"工作表“{sheet.Name}”")));
        }
        return new NeutralDocument(FormatName, elements) { FileName = fileName, ReaderIssues = issues };
    }

    private static string? Text(SheetCell cell, SourcePlace place, List<ImportIssue> issues)
    {
        if (cell.IsFormula && !cell.HasCachedValue)
        {
            issues.Add(new ImportIssue(place.Line, FormulaNotComputed, $"{place.Where}是公式，但文件中没有它的计算结果，按空白读取", false) { Where = place.Where });
            return null;
        }
        string text = cell.IsNumber ? Number(cell.Text, cell.IsDateStyle) : cell.Text;
        if (cell.IsFormula)
            issues.Add(new ImportIssue(place.Line, FormulaValue, $"{place.Where}是公式，读取其计算结果“{text}”", false) { Where = place.Where });
        return text.Trim().Length == 0 ? null : text;
    }

    /// <summary>A stored double as Excel shows it ("3755.5200000000004" → "3755.52"), or a date serial as yyyy-MM-dd.</summary>
    private static string Number(string raw, bool date)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || double.IsNaN(d) || double.IsInfinity(d)) return raw;
        if (date && d is > 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(d)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return decimal.TryParse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
            ? m.ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }
}
