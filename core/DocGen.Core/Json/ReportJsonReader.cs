using System.Text.Json;
using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Validation;
using Pointer = DocGen.Core.Validation.Pointer;

namespace DocGen.Core.Json;

/// <summary>The outcome of reading report JSON: the report, or the faults that kept it from being read.</summary>
public sealed record ReadResult(Report? Report, IReadOnlyList<Finding> Errors)
{
    public bool Ok => Report is not null && Errors.Count == 0;
}

/// <summary>
/// Reads report JSON strictly: an unknown field, a wrong type, a malformed document or text in a number
/// cell is a fault with the JSON pointer of the place. Faults are collected, not thrown, so a user sees
/// all of them at once. Arithmetic and value ranges are the validator's business, not the reader's.
/// </summary>
public static class ReportJsonReader
{
    /// <summary>Largest document accepted (bytes); the HTTP service has its own, configurable limit.</summary>
    public const int MaxBytes = ReportLimits.MaxBytes;
    private const int MaxDepth = 64;

    private static readonly string[] RootFields =
        ["$schema", "edition", "agency", "year", "title", "publicationDate", "contact", "preface", "sections", "tables"];
    internal static readonly string[] ContactFields = ["office", "address", "postcode", "phone", "fax", "email", "website"];

    public static ReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
            return Fail(Finding.Error(ReportLimits.DocumentTooLargeCode, "", $"文件大小为{utf8.Length}字节，超过上限{MaxBytes}字节"));
        if (utf8.Span.StartsWith(Bom)) utf8 = utf8[Bom.Length..];
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
            return Fail(Finding.Error("INVALID_UTF8", "", $"文件不是有效的UTF-8文本（第{FirstInvalidLine(utf8.Span)}行有无效字节），请以UTF-8编码保存"));
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $"第{line + 1}行第{e.BytePositionInLine + 1}字节处" : "";
            return Fail(Finding.Error("MALFORMED_JSON", "", $"不是有效的JSON文档，{where}无法解析"));
        }
        using (doc)
        {
            var textFaults = JsonTextCheck.Check(utf8.Span, MaxDepth);
            if (textFaults.Count > 0) return new ReadResult(null, textFaults);
            var reader = new Reader();
            var report = reader.ReadRoot(doc.RootElement);
            return new ReadResult(reader.Errors.Count == 0 ? report : null, reader.Errors);
        }
    }

    private static ReadResult Fail(Finding f) => new(null, [f]);

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private static int FirstInvalidLine(ReadOnlySpan<byte> bytes)
    {
        int line = 1, start = 0;
        while (true)
        {
            int nl = bytes[start..].IndexOf((byte)'\n');
            var chunk = nl < 0 ? bytes[start..] : bytes[start..(start + nl)];
            if (!System.Text.Unicode.Utf8.IsValid(chunk) || nl < 0) return line;
            start += nl + 1;
            line++;
        }
    }

    private sealed class Reader
    {
        public List<Finding> Errors { get; } = [];

        private void Error(string code, string pointer, string message) => Errors.Add(Finding.Error(code, pointer, message));

        private static string KindName(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "对象",
            JsonValueKind.Array => "数组",
            JsonValueKind.String => "字符串",
            JsonValueKind.Number => "数字",
            JsonValueKind.True or JsonValueKind.False => "布尔值",
            JsonValueKind.Null => "null",
            _ => "未知值",
        };

        private bool Expect(JsonElement e, JsonValueKind kind, string pointer, string what)
        {
            if (e.ValueKind == kind) return true;
            Error("WRONG_TYPE", pointer, $"{what}应为{KindName(kind)}，实际为{KindName(e.ValueKind)}");
            return false;
        }

        private void CheckFields(JsonElement obj, string pointer, IReadOnlyCollection<string> known, string what)
        {
            foreach (var p in obj.EnumerateObject())
                if (!known.Contains(p.Name))
                    Error("UNKNOWN_FIELD", Pointer.Join(pointer, p.Name), $"{what}中有未知字段“{p.Name}”");
        }

        private string? OptionalString(JsonElement obj, string name, string pointer, string what)
        {
            if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            return Expect(v, JsonValueKind.String, Pointer.Join(pointer, name), what) ? v.GetString() : null;
        }

        public Report? ReadRoot(JsonElement root)
        {
            if (!Expect(root, JsonValueKind.Object, "", "报告")) return null;
            CheckFields(root, "", RootFields, "报告");

            Edition? edition = null;
            if (!root.TryGetProperty("edition", out var ed))
                Error("MISSING_FIELD", "/edition", "缺少版本字段edition（\"2021\"、\"2019\"或\"legacy\"）");
            else if (Expect(ed, JsonValueKind.String, "/edition", "版本edition"))
            {
                edition = EditionCatalog.Find(ed.GetString());
                if (edition is null)
                    Error("UNKNOWN_EDITION", "/edition", $"未知的报告格式版本“{ed.GetString()}”，应为\"2021\"、\"2019\"或\"legacy\"");
            }

            string? agency = OptionalString(root, "agency", "", "机关名称agency");
            if (root.TryGetProperty("agency", out _) is false)
                Error("MISSING_FIELD", "/agency", "缺少机关名称字段agency");

            int year = 0;
            if (!root.TryGetProperty("year", out var y))
                Error("MISSING_FIELD", "/year", "缺少年度字段year");
            else if (Expect(y, JsonValueKind.Number, "/year", "年度year") && !y.TryGetInt32(out year))
                Error("WRONG_TYPE", "/year", $"年度year应为整数，实际为{y.GetRawText()}");

            string? title = OptionalString(root, "title", "", "标题title");
            DateOnly? date = null;
            if (OptionalString(root, "publicationDate", "", "发布日期publicationDate") is { } ds)
            {
                if (DateOnly.TryParseExact(ds, "yyyy-MM-dd", out var d)) date = d;
                else Error("INVALID_DATE", "/publicationDate", $"发布日期“{ds}”应写作YYYY-MM-DD");
            }

            Contact? contact = null;
            if (root.TryGetProperty("contact", out var c) && c.ValueKind != JsonValueKind.Null
                && Expect(c, JsonValueKind.Object, "/contact", "联系方式contact"))
            {
                CheckFields(c, "/contact", ContactFields, "联系方式");
                contact = new Contact
                {
                    Office = OptionalString(c, "office", "/contact", "联系部门"),
                    Address = OptionalString(c, "address", "/contact", "地址"),
                    Postcode = OptionalString(c, "postcode", "/contact", "邮编"),
                    Phone = OptionalString(c, "phone", "/contact", "电话"),
                    Fax = OptionalString(c, "fax", "/contact", "传真"),
                    Email = OptionalString(c, "email", "/contact", "电子邮箱"),
                    Website = OptionalString(c, "website", "/contact", "网站"),
                };
            }

            var preface = root.TryGetProperty("preface", out var pf) ? ReadBlocks(pf, "/preface", 0) : [];
            var sections = root.TryGetProperty("sections", out var ss) ? ReadSections(ss, edition) : [];
            var tables = root.TryGetProperty("tables", out var ts) && edition is not null
                ? ReadTables(ts, edition)
                : new Dictionary<string, TableData>();

            if (edition is null || agency is null) return null;
            return new Report
            {
                Edition = edition.Id,
                Agency = agency,
                Year = year,
                Title = title,
                PublicationDate = date,
                Contact = contact,
                Preface = preface,
                Sections = sections,
                Tables = tables,
            };
        }

        private int _blocks;
        private long _chars;
        private bool _tooLarge;

        /// <summary>Counts a block against <see cref="ReportLimits"/>; false (once reported) when the report is too large.</summary>
        private bool Admit(string pointer, int chars)
        {
            if (_tooLarge) return false;
            if (chars > ReportLimits.MaxBlockChars)
                Error(ReportLimits.TooLargeCode, pointer, $"一段文字有{chars}个字符，超过上限{ReportLimits.MaxBlockChars}个（约80页）");
            else if (++_blocks > ReportLimits.MaxBlocks)
                Error(ReportLimits.TooLargeCode, pointer, $"段落、要点和小节共超过{ReportLimits.MaxBlocks}个，超出一份年度报告的合理篇幅");
            else if ((_chars += chars) > ReportLimits.MaxTextChars)
                Error(ReportLimits.TooLargeCode, pointer, $"正文超过{ReportLimits.MaxTextChars}个字符（约800页），超出一份年度报告的合理篇幅");
            else return true;
            _tooLarge = true;
            return false;
        }

        private static int TextLength(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Length : 0;

        private const int MaxNesting = ReportLimits.MaxNesting;

        /// <summary>Blocks: a string is a paragraph; {lead, text} a point; {heading, blocks} a subsection.</summary>
        private List<Block> ReadBlocks(JsonElement array, string pointer, int depth)
        {
            var blocks = new List<Block>();
            if (!Expect(array, JsonValueKind.Array, pointer, "段落列表")) return blocks;
            int i = 0;
            foreach (var item in array.EnumerateArray())
            {
                string p = Pointer.Join(pointer, i++);
                int chars = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString()!.Length,
                    JsonValueKind.Object => TextLength(item, "heading") + TextLength(item, "lead") + TextLength(item, "text"),
                    _ => 0,
                };
                if (!Admit(p, chars)) break;
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        blocks.Add(new Paragraph(item.GetString()!));
                        break;
                    case JsonValueKind.Object when item.TryGetProperty("heading", out _):
                        CheckFields(item, p, ["heading", "blocks"], "小节");
                        if (depth >= MaxNesting) { Error("TOO_DEEP", p, $"小节嵌套超过{MaxNesting}层"); break; }
                        string heading = OptionalString(item, "heading", p, "小节标题heading") ?? "";
                        var inner = item.TryGetProperty("blocks", out var b) ? ReadBlocks(b, Pointer.Join(p, "blocks"), depth + 1) : [];
                        blocks.Add(new Subsection(heading, inner));
                        break;
                    case JsonValueKind.Object when item.TryGetProperty("lead", out _):
                        CheckFields(item, p, ["lead", "text"], "要点");
                        blocks.Add(new Point(OptionalString(item, "lead", p, "要点首句lead") ?? "", OptionalString(item, "text", p, "要点正文text") ?? ""));
                        break;
                    default:
                        Error("WRONG_TYPE", p, $"段落应为字符串、要点对象{{lead,text}}或小节对象{{heading,blocks}}，实际为{KindName(item.ValueKind)}");
                        break;
                }
            }
            return blocks;
        }

        private List<Section> ReadSections(JsonElement array, Edition? edition)
        {
            var sections = new List<Section>();
            if (!Expect(array, JsonValueKind.Array, "/sections", "章节列表sections")) return sections;
            int i = 0;
            foreach (var item in array.EnumerateArray())
            {
                string p = Pointer.Join("/sections", i++);
                if (!Expect(item, JsonValueKind.Object, p, "章节")) continue;
                CheckFields(item, p, ["key", "heading", "blocks"], "章节");
                string? key = OptionalString(item, "key", p, "章节键key");
                string? heading = OptionalString(item, "heading", p, "章节标题heading");
                if (edition is { Mandated: true })
                {
                    var def = key is null ? null : edition.Section(key);
                    if (key is null)
                        Error("MISSING_FIELD", Pointer.Join(p, "key"), "缺少章节键key（overview、proactive、requests、reviews、problems、other之一）");
                    else if (def is null)
                        Error("UNKNOWN_SECTION", Pointer.Join(p, "key"), $"未知的章节键“{key}”");
                    heading ??= def?.Heading;
                }
                else if (heading is null)
                    Error("MISSING_FIELD", Pointer.Join(p, "heading"), "缺少章节标题heading");
                var blocks = item.TryGetProperty("blocks", out var b) ? ReadBlocks(b, Pointer.Join(p, "blocks"), 0) : [];
                sections.Add(new Section { Key = key, Heading = heading ?? "", Blocks = blocks });
            }
            return sections;
        }

        private Dictionary<string, TableData> ReadTables(JsonElement obj, Edition edition)
        {
            var tables = new Dictionary<string, TableData>();
            if (!Expect(obj, JsonValueKind.Object, "/tables", "表格tables")) return tables;
            foreach (var t in obj.EnumerateObject())
            {
                string tp = Pointer.Join("/tables", t.Name);
                var def = edition.Table(t.Name);
                if (def is null)
                {
                    Error("UNKNOWN_TABLE", tp, $"{edition.Id}版格式中没有表格“{t.Name}”");
                    continue;
                }
                if (!Expect(t.Value, JsonValueKind.Object, tp, def.Name)) continue;
                var rows = new Dictionary<string, IReadOnlyList<CellValue>>();
                foreach (var r in t.Value.EnumerateObject())
                {
                    string rp = Pointer.Join(tp, r.Name);
                    var row = def.Row(r.Name);
                    if (row is null)
                    {
                        Error("UNKNOWN_ROW", rp, $"{def.Name}中没有行“{r.Name}”");
                        continue;
                    }
                    if (!Expect(r.Value, JsonValueKind.Array, rp, $"{def.Name}“{row.Label}”行")) continue;
                    int count = r.Value.GetArrayLength();
                    if (count != row.Columns.Count)
                    {
                        Error("WRONG_CELL_COUNT", rp, $"{def.Name}“{row.Label}”行应有{row.Columns.Count}个单元格，实际为{count}个");
                        continue;
                    }
                    rows[r.Name] = r.Value.EnumerateArray()
                        .Select((cell, i) => ReadCell(cell, Pointer.Join(rp, i), def, row, row.Columns[i]))
                        .ToArray();
                }
                tables[t.Name] = new TableData(rows);
            }
            return tables;
        }

        /// <summary>A cell: a number, "/" (not applicable), null (left blank), or {value, unit} for money with its unit.</summary>
        private CellValue ReadCell(JsonElement cell, string pointer, TableDef table, RowDef row, ColumnDef column)
        {
            string where = $"{table.Name}“{row.Label}”行“{column.Label}”列";
            switch (cell.ValueKind)
            {
                case JsonValueKind.Null:
                    return CellValue.Blank;
                case JsonValueKind.String when cell.GetString() == "/":
                    return CellValue.NotApplicable;
                case JsonValueKind.Number:
                    return Number(cell, pointer, where, column, null);
                case JsonValueKind.Object when column.Kind == ValueKind.Money:
                    CheckFields(cell, pointer, ["value", "unit"], where);
                    string? unit = OptionalString(cell, "unit", pointer, "单位unit");
                    if (unit is not ("元" or "万元"))
                        Error("INVALID_UNIT", Pointer.Join(pointer, "unit"), $"{where}的单位应为“元”或“万元”");
                    if (cell.TryGetProperty("value", out var v) && Expect(v, JsonValueKind.Number, Pointer.Join(pointer, "value"), where))
                        return Number(v, pointer, where, column, unit);
                    return CellValue.Blank;
                default:
                    Error("INVALID_CELL", pointer,
                        $"{where}应为数字、\"/\"（不适用）或null（空白），实际为{(cell.ValueKind == JsonValueKind.String ? $"文本“{cell.GetString()}”" : KindName(cell.ValueKind))}");
                    return CellValue.Blank;
            }
        }

        private CellValue Number(JsonElement e, string pointer, string where, ColumnDef column, string? unit)
        {
            if (!e.TryGetDecimal(out var n))
            {
                Error("INVALID_CELL", pointer, $"{where}的数值{e.GetRawText()}超出范围");
                return CellValue.Blank;
            }
            var kind = column.Kind switch
            {
                ValueKind.Money => CellKind.Decimal,
                ValueKind.Change => CellKind.Change,
                _ => n == decimal.Truncate(n) ? CellKind.Integer : CellKind.Decimal,
            };
            return new CellValue(kind, n, unit);
        }
    }
}
