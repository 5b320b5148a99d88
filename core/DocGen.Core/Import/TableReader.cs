using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Import;

/// <summary>
/// One cell of a flattened table: its text, its line, and how it sat on that line. <see cref="Grid"/>: it
/// comes from a real table grid (Word, HTML), where an empty cell is a blank cell and never a stray separator.
/// </summary>
internal sealed record Token(string Text, int Line, bool LineStart, bool Alone, bool Grid = false)
{
    public bool Empty => Text.Length == 0;
    public string Norm { get; } = TextNorm.Label(Text);
}

/// <summary>
/// Reads one mandated table from the lines of its section, whatever way the web page flattened it:
/// one cell per line (labels possibly split over lines), tab-separated rows, or "|"-separated rows.
/// Rows and columns are recognised by the labels of the edition definition, never by labels typed here.
/// A cell that cannot be read is reported with its line and its row is left out; nothing is invented.
/// </summary>
internal sealed class TableReader
{
    private enum Kind { None, Caption, Header, Group, Leaf }

    private readonly TableDef _def;
    private readonly List<ImportIssue> _issues;
    private readonly Dictionary<string, Kind> _kinds = new();
    private readonly Dictionary<string, List<RowDef>> _leaves = new();
    private readonly Dictionary<string, IReadOnlyList<CellValue>> _rows = new();
    /// <summary>Units given in column headers, by the header's layout row (or -1 for the whole table) and column label.</summary>
    private readonly Dictionary<string, string> _headerUnits = new();
    private readonly bool _sequence;

    /// <summary>The lines this table is read from are the last of the source: a short last row was cut off.</summary>
    public bool TextEndsHere { get; init; }

    public TableReader(TableDef def, List<ImportIssue> issues)
    {
        _def = def;
        _issues = issues;
        foreach (var row in def.Layout)
            foreach (var cell in row)
            {
                if (cell.Text is null) continue;
                var kind = cell.Role switch
                {
                    CellRole.Caption => Kind.Caption,
                    CellRole.ColumnHeader => Kind.Header,
                    CellRole.RowLabel => def.Rows.Any(r => r.Label == cell.Text) ? Kind.Leaf : Kind.Group,
                    _ => Kind.None,
                };
                string n = TextNorm.Label(cell.Text);
                if (!_kinds.TryGetValue(n, out var had) || had < kind) _kinds[n] = kind;
            }
        _sequence = !def.Layout.SelectMany(r => r).Any(c => c.Role == CellRole.RowLabel);
        foreach (var row in def.Rows)
        {
            string n = TextNorm.Label(row.Label);
            if (_kinds.GetValueOrDefault(n) != Kind.Leaf) continue;
            if (!_leaves.TryGetValue(n, out var list)) _leaves[n] = list = [];
            list.Add(row);
        }
    }

    /// <summary>Splits lines into cells. A line with tabs or "|" is a row of cells; any other line is one cell.</summary>
    public static List<Token> Tokenize(IReadOnlyList<SourceLine> lines)
    {
        var tokens = new List<Token>();
        foreach (var line in lines)
        {
            if (line.IsBlank) continue;
            if (line.Cells is not null)
            {
                AddGridRow(tokens, line);
                continue;
            }
            string[] parts;
            if (line.Text.Contains('\t')) parts = line.Text.Split('\t');
            else if (line.Text.Contains('|'))
            {
                parts = line.Text.Split('|');
                if (parts.Length > 1 && string.IsNullOrWhiteSpace(parts[^1])) parts = parts[..^1];
            }
            else parts = [line.Text];
            var cells = parts.Select(p => p.Trim().Trim('\u3000').Trim()).ToList();
            if (cells.All(c => c.Length == 0)) continue;
            while (cells[0].Length == 0) cells.RemoveAt(0);
            for (int i = 0; i < cells.Count; i++)
                tokens.Add(new Token(cells[i], line.Number, i == 0, cells.Count == 1));
        }
        return tokens;
    }

    /// <summary>
    /// A row of a real grid: every cell is kept, blanks included, except the empty cells before a row label
    /// (the label columns of a group drawn without merging). A row that opens with values keeps its leading blanks.
    /// </summary>
    private static void AddGridRow(List<Token> tokens, SourceLine line)
    {
        var cells = line.Cells!.Select(c => c.Trim().Trim('\u3000').Trim()).ToList();
        int first = cells.FindIndex(c => c.Length > 0);
        if (first > 0 && !CellReader.LooksLikeValue(cells[first])) cells.RemoveRange(0, first);
        for (int i = 0; i < cells.Count; i++)
            tokens.Add(new Token(cells[i], line.Number, i == 0, cells.Count == 1, Grid: true));
    }

    /// <summary>
    /// A fourth flattening: cells separated by spaces on one line ("规章 0 0 0", "三、本年度办理结果 （一）予以公开 7 2 0 …").
    /// A single-cell line is split when it reads entirely as labels of this table followed by values; labels
    /// with spaces inside ("1. 属于国家秘密") are rejoined. Anything else stays one cell.
    /// </summary>
    public List<Token> SplitSpaced(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var t in tokens)
        {
            var parts = t.Alone ? t.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
            var split = parts.Length > 1 && !IsTableLabel(t) ? Segment(parts) : null;
            if (split is null) { result.Add(t); continue; }
            result.AddRange(split.Select((text, i) => new Token(text, t.Line, i == 0, false)));
        }
        return result;
    }

    private List<string>? Segment(string[] parts)
    {
        var cells = new List<string>();
        int p = 0;
        while (p < parts.Length && !CellReader.LooksLikeValue(parts[p]))
        {
            int k = Math.Min(parts.Length, p + 4);
            while (k > p && !_kinds.ContainsKey(TextNorm.Label(string.Concat(parts[p..k])))) k--;
            if (k == p) return null;
            cells.Add(string.Join(" ", parts[p..k]));
            p = k;
        }
        if (parts[p..].Any(x => !CellReader.LooksLikeValue(x))) return null;
        cells.AddRange(parts[p..]);
        return cells.Count > 1 ? cells : null;
    }

    /// <summary>Whether a token is a label of this table (caption, header, group or row label).</summary>
    public bool IsTableLabel(Token t) => !t.Empty && (_kinds.ContainsKey(t.Norm) || MatchLeaf(t, quiet: true) is not null);

    private Kind KindOf(Token t) => t.Empty ? Kind.None : _kinds.GetValueOrDefault(t.Norm);

    private RowDef? MatchLeaf(Token t, bool quiet, string? group = null)
    {
        if (t.Empty) return null;
        if (_leaves.TryGetValue(t.Norm, out var rows))
            return rows.Count == 1 ? rows[0] : rows.FirstOrDefault(r => group is not null && r.LabelPath.Any(l => TextNorm.Label(l) == group)) ?? rows.FirstOrDefault(r => !_rows.ContainsKey(r.Key)) ?? rows[0];
        if (_kinds.ContainsKey(t.Norm) || CellReader.LooksLikeValue(t.Text)) return null;
        // A label with a typo ("已取信息" for "已获取信息"): close enough to exactly one row still to be read.
        var near = _leaves
            .Where(kv => kv.Key.Length >= 8)
            .Select(kv => (kv.Key, Rows: kv.Value, Distance: TextNorm.Levenshtein(kv.Key, t.Norm)))
            .Where(x => x.Distance <= Math.Max(1, x.Key.Length / 10))
            .OrderBy(x => x.Distance)
            .ToList();
        if (near.Count == 0 || (near.Count > 1 && near[1].Distance == near[0].Distance)) return null;
        var row = near[0].Rows[0];
        if (!quiet)
            Warn(t.Line, "LABEL_VARIANT", $"{_def.Name}的行标题“{t.Text}”与格式中的“{row.Label}”不完全一致，按“{row.Label}”行读取");
        return row;
    }

    private void Warn(int line, string code, string message) => _issues.Add(new ImportIssue(line, code, message, false));
    private void Error(int line, string code, string message) => _issues.Add(new ImportIssue(line, code, message, true));

    /// <summary>
    /// Reads the table from <paramref name="tokens"/> starting at <paramref name="start"/> (the first label
    /// of the table). Returns the rows read and the index of the first token after the table.
    /// </summary>
    public (TableData Data, int End) Read(IReadOnlyList<Token> tokens, int start)
    {
        int pos = start;
        int layoutRowOfHeader = -1;
        string? group = null;
        var orphans = new List<Token>();
        int firstLine = tokens.Count > start ? tokens[start].Line : 0;
        bool headerMode = true;
        var header = new List<Token>();
        int lastRowLine = firstLine;
        int lastLabel = -1;
        for (int i = tokens.Count - 1; i >= start && lastLabel < 0; i--)
            if (IsTableLabel(tokens[i])) lastLabel = i;

        void FlushOrphans()
        {
            if (orphans.Count == 0) return;
            Error(orphans[0].Line, "UNPLACED_CELLS",
                $"{_def.Name}中有{orphans.Count}个单元格无法归入任何一行（“{Narrative.Excerpt(string.Join(" ", orphans.Select(o => o.Text)), 30)}”），未读取");
            orphans.Clear();
        }
        void EndHeader()
        {
            if (header.Count > 0 || headerMode) MatchHeader(header, layoutRowOfHeader);
            header.Clear();
            headerMode = false;
        }

        while (pos < tokens.Count)
        {
            var t = tokens[pos];
            if (t.Empty && !OpensBlankSequence(tokens, pos, headerMode)) { pos++; continue; }
            var kind = KindOf(t);
            if (kind == Kind.Caption)
            {
                FlushOrphans();
                if (headerMode && header.Count > 0) EndHeader();
                layoutRowOfHeader = LayoutRowAfterCaption(t.Norm);
                group = t.Norm;
                headerMode = true;
                pos++;
                continue;
            }
            if (headerMode)
            {
                bool value = CellReader.LooksLikeValue(t.Text);
                if (kind is Kind.Header || (kind == Kind.None && !value && MatchLeaf(t, quiet: true) is null))
                {
                    header.Add(t);
                    pos++;
                    continue;
                }
                EndHeader();
                if (_sequence && value)
                {
                    pos = ReadSequence(tokens, pos);
                    lastRowLine = tokens[Math.Min(pos, tokens.Count) - 1].Line;
                    break;
                }
            }
            if (kind == Kind.Header)
            {
                // A header repeated after a page break.
                pos++;
                continue;
            }
            if (kind == Kind.Group)
            {
                FlushOrphans();
                group = t.Norm;
                pos++;
                continue;
            }
            var leaf = MatchLeaf(t, quiet: false, group);
            if (leaf is not null)
            {
                FlushOrphans();
                pos = ReadRow(tokens, pos + 1, leaf, layoutRowOfHeader, t);
                lastRowLine = tokens[pos - 1].Line;
                continue;
            }
            // Neither a label nor part of a row: narrative after the table, or a cell that lost its row.
            // Narrative only when no label of the table follows and no values come next.
            if (!CellReader.LooksLikeValue(t.Text) && (t.Text.Length >= 30 || t.Text.Contains('。')) && t.LineStart
                && pos > lastLabel && (pos + 1 >= tokens.Count || !CellReader.LooksLikeValue(tokens[pos + 1].Text) || tokens[pos + 1].Empty))
                break;
            orphans.Add(t);
            pos++;
        }
        FlushOrphans();
        if (headerMode && header.Count > 0) EndHeader();

        foreach (var row in _def.Rows)
            if (!_rows.ContainsKey(row.Key))
                Error(lastRowLine, "MISSING_ROW", $"{_def.Name}缺少“{row.FullLabel}”行的数据");
        var data = new TableData(_def.Rows.Where(r => _rows.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => _rows[r.Key]));
        return (data, pos);
    }

    private int LayoutRowAfterCaption(string caption)
    {
        for (int i = 0; i < _def.Layout.Count; i++)
            if (_def.Layout[i].Any(c => c.Role == CellRole.Caption && c.Text is not null && TextNorm.Label(c.Text) == caption))
                return i + 1 < _def.Layout.Count && _def.Layout[i + 1].All(c => c.Role == CellRole.ColumnHeader) ? i + 1 : -1;
        return -1;
    }

    /// <summary>
    /// Checks the header cells found against the header of the definition. Cells are matched by label
    /// (split labels such as "商业" "企业" joined), and a cell that lost its text by position. Data columns
    /// always follow the definition's order; the header only tells units and what to warn about.
    /// </summary>
    private void MatchHeader(List<Token> found, int layoutRow)
    {
        var expected = (layoutRow >= 0
                ? _def.Layout[layoutRow]
                : _def.Layout.TakeWhile(r => r.All(c => c.Role == CellRole.ColumnHeader)).SelectMany(r => r))
            .Where(c => c.Text is not null).Select(c => c.Text!).ToList();
        if (expected.Count == 0) return;
        var labels = expected.Select(e => TextNorm.SplitUnit(TextNorm.Label(e))).ToList();
        var known = labels.Select(l => l.Label).ToHashSet();
        var used = new bool[expected.Count];

        // Join cells that a page split over lines ("商业" + "企业", "结果" + "纠正").
        var cells = new List<(Token First, string Norm, string Text)>();
        for (int i = 0; i < found.Count; i++)
        {
            var t = found[i];
            if (!known.Contains(TextNorm.SplitUnit(t.Norm).Label) && t.Alone)
            {
                bool joined = false;
                for (int j = i + 1; j < Math.Min(found.Count, i + 4) && found[j].Alone; j++)
                {
                    string norm = string.Concat(found.Skip(i).Take(j - i + 1).Select(f => f.Norm));
                    if (known.Contains(TextNorm.SplitUnit(norm).Label))
                    {
                        cells.Add((t, norm, string.Concat(found.Skip(i).Take(j - i + 1).Select(f => f.Text))));
                        i = j;
                        joined = true;
                        break;
                    }
                }
                if (joined) continue;
            }
            cells.Add((t, t.Norm, t.Text));
        }

        var order = new List<int>();
        bool allExact = true;
        foreach (var (first, norm, text) in cells)
        {
            var (label, unit) = TextNorm.SplitUnit(norm);
            int k = Enumerable.Range(0, expected.Count).FirstOrDefault(i => !used[i] && labels[i].Label == label, -1);
            if (k < 0)
            {
                k = Array.IndexOf(used, false);
                if (k < 0)
                {
                    Warn(first.Line, "UNKNOWN_HEADER", $"{_def.Name}的表头多出“{text}”，已忽略");
                    continue;
                }
                Warn(first.Line, "HEADER_MISMATCH", $"{_def.Name}的表头“{text}”与格式中的“{expected[k]}”不一致，按位置对应为“{expected[k]}”");
                allExact = false;
            }
            used[k] = true;
            order.Add(k);
            if (unit is not null && unit != labels[k].Unit)
                _headerUnits[$"{layoutRow}:{expected[k]}"] = unit;
        }
        for (int i = 0; i < expected.Count; i++)
            if (!used[i])
                Warn(found.Count > 0 ? found[^1].Line : 0, "HEADER_MISSING", $"{_def.Name}的表头中没有“{expected[i]}”");

        // A block of 表二 whose value columns were published in another order, each named exactly:
        // its values are read in the published order ("信息内容" stays first).
        if (layoutRow >= 0 && allExact && order.Count == expected.Count && order[0] == 0
            && !order.SequenceEqual(Enumerable.Range(0, order.Count)))
        {
            _columnOrder[layoutRow] = order.Skip(1).Select(k => k - 1).ToArray();
            Warn(cells[0].First.Line, "COLUMNS_REORDERED",
                $"{_def.Name}“{expected[0]}”之后的列顺序为“{string.Join("”“", order.Skip(1).Select(k => expected[k]))}”，与格式不同，按表头读取各列");
        }
    }

    /// <summary>For a 表二 block published with its columns in another order: published position → column index.</summary>
    private readonly Dictionary<int, int[]> _columnOrder = new();

    private string? HeaderUnit(int layoutRow, ColumnDef column) => _headerUnits.GetValueOrDefault($"{layoutRow}:{column.Label}");

    /// <summary>
    /// Collects the value cells after a row label: up to the next label, and, once the row has its
    /// number of cells, up to the end of the physical line (so that surplus cells are seen).
    /// </summary>
    private List<Token> Collect(IReadOnlyList<Token> tokens, ref int pos, int expected) => Collect(tokens, ref pos, expected, out _);

    /// <param name="skipped">Empty cells skipped before the first value, on the line the row starts on.</param>
    private List<Token> Collect(IReadOnlyList<Token> tokens, ref int pos, int expected, out int skipped)
    {
        skipped = 0;
        int startLine = pos > 0 ? tokens[pos - 1].Line : -1;
        var values = new List<Token>();
        while (pos < tokens.Count)
        {
            var t = tokens[pos];
            if (!t.Empty && (KindOf(t) != Kind.None || (!CellReader.LooksLikeValue(t.Text) && MatchLeaf(t, quiet: true) is not null))) break;
            if (values.Count >= expected && t.LineStart) break;
            if (values.Count == 0 && t.Empty && !t.Grid)
            {
                if (t.Line == startLine) skipped++;
                pos++;
                continue;
            }
            values.Add(t);
            pos++;
        }
        return values;
    }

    /// <summary>A blank grid cell opening the data line of a table without row labels (表四): the line's first value, blank.</summary>
    private bool OpensBlankSequence(IReadOnlyList<Token> tokens, int pos, bool headerMode)
    {
        var t = tokens[pos];
        if (!(_sequence && headerMode && t.Grid && t.LineStart)) return false;
        for (int i = pos + 1; i < tokens.Count && tokens[i].Line == t.Line; i++)
            if (!tokens[i].Empty) return CellReader.LooksLikeValue(tokens[i].Text);
        return false;
    }

    /// <summary>
    /// Settles the row's cells, or says why not. A grid row with exactly its cells is taken as it is, blanks
    /// included; otherwise empty cells at the end (layout fillers) are trimmed first. A row cut short where the
    /// text ends (<see cref="TextEndsHere"/>) is reported as truncated.
    /// </summary>
    private List<Token>? Settle(List<Token> values, int expected, string what, Token anchor, bool atEnd = false)
    {
        if (values.Count == expected && values.All(v => v.Grid)) return values;
        int trailing = 0;
        while (values.Count > 0 && values[^1].Empty) { values.RemoveAt(values.Count - 1); trailing++; }
        if (values.Count == expected) return values;
        if (values.Count < expected && atEnd && TextEndsHere)
        {
            Error(values.Count > 0 ? values[^1].Line : anchor.Line, "TRUNCATED_ROW",
                $"{what}在文本结尾处被截断：应有{expected}个单元格，只读到{values.Count}个，该行未读取");
            return null;
        }
        if (values.Count < expected)
        {
            if (values.Count + trailing >= expected && values.Count > 0 && values[0].LineStart == false && values.All(v => v.Line == values[0].Line))
            {
                var filled = values.ToList();
                while (filled.Count < expected) filled.Add(new Token("", values[^1].Line, false, false));
                Warn(anchor.Line, "BLANK_CELLS", $"{what}只填了{values.Count}个单元格，其后{expected - values.Count}个空白单元格读作空白");
                return filled;
            }
            Error(values.Count > 0 ? values[^1].Line : anchor.Line, "MISSING_CELLS",
                $"{what}应有{expected}个单元格，只读到{values.Count}个，该行未读取");
            return null;
        }
        // More cells than columns: acceptable only when every way of lining them up reads the same values.
        var windows = Enumerable.Range(0, values.Count - expected + 1)
            .Select(o => string.Join("\u0001", values.Skip(o).Take(expected).Select(v => TextNorm.Number(v.Text)))).Distinct().Count();
        if (windows == 1)
        {
            Warn(values[0].Line, "EXTRA_CELLS", $"{what}有{values.Count}个单元格，多于{expected}列；各种对齐方式读数相同，按前{expected}个读取");
            return values.Take(expected).ToList();
        }
        Error(values[0].Line, "EXTRA_CELLS", $"{what}有{values.Count}个单元格，多于{expected}列，无法确定各单元格所属的列，该行未读取");
        return null;
    }

    private int ReadRow(IReadOnlyList<Token> tokens, int pos, RowDef row, int layoutRow, Token anchor)
    {
        var values = Collect(tokens, ref pos, row.Columns.Count, out int skipped);
        string what = $"{_def.Name}“{row.Label}”行";
        if (values.Count == 0 && skipped >= row.Columns.Count && !_rows.ContainsKey(row.Key))
        {
            // "规章 | | | |": every cell explicitly left empty.
            Warn(anchor.Line, "BLANK_ROW", $"{what}全部为空白，各单元格读作空白");
            _rows[row.Key] = Enumerable.Repeat(CellValue.Blank, row.Columns.Count).ToArray();
            return pos;
        }
        int filled = values.Count;
        while (filled > 0 && values[filled - 1].Empty) filled--;
        if (skipped > 0 && filled + skipped == row.Columns.Count && values.All(v => v.Line == anchor.Line))
        {
            // "规章 | | 0 | 0 |": the row's first cell explicitly left empty (layout fillers after the row dropped).
            values.RemoveRange(filled, values.Count - filled);
            values.InsertRange(0, Enumerable.Range(0, skipped).Select(_ => new Token("", anchor.Line, false, false)));
        }
        if (_rows.ContainsKey(row.Key))
        {
            Warn(anchor.Line, "DUPLICATE_ROW", $"{what}出现了两次，只读取第一次");
            return pos;
        }
        var settled = Settle(values, row.Columns.Count, what, anchor, atEnd: pos >= tokens.Count);
        if (settled is null) return pos;
        var cells = ReadCells(settled, row, layoutRow, what);
        if (cells is not null) _rows[row.Key] = cells;
        return pos;
    }

    private CellValue[]? ReadCells(IReadOnlyList<Token> values, RowDef row, int layoutRow, string what)
    {
        var cells = new CellValue[row.Columns.Count];
        bool ok = true;
        var order = _columnOrder.GetValueOrDefault(layoutRow);
        for (int published = 0; published < cells.Length; published++)
        {
            int i = order?[published] ?? published;
            var column = row.Columns[i];
            var value = values[published];
            var cell = CellReader.Read(value.Text, column, HeaderUnit(layoutRow, column), out var error, out var warning);
            if (cell is null)
            {
                Error(value.Line, "UNREADABLE_CELL", $"{what}“{column.Label}”列：{error}，该行未读取");
                ok = false;
                continue;
            }
            if (warning is not null) Warn(value.Line, "CELL_READ_WITH_NOTE", $"{what}“{column.Label}”列：{warning}");
            if (cell.Value.Kind == CellKind.Blank) Warn(value.Line, "BLANK_CELL", $"{what}“{column.Label}”列为空白");
            cells[i] = cell.Value;
        }
        return ok ? cells : null;
    }

    /// <summary>A table without row labels (表四): one run of values spread over the rows in layout order.</summary>
    private int ReadSequence(IReadOnlyList<Token> tokens, int pos)
    {
        var refs = _def.Layout.SelectMany(r => r).Where(c => c.Data is not null).Select(c => c.Data!.Value).ToList();
        var anchor = tokens[pos];
        var values = Collect(tokens, ref pos, refs.Count);
        var settled = Settle(values, refs.Count, $"{_def.Name}的数据行", anchor, atEnd: pos >= tokens.Count);
        if (settled is null) return pos;
        foreach (var row in _def.Rows)
        {
            var mine = refs.Select((r, i) => (r, i)).Where(x => x.r.RowKey == row.Key).OrderBy(x => x.r.Column).Select(x => settled[x.i]).ToList();
            var cells = ReadCells(mine, row, -1, $"{_def.Name}“{string.Concat(row.LabelPath)}”");
            if (cells is not null) _rows[row.Key] = cells;
        }
        return pos;
    }
}
