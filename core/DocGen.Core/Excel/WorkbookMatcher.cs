using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Editions;
using DocGen.Core.Import;
using DocGen.Core.Model;

namespace DocGen.Core.Excel;

/// <summary>
/// Maps the neutral document of a workbook (<see cref="XlsxReader"/>) onto an edition: DocGen's own workbook,
/// or any workbook whose sheets hold the official tables with their labels, wherever they start. A workbook
/// is two-dimensional and has no section headings or narrative, so it gets this grid matcher rather than the
/// line matcher of text, Word and HTML: tables are found by their labels (<see cref="TableLocator"/>), a row
/// that moved is found by its own label, a blank cell stays blank, and title data is read beside its labels.
/// A value cell holding a formula is read by its cached result, with a warning; one with no cached result is
/// refused (FORMULA_NOT_COMPUTED), since reading it as blank would silently drop a figure.
/// </summary>
public static partial class WorkbookMatcher
{
    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex YearRegex();

    /// <summary>The report and what was noticed; throws <see cref="ImportException"/> for an uncomputed formula in a value cell.</summary>
    public static ImportResult Match(NeutralDocument document)
    {
        string what = document.FileName is null ? "工作簿" : $"工作簿“{document.FileName}”";
        var formulas = document.ReaderIssues.Where(i => i.Code is XlsxReader.FormulaValue or XlsxReader.FormulaNotComputed && i.Where is not null)
            .ToDictionary(i => i.Where!, i => i.Code);
        var sheets = document.Elements.OfType<DocGrid>().Select(g => Sheet(g, formulas)).ToArray();
        var issues = document.ReaderIssues.Where(i => !formulas.ContainsKey(i.Where ?? "")).ToList();
        var title = ReadTitle(sheets);

        var edition = EditionCatalog.Find(title.GetValueOrDefault(WorkbookLayout.EditionKey)?.Text.Trim()) is { Mandated: true } named
            ? named
            : BestEdition(sheets);
        var tables = new Dictionary<string, TableData>();
        foreach (var table in edition.Tables)
        {
            var match = TableLocator.Find(table, sheets);
            if (match is null)
            {
                issues.Add(new ImportIssue(0, "MISSING_TABLE", $"{what}中没有找到{table.Name}（{edition.Section(table.SectionKey)?.Heading}）：没有一张工作表带有它的大部分标签", true));
                continue;
            }
            tables[table.Id] = ReadTable(table, match, issues);
        }
        if (tables.Count == 0 && title.Count == 0)
            return new ImportResult(null, [.. issues, new ImportIssue(0, "NO_REPORT_TABLES", $"{what}中既没有规定的统计表，也没有报告基本信息", true)]);

        string agency = Text(title, "agency") ?? "";
        if (agency.Length == 0) issues.Add(new ImportIssue(0, "MISSING_AGENCY", $"{what}中没有找到机关名称（“{Label("agency")}”）", true));
        int year = Year(title.GetValueOrDefault("year"));
        if (year == 0) issues.Add(new ImportIssue(0, "MISSING_YEAR", $"{what}中没有找到报告年度（“{Label("year")}”）", true));
        var contact = new Contact
        {
            Office = Text(title, "office"), Address = Text(title, "address"), Postcode = Text(title, "postcode"),
            Phone = Text(title, "phone"), Fax = Text(title, "fax"), Email = Text(title, "email"), Website = Text(title, "website"),
        };
        var report = new Report
        {
            Edition = edition.Id,
            Agency = agency,
            Year = year,
            Title = Text(title, "title"),
            PublicationDate = Date(title.GetValueOrDefault("publicationDate"), issues),
            Contact = contact.IsEmpty ? null : contact,
            Sections = edition.Sections.Select(s => new Section { Key = s.Key, Heading = s.Heading }).ToArray(),
            Tables = tables,
        };
        return new ImportResult(report, issues);
    }

    /// <summary>A grid of the neutral document as a sheet of positions; cells keep their "表三!D7" address.</summary>
    private static SheetGrid Sheet(DocGrid grid, IReadOnlyDictionary<string, string> formulas)
    {
        var cells = new Dictionary<(int, int), SheetCell>();
        string name = grid.Rows.SelectMany(r => r).Select(c => c.Place.Where).FirstOrDefault(w => w is not null) is { } first && first.LastIndexOf('!') is > 0 and var bang
            ? first[..bang] : grid.Place.Describe();
        for (int r = 0; r < grid.Rows.Count; r++)
            for (int c = 0; c < grid.Rows[r].Count; c++)
            {
                var cell = grid.Rows[r][c];
                string where = cell.Place.Where ?? $"{name}!{CellAddress.Of(r + 1, c + 1)}";
                var formula = formulas.GetValueOrDefault(where);
                cells[(r + 1, c + 1)] = new SheetCell(where, cell.Text ?? "", false, formula is not null, formula != XlsxReader.FormulaNotComputed, cell.Covered, false);
            }
        return new SheetGrid(name, cells);
    }

    /// <summary>Without an edition named in the title sheet: the mandated edition whose table labels agree best.</summary>
    private static Edition BestEdition(IReadOnlyList<SheetGrid> sheets) =>
        EditionCatalog.All.Where(WorkbookLayout.HasWorkbook)
            .Select(e => (Edition: e, Votes: e.Tables.Sum(t => TableLocator.Find(t, sheets)?.Votes ?? 0)))
            .OrderByDescending(x => x.Votes).First().Edition;

    private static TableData ReadTable(TableDef table, TableMatch match, List<ImportIssue> issues)
    {
        var sheet = match.Sheet;
        var labels = TableLocator.Labels(table).Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, IReadOnlyList<CellValue>>();
        var layoutRows = table.Layout.Select((line, i) => (line, i)).ToArray();
        foreach (var row in table.Rows)
        {
            var (line, index) = layoutRows.First(x => x.line.Any(c => c.Data?.RowKey == row.Key));
            var rowLabel = line.LastOrDefault(c => c.Role == CellRole.RowLabel);
            // Cells of the row at the grid's offset; or, when the row's label is elsewhere, the cells right of it.
            // In the grid's columns when the label is in its column (a row moved up or down), else the cells right of it.
            IReadOnlyList<SheetCell?> At(int sheetRow) => line.Where(c => c.Data?.RowKey == row.Key).OrderBy(c => c.Data!.Value.Column)
                .Select(c => sheet.At(sheetRow, c.Column + match.ColOffset)).ToArray();
            IReadOnlyList<SheetCell?> found;
            int expectedRow = index + match.RowOffset, labelCol = rowLabel is null ? 0 : rowLabel.Column + match.ColOffset;
            if (rowLabel is null || Is(sheet.At(expectedRow, labelCol), rowLabel.Text!))
                found = At(expectedRow);
            else if (FindLabel(sheet, rowLabel.Text!, expectedRow) is { } at)
                found = at.Col == labelCol ? At(at.Row) : RightOf(sheet, at, labels).Take(row.Columns.Count).ToArray();
            else
            {
                issues.Add(new ImportIssue(0, "MISSING_ROW", $"工作表“{sheet.Name}”的{table.Name}中没有找到“{row.FullLabel}”行", true));
                continue;
            }
            var cells = new List<CellValue>();
            for (int c = 0; c < row.Columns.Count; c++)
                cells.Add(ReadCell(sheet, table, row, row.Columns[c], c < found.Count ? found[c] : null, issues));
            rows[row.Key] = cells;
        }
        return new TableData(rows);
    }

    private static bool Is(SheetCell? cell, string label) => cell is not null && TextNorm.Label(cell.Text) == TextNorm.Label(label);

    /// <summary>The cell holding a row's label nearest to where the grid puts it.</summary>
    private static (int Row, int Col)? FindLabel(SheetGrid sheet, string label, int expectedRow) =>
        sheet.Cells.Where(c => !c.Value.Covered && !c.Value.IsNumber && Is(c.Value, label))
            .OrderBy(c => Math.Abs(c.Key.Row - expectedRow)).ThenBy(c => c.Key.Row).ThenBy(c => c.Key.Col)
            .Select(c => ((int, int)?)c.Key).FirstOrDefault();

    /// <summary>The cells right of a label in its row, one per merged cell, skipping further label cells.</summary>
    private static IEnumerable<SheetCell?> RightOf(SheetGrid sheet, (int Row, int Col) at, HashSet<string> labels)
    {
        int last = sheet.Cells.Keys.Where(k => k.Row == at.Row).Select(k => k.Col).DefaultIfEmpty(at.Col).Max();
        for (int c = at.Col + 1; c <= last; c++)
        {
            var cell = sheet.At(at.Row, c);
            if (cell is { Covered: true }) continue;
            if (cell is { IsNumber: false } && labels.Contains(TextNorm.Label(cell.Text))) continue;
            yield return cell;
        }
    }

    private static CellValue ReadCell(SheetGrid sheet, TableDef table, RowDef row, ColumnDef column, SheetCell? cell, List<ImportIssue> issues)
    {
        if (cell is null || cell.Covered || cell.IsBlank) return CellValue.Blank;
        string where = $"{cell.Address}（{table.Name}“{row.Label}”行“{column.Label}”列）";
        if (cell.IsFormula)
        {
            if (!cell.HasCachedValue)
                throw new ImportException(XlsxReader.FormulaNotComputed, $"{where}是公式，但文件中没有它的计算结果；请在Excel或WPS中打开并保存后再导入，或把公式换成数值");
            issues.Add(new ImportIssue(0, XlsxReader.FormulaValue, $"{where}是公式，已读取其计算结果“{cell.Text}”", false) { Where = cell.Address });
        }
        string text = cell.Text;
        var value = CellReader.Read(text, column, null, out var error, out var warning);
        if (value is null)
        {
            issues.Add(new ImportIssue(0, "INVALID_CELL", $"{where}{error}", true));
            return CellValue.Blank;
        }
        if (warning is not null) issues.Add(new ImportIssue(0, "CELL_READ_AS", $"{where}{warning}", false));
        return value.Value;
    }

    /// <summary>The title-data values, by field key: the first filled cell right of each field's label, on any sheet.</summary>
    private static Dictionary<string, SheetCell> ReadTitle(IReadOnlyList<SheetGrid> sheets)
    {
        var result = new Dictionary<string, SheetCell>();
        foreach (var field in WorkbookLayout.TitleFields)
        {
            string label = TextNorm.Label(Stem(field.Label));
            foreach (var sheet in sheets)
            {
                var at = sheet.Cells.Where(c => !c.Value.Covered && !c.Value.IsNumber && TextNorm.Label(Stem(c.Value.Text)) == label)
                    .Select(c => c.Key).OrderBy(k => k.Row).ThenBy(k => k.Col).FirstOrDefault();
                if (at == default) continue;
                var value = sheet.Cells.Where(c => c.Key.Row == at.Row && c.Key.Col > at.Col && !c.Value.Covered && !c.Value.IsBlank)
                    .OrderBy(c => c.Key.Col).Select(c => c.Value).FirstOrDefault();
                if (value is not null) result[field.Key] = value;
                break;
            }
        }
        return result;
    }

    /// <summary>A label without its bracketed hint: "发布日期（如2025-01-20）" → "发布日期".</summary>
    private static string Stem(string label)
    {
        int i = label.IndexOfAny(['（', '(']);
        return i > 0 ? label[..i] : label;
    }

    private static string Label(string key) => Stem(WorkbookLayout.TitleFields.First(f => f.Key == key).Label);

    private static string? Text(Dictionary<string, SheetCell> title, string key) =>
        title.GetValueOrDefault(key)?.Text.Trim() is { Length: > 0 } t ? t : null;

    private static int Year(SheetCell? cell)
    {
        if (cell is null) return 0;
        var m = YearRegex().Match(cell.Text);
        return m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : 0;
    }

    private static DateOnly? Date(SheetCell? cell, List<ImportIssue> issues)
    {
        if (cell is null) return null;
        if (cell.IsNumber && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial is > 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        var m = DateRegex().Match(cell.Text);
        if (m.Success && DateOnly.TryParseExact($"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture):00}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        issues.Add(new ImportIssue(0, "INVALID_DATE", $"{cell.Address}的发布日期“{cell.Text}”无法识别，应如2025-01-20", true));
        return null;
    }
}
