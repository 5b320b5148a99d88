using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DocGen.Core.Import.Readers;

/// <summary>
/// A saved report page: block elements become paragraphs (with the bold lead a &lt;strong&gt; opens them
/// with), each data table a grid with colspan and rowspan resolved; &amp;nbsp; and empty cells are blank.
/// Scripts, styles and page chrome (navigation, header, footer, share and print bars) are dropped; tables
/// that only lay out the page (they hold other tables) are read through.
/// </summary>
public sealed partial class HtmlReader : IDocumentReader
{
    public const string FormatName = "html";
    private const int MaxSpan = 100;
    private const int MaxDepth = 400;

    public string Format => FormatName;
    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".shtml", ".xhtml"];
    public IReadOnlyList<string> MediaTypes { get; } = ["text/html", "application/xhtml+xml"];

    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "head"];

    /// <summary>Class or id words of page chrome on government portals.</summary>
    [GeneratedRegex(@"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|breadcrumb|crumb|position|location|share|print|toolbar|sidebar|copyright|banner|topbar|bottom|fontsize|font-size)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeRegex();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<c>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetRegex();

    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "center", "table", "tr", "caption", "body", "hr", "address", "figure", "figcaption",
    ];

    public bool Sniff(ReadOnlySpan<byte> head)
    {
        var start = head[..Math.Min(head.Length, 2048)];
        string s = Encoding.ASCII.GetString(start).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return s.StartsWith('<') && (s.Contains("<html") || s.Contains("<!doctype html") || s.Contains("<body") || s.Contains("<table"));
    }

    public NeutralDocument Read(ReadOnlyMemory<byte> content, string? fileName)
    {
        string html = Decode(content.Span);
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        var issues = new List<ImportIssue>();
        int scripts = document.QuerySelectorAll("script").Length;
        var walker = new Walker();
        if (document.Body is { } body) walker.Walk(body);
        if (walker.Elements.All(e => e is DocParagraph { Text.Length: 0 }))
            throw new ImportException(scripts > 0 ? ImportRefusals.HtmlScriptOnly : ImportRefusals.HtmlNoContent,
                $"{(fileName is null ? "网页" : $"网页“{fileName}”")}中没有报告正文{(scripts > 0 ? "：页面内容由脚本生成，请在浏览器中打开后另存为完整网页，或复制正文文字导入" : "")}");
        if (scripts > 0)
            issues.Add(new ImportIssue(0, "SCRIPTS_IGNORED", $"网页中的{scripts}段脚本未执行，已忽略", false));
        if (walker.Chrome > 0)
            issues.Add(new ImportIssue(0, "DROPPED_PAGE_CHROME", $"略去网页的导航、页眉、页脚等{walker.Chrome}处页面元素", false));
        return new NeutralDocument(FormatName, walker.Elements) { FileName = fileName, ReaderIssues = issues };
    }

    /// <summary>UTF-8 (with or without BOM) when it is valid UTF-8; otherwise the charset the page declares, or GB18030, the superset of GBK.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        Encoding encoding = Encoding.GetEncoding("GB18030");
        if (CharsetRegex().Match(head) is { Success: true } m)
            try { encoding = Encoding.GetEncoding(m.Groups["c"].Value); }
            catch (ArgumentException) { }
        return encoding.GetString(bytes);
    }

    private static string Collapse(string s) => Regex.Replace(s.Replace('\u00A0', ' '), @"[ \t\r\n\f]+", " ");

    private sealed class Walker
    {
        public List<DocElement> Elements { get; } = [];
        public int Chrome { get; private set; }
        private readonly StringBuilder _line = new();
        private int? _leadEnd;
        private bool _leadOpen;
        private int _paragraphs;
        private int _tables;

        private int _depth;

        public void Walk(INode node)
        {
            // Real pages nest a few dozen levels; a page nested thousands deep is hostile and would exhaust the stack.
            if (++_depth > MaxDepth)
                throw new ImportException(ImportRefusals.HtmlTooDeep, $"网页的元素嵌套超过{MaxDepth}层，无法读取");
            try { WalkChildren(node); }
            finally { _depth--; }
        }

        private void WalkChildren(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _line.Append(Collapse(text.Data));
                    continue;
                }
                if (child is not IElement e) continue;
                string tag = e.LocalName;
                if (IsChrome(e, tag))
                {
                    if (tag is not ("script" or "style" or "head")) Chrome++;
                    continue;
                }
                if (tag == "br") { Flush(); continue; }
                if (e is IHtmlTableElement table && table.QuerySelector("table") is null)
                {
                    Flush();
                    _tables++;
                    Elements.Add(Grid(table, _tables, Elements.Count + 1));
                    continue;
                }
                bool block = BlockTags.Contains(tag) || tag is "td" or "th";
                if (block) Flush();
                bool bold = tag is "strong" or "b" && _line.ToString().Trim().Length == 0 && _leadEnd is null;
                if (bold) _leadOpen = true;
                Walk(e);
                if (bold)
                {
                    _leadOpen = false;
                    _leadEnd = _line.Length;
                }
                if (block) Flush();
            }
        }

        /// <summary>
        /// Dropped elements and page chrome by class or id; but a header or footer inside the article (its
        /// title, its signature and date) belongs to the report.
        /// </summary>
        private static bool IsChrome(IElement e, string tag)
        {
            bool inArticle = e.ParentElement?.Closest("article, main") is not null;
            if (tag is "header" or "footer") return !inArticle;
            if (Dropped.Contains(tag)) return true;
            var match = ChromeRegex().Match($"{e.ClassName} {e.Id}");
            return match.Success && !(inArticle && match.Value.Trim(' ', '_', '-').ToLowerInvariant() is "header" or "footer");
        }

        private void Flush()
        {
            string raw = _line.ToString();
            string text = raw.Trim();
            string? lead = null;
            if (_leadEnd is { } end && !_leadOpen)
                lead = raw[..Math.Min(end, raw.Length)].Trim();
            _line.Clear();
            _leadEnd = null;
            if (text.Length == 0) return;
            _paragraphs++;
            Elements.Add(new DocParagraph(text, new SourcePlace(Elements.Count + 1, $"网页第{_paragraphs}段")) { BoldLead = lead is { Length: > 0 } ? lead : null });
        }

        /// <summary>The HTML table algorithm: each cell takes the first free column of its row; rowspan reserves the rows below.</summary>
        private static DocGrid Grid(IHtmlTableElement table, int ordinal, int line)
        {
            var rows = new List<List<GridCell?>>();
            var htmlRows = table.Rows.ToList();
            for (int r = 0; r < htmlRows.Count; r++)
            {
                while (rows.Count <= r) rows.Add([]);
                var place = new SourcePlace(line + r, $"网页第{ordinal}个表格第{r + 1}行");
                int col = 0;
                foreach (var cell in htmlRows[r].Cells)
                {
                    while (col < rows[r].Count && rows[r][col] is not null) col++;
                    int colSpan = Math.Clamp(cell.ColumnSpan, 1, MaxSpan);
                    int rowSpan = cell.RowSpan <= 0 ? htmlRows.Count - r : Math.Clamp(cell.RowSpan, 1, htmlRows.Count - r);
                    string text = Collapse(cell.TextContent).Trim();
                    var cellPlace = place with { Where = $"{place.Where}第{col + 1}列" };
                    for (int dr = 0; dr < rowSpan; dr++)
                    {
                        while (rows.Count <= r + dr) rows.Add([]);
                        var target = rows[r + dr];
                        while (target.Count < col + colSpan) target.Add(null);
                        for (int dc = 0; dc < colSpan; dc++)
                            target[col + dc] = dr == 0 && dc == 0
                                ? new GridCell(text.Length == 0 ? null : text, cellPlace) { ColSpan = colSpan, RowSpan = rowSpan }
                                : GridCell.CoveredAt(cellPlace);
                    }
                    col += colSpan;
                }
            }
            var grid = rows.Select((row, r) => (IReadOnlyList<GridCell>)row
                .Select(c => c ?? new GridCell(null, new SourcePlace(line + r, $"网页第{ordinal}个表格第{r + 1}行"))).ToList()).ToList();
            return new DocGrid(grid, new SourcePlace(line, $"网页第{ordinal}个表格"));
        }
    }
}
