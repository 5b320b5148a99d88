using System.Globalization;
using DocGen.Core.Editions;
using DocGen.Core.Model;
using CellValue = DocGen.Core.Model.CellValue;
using XCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;
using DocGen.Core.Rendering;
using DocGen.Core.Word;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DocGen.Core.Excel;

/// <summary>
/// Writes the workbook of an edition: a title-data sheet and one sheet per mandated table in the official
/// layout (merged label cells from the edition's <see cref="LayoutCell"/>s), label cells locked, data
/// validation on value cells, and a block of check cells per table whose formulas come from the edition's
/// <see cref="Rule"/>s and turn red when a 勾稽关系 fails. With a report, its values fill the value cells
/// (blank stays blank, "/" is text); without one it is the template. Same input, same bytes.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The file name of an edition's workbook template under <c>templates/</c>.</summary>
    public static string FileName(Edition edition) => $"annual-report-{edition.Id}.xlsx";

    /// <summary>Whether the edition has a workbook: legacy reports have no mandated tables, so none.</summary>
    public static bool HasWorkbook(Edition edition) => WorkbookLayout.HasWorkbook(edition);

    /// <summary>The workbook template of every edition that has tables: its file name and how to build it.</summary>
    public static IEnumerable<(string FileName, Func<byte[]> Build)> Templates() =>
        EditionCatalog.All.Where(HasWorkbook).Select(e => (FileName(e), (Func<byte[]>)(() => Template(e))));

    public static byte[] Template(Edition edition) => Write(edition, null, new DateTime(edition.FirstYear ?? 2008, 1, 1));

    /// <summary>The filled workbook of a report of a mandated edition.</summary>
    public static byte[] Render(Report report)
    {
        var edition = EditionCatalog.Find(report.Edition) ?? throw new DocGenException("UNKNOWN_EDITION", $"未知的格式版本“{report.Edition}”");
        if (!HasWorkbook(edition))
            throw new DocGenException("WORKBOOK_NOT_FOR_EDITION", $"“{edition.Id}”版本没有规定的统计表格，不生成工作簿");
        return Write(edition, report, DocumentDates.Created(report).UtcDateTime);
    }

    private static byte[] Write(Edition edition, Report? report, DateTime stamp)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            var strings = new SharedStrings();
            var styles = book.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = WorkbookStyles.Build();
            var sheets = new Sheets();
            uint sheetId = 0;
            void AddSheet(string name, Worksheet worksheet)
            {
                sheetId++;
                var part = book.AddNewPart<WorksheetPart>($"rIdSheet{sheetId}");
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = $"rIdSheet{sheetId}" });
            }
            AddSheet(WorkbookLayout.TitleSheetName, TitleSheet(edition, report, strings));
            foreach (var sheet in WorkbookLayout.TableSheets(edition))
                AddSheet(sheet.SheetName, TableSheetXml(sheet, report?.Tables.GetValueOrDefault(sheet.Table.Id), strings));
            var sst = book.AddNewPart<SharedStringTablePart>("rIdStrings");
            sst.SharedStringTable = strings.Table();
            // No cached results are written, so every application computes the checks when it opens the file.
            book.Workbook = new Workbook(sheets, new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        }
        return WordPackage.Normalise(DefaultNamespace.Apply(stream.ToArray()), stamp);
    }

    private static Worksheet TitleSheet(Edition edition, Report? report, SharedStrings strings)
    {
        var data = new SheetData();
        data.Append(new Row(TextCell(1, 1, WorkbookLayout.TitleHeading, WorkbookStyles.Heading, strings)) { RowIndex = 1 });
        var validations = new List<DataValidation>();
        uint r = 2;
        foreach (var field in WorkbookLayout.TitleFields)
        {
            string? value = field.Key == WorkbookLayout.EditionKey ? edition.Id : report is null ? null : field.Get(report);
            // The edition is fixed by the template, so its value is locked like a label.
            uint valueStyle = field.Key == WorkbookLayout.EditionKey ? WorkbookStyles.RowLabel
                : field.Number ? WorkbookStyles.TitleNumber : WorkbookStyles.TitleText;
            var valueCell = value is null ? Empty(r, 2, valueStyle)
                : field.Number && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? NumberCell(r, 2, value, valueStyle)
                : TextCell(r, 2, value, valueStyle, strings);
            var line = new Row(TextCell(r, 1, field.Label, WorkbookStyles.RowLabel, strings), valueCell) { RowIndex = r };
            if (DisplayWidth(field.Label) > TitleLabelWidth - 2) { line.Height = 15 * Math.Ceiling(DisplayWidth(field.Label) / (TitleLabelWidth - 2)); line.CustomHeight = true; }
            data.Append(line);
            if (field.Number)
                validations.Add(Validation(CellAddress.Of((int)r, 2), $"AND(ISNUMBER({CellAddress.Of((int)r, 2)}),{CellAddress.Of((int)r, 2)}>=2008,{CellAddress.Of((int)r, 2)}<=2100,{CellAddress.Of((int)r, 2)}=INT({CellAddress.Of((int)r, 2)}))",
                    "报告年度", "请填写四位数的年份，如2024"));
            r++;
        }
        var ws = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new Columns(new Column { Min = 1, Max = 1, Width = TitleLabelWidth, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 60, CustomWidth = true }),
            data,
            Protection());
        ws.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        ws.Append(PageSetup());
        return ws;
    }

    private static Worksheet TableSheetXml(TableSheet sheet, TableData? values, SharedStrings strings)
    {
        var table = sheet.Table;
        var cells = new SortedDictionary<(int Row, int Col), Cell>();
        var merges = new List<string>();
        var heights = new Dictionary<int, double>();
        var widths = ColumnWidths(table);

        cells[(TableSheet.HeadingRow, TableSheet.FirstColumn)] = TextCell(TableSheet.HeadingRow, TableSheet.FirstColumn, sheet.Heading, WorkbookStyles.Heading, strings);
        heights[TableSheet.HeadingRow] = 24;
        merges.Add(CellAddress.Range(TableSheet.HeadingRow, TableSheet.FirstColumn, TableSheet.HeadingRow, sheet.LastColumn));
        foreach (var (layout, row, col) in sheet.Cells())
        {
            uint style = layout.Role switch
            {
                CellRole.Data => Kind(table, layout.Data!.Value) == ValueKind.Money ? WorkbookStyles.Money : WorkbookStyles.Count,
                CellRole.RowLabel => WorkbookStyles.RowLabel,
                _ => WorkbookStyles.Label,
            };
            // Covered cells of a merge carry the style too, so borders are drawn all round.
            for (int r = row; r < row + layout.RowSpan; r++)
                for (int c = col; c < col + layout.ColSpan; c++)
                    cells[(r, c)] = Empty((uint)r, c, style);
            if (layout.ColSpan > 1 || layout.RowSpan > 1)
                merges.Add(CellAddress.Range(row, col, row + layout.RowSpan - 1, col + layout.ColSpan - 1));
            if (layout.Text is { } text)
            {
                cells[(row, col)] = TextCell((uint)row, col, text, style, strings);
                double width = Enumerable.Range(col, layout.ColSpan).Sum(c => widths[c - TableSheet.FirstColumn]);
                double lines = Math.Ceiling(DisplayWidth(text) / Math.Max(1, width - 1)) / layout.RowSpan;
                heights[row] = Math.Max(heights.GetValueOrDefault(row, 15), Math.Min(120, 15 * Math.Max(1, lines)));
            }
            else if (layout.Data is { } dataRef && values?.Get(dataRef.RowKey, dataRef.Column) is { } value)
            {
                cells[(row, col)] = ValueCell((uint)row, col, value, style, strings);
            }
        }

        // Table 二 of 2021 has no rules, so no check block.
        var checks = WorkbookChecks.Lines(sheet);
        bool hasChecks = checks.Count > 0;
        var cfs = new List<ConditionalFormatting>();
        int checkCol = sheet.CheckColumn;
        int headerRow = TableSheet.FirstRow;
        if (hasChecks) cells[(TableSheet.HeadingRow, checkCol)] = TextCell(TableSheet.HeadingRow, checkCol, WorkbookLayout.CheckHeading, WorkbookStyles.Heading, strings);
        for (int i = 0; hasChecks && i < WorkbookChecks.Headers.Length; i++)
            cells[(headerRow, checkCol + i)] = TextCell((uint)headerRow, checkCol + i, WorkbookChecks.Headers[i], WorkbookStyles.Label, strings);
        for (int i = 0; i < checks.Count; i++)
        {
            var line = checks[i];
            uint r = (uint)(headerRow + 1 + i);
            string left = CellAddress.Of((int)r, checkCol + 1), right = CellAddress.Of((int)r, checkCol + 2);
            cells[((int)r, checkCol)] = TextCell(r, checkCol, line.Description, WorkbookStyles.CheckText, strings);
            cells[((int)r, checkCol + 1)] = FormulaCell(r, checkCol + 1, line.LeftSum);
            cells[((int)r, checkCol + 2)] = FormulaCell(r, checkCol + 2, line.RightSum);
            cells[((int)r, checkCol + 3)] = FormulaCell(r, checkCol + 3, WorkbookChecks.Result(line, left, right));
            heights[(int)r] = Math.Max(heights.GetValueOrDefault((int)r, 15), 15 * Math.Ceiling(DisplayWidth(line.Description) / 59.0));
        }
        // One conditional format per rule: a failed lane turns red (an error rule) or amber (a warning rule); a blank lane amber.
        int priority = 1;
        int at = headerRow + 1;
        foreach (var rule in table.Rules)
        {
            string range = CellAddress.Range(at, checkCol + 3, at + rule.Lanes.Count - 1, checkCol + 3);
            cfs.Add(new ConditionalFormatting(
                CellIs(WorkbookChecks.Mismatch, rule.Severity == Severity.Error ? WorkbookStyles.ErrorFormat : WorkbookStyles.WarningFormat, priority++),
                CellIs(WorkbookChecks.HasBlank, WorkbookStyles.WarningFormat, priority++))
            { SequenceOfReferences = new ListValue<StringValue> { InnerText = range } });
            at += rule.Lanes.Count;
        }

        var data = new SheetData();
        foreach (var group in cells.GroupBy(c => c.Key.Row))
        {
            var row = new Row(group.Select(c => c.Value)) { RowIndex = (uint)group.Key };
            if (heights.TryGetValue(group.Key, out var h)) { row.Height = h; row.CustomHeight = true; }
            data.Append(row);
        }
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(TableSheet.FirstColumn + i), Max = (uint)(TableSheet.FirstColumn + i), Width = w, CustomWidth = true }));
        if (hasChecks)
        {
            columns.Append(new Column { Min = (uint)checkCol, Max = (uint)checkCol, Width = 60, CustomWidth = true });
            columns.Append(new Column { Min = (uint)checkCol + 1, Max = (uint)checkCol + 3, Width = 12, CustomWidth = true });
        }

        var ws = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), columns, data, Protection());
        if (merges.Count > 0) ws.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        foreach (var cf in cfs) ws.Append(cf);
        var validations = Validations(sheet);
        ws.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        ws.Append(PageSetup());
        return ws;
    }

    private const double TitleLabelWidth = 44;

    /// <summary>A4 landscape, as wide as one page: the tables print like the report's.</summary>
    private static OpenXmlElement[] PageSetup() =>
    [
        new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        new DocumentFormat.OpenXml.Spreadsheet.PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
    ];

    /// <summary>Column widths in characters: the edition's relative widths over 120 characters.</summary>
    private static double[] ColumnWidths(TableDef table) => table.ColumnWidths.Select(w => Math.Round(Math.Max(6, w * 120), 1)).ToArray();

    /// <summary>Approximate width in Excel's character units: a CJK character is about two.</summary>
    private static double DisplayWidth(string text) => text.Sum(c => c > 0x2e80 ? 2.0 : 1.0);

    private static ValueKind Kind(TableDef table, CellRef cell) => table.Row(cell.RowKey)!.Columns[cell.Column].Kind;

    /// <summary>
    /// Validation of the value cells, one rule per run of cells of one kind along a layout row (a custom
    /// formula is relative to the first cell of its range). "/" is allowed in every value cell, as in the report JSON.
    /// </summary>
    private static List<DataValidation> Validations(TableSheet sheet)
    {
        var list = new List<DataValidation>();
        foreach (var run in sheet.Cells().Where(x => x.Cell.Data is not null)
                     .GroupBy(x => x.Row)
                     .SelectMany(row => Runs(row.OrderBy(x => x.Col).Select(x => (x.Col, x.Cell.ColSpan, Kind: Kind(sheet.Table, x.Cell.Data!.Value))).ToList())
                         .Select(r => (Row: row.Key, r.First, r.Last, r.Kind))))
        {
            string a = CellAddress.Of(run.Row, run.First);
            var (test, title, message) = run.Kind switch
            {
                ValueKind.Money => ($"AND(ISNUMBER({a}),{a}>=0,ROUND({a},2)={a})", "金额", "请填写非负的金额，最多两位小数；不适用的填“/”"),
                ValueKind.Change => ($"AND(ISNUMBER({a}),{a}=INT({a}))", "增减数", "请填写整数（减少用负数，如-8）；不适用的填“/”"),
                _ => ($"AND(ISNUMBER({a}),{a}>=0,{a}=INT({a}))", "件数", "请填写非负整数；不适用的填“/”"),
            };
            list.Add(Validation(CellAddress.Range(run.Row, run.First, run.Row, run.Last), $"OR({a}=\"/\",{test})", title, message));
        }
        return list;
    }

    private static IEnumerable<(int First, int Last, ValueKind Kind)> Runs(List<(int Col, int Span, ValueKind Kind)> cells)
    {
        for (int i = 0; i < cells.Count;)
        {
            int j = i;
            while (j + 1 < cells.Count && cells[j + 1].Kind == cells[i].Kind && cells[j + 1].Col == cells[j].Col + cells[j].Span) j++;
            yield return (cells[i].Col, cells[j].Col + cells[j].Span - 1, cells[i].Kind);
            i = j + 1;
        }
    }

    private static DataValidation Validation(string range, string formula, string title, string message) => new(new Formula1(formula))
    {
        Type = DataValidationValues.Custom,
        AllowBlank = true,
        ShowInputMessage = true,
        ShowErrorMessage = true,
        ErrorTitle = title,
        Error = message,
        PromptTitle = title,
        Prompt = message,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
    };

    private static ConditionalFormattingRule CellIs(string text, uint format, int priority) => new(new Formula($"\"{text}\""))
    {
        Type = ConditionalFormatValues.CellIs,
        Operator = ConditionalFormattingOperatorValues.Equal,
        FormatId = format,
        Priority = priority,
    };

    /// <summary>Sheet protection without a password: labels and checks cannot be overtyped by accident, and anyone can lift it.</summary>
    private static SheetProtection Protection() => new()
    {
        Sheet = true, Objects = true, Scenarios = true,
        FormatColumns = false, FormatRows = false, SelectLockedCells = false, SelectUnlockedCells = false,
    };

    private static Cell Empty(uint row, int col, uint style) => new() { CellReference = CellAddress.Of((int)row, col), StyleIndex = style };

    private static Cell TextCell(uint row, int col, string text, uint style, SharedStrings strings) => new()
    {
        CellReference = CellAddress.Of((int)row, col), StyleIndex = style, DataType = CellValues.SharedString,
        CellValue = new XCellValue(strings.Index(TextCleaner.Clean(text)).ToString(CultureInfo.InvariantCulture)),
    };

    private static Cell NumberCell(uint row, int col, string number, uint style) => new()
    {
        CellReference = CellAddress.Of((int)row, col), StyleIndex = style, CellValue = new XCellValue(number),
    };

    private static Cell FormulaCell(uint row, int col, string formula) => new()
    {
        CellReference = CellAddress.Of((int)row, col), StyleIndex = WorkbookStyles.CheckValue, CellFormula = new CellFormula(formula),
    };

    /// <summary>A number as a number (so formulas add it), "/" and a figure with its unit ("9.46万元") as text, blank as no value.</summary>
    private static Cell ValueCell(uint row, int col, CellValue value, uint style, SharedStrings strings) => value switch
    {
        { Kind: CellKind.Blank } => Empty(row, col, style),
        { HasNumber: true, Unit: null } => NumberCell(row, col, value.Number.ToString(CultureInfo.InvariantCulture), style),
        _ => TextCell(row, col, value.Display, style, strings),
    };

    /// <summary>The shared string table, in order of first use.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int Index(string text)
        {
            if (!_index.TryGetValue(text, out int i))
            {
                i = _items.Count;
                _items.Add(text);
                _index[text] = i;
            }
            return i;
        }

        public SharedStringTable Table() => new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_items.Count,
            UniqueCount = (uint)_items.Count,
        };
    }
}
