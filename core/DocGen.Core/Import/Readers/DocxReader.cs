using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Import.Readers;

/// <summary>
/// A Word document, DocGen's or anyone's: the body's paragraphs (with the bold lead of a numbered point)
/// and tables in order, content controls looked through, each table a grid with gridSpan and vMerge resolved.
/// Headers and footers (page numbers) are not the report and are not read.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public const string FormatName = "docx";
    private const string What = "Word文档";

    public string Format => FormatName;
    /// <summary>".doc" too, so that an old binary document gets told what to do (<see cref="ZipSafety"/>).</summary>
    public IReadOnlyList<string> Extensions { get; } = [".docx", ".doc", ".docm"];
    public IReadOnlyList<string> MediaTypes { get; } = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"];

    public bool Sniff(ReadOnlySpan<byte> head) => ZipSafety.LooksLikeZip(head) && head.IndexOf("word/document.xml"u8) >= 0;

    public NeutralDocument Read(ReadOnlyMemory<byte> content, string? fileName)
    {
        ZipSafety.Check(content, What, fileName);
        string name = fileName is null ? What : $"{What}“{fileName}”";
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(content.ToArray(), writable: false), false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new ImportException(ImportRefusals.CorruptDocx, $"{name}中没有正文部分");
            var walker = new Walker();
            walker.Blocks(body);
            return new NeutralDocument(FormatName, walker.Elements) { FileName = fileName };
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or IOException)
        {
            throw new ImportException(ImportRefusals.CorruptDocx, $"{name}已损坏或不是Word文档，无法读取", e);
        }
    }

    private sealed class Walker
    {
        public List<DocElement> Elements { get; } = [];
        private int _paragraphs;
        private int _tables;

        private int NextLine => Elements.Count + 1;

        public void Blocks(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        _paragraphs++;
                        var (text, lead) = ParagraphText(p);
                        Elements.Add(new DocParagraph(text, new SourcePlace(NextLine, $"第{_paragraphs}段")) { BoldLead = lead });
                        break;
                    case Table t:
                        _tables++;
                        Elements.Add(Grid(t, _tables, NextLine));
                        break;
                    case SdtBlock or SdtContentBlock or CustomXmlBlock:
                        Blocks(child);
                        break;
                }
            }
        }

        /// <summary>The paragraph's text, and the text of the bold runs it opens with (null when it does not).</summary>
        private static (string Text, string? Lead) ParagraphText(Paragraph p)
        {
            var text = new System.Text.StringBuilder();
            int leadEnd = -1;
            bool leading = true;
            foreach (var run in p.Descendants<Run>())
            {
                string t = RunText(run);
                if (t.Length == 0) continue;
                if (leading && !IsBold(run) && t.Trim().Length > 0)
                {
                    leading = false;
                    leadEnd = text.Length;
                }
                text.Append(t);
            }
            string all = text.ToString();
            string? lead = leadEnd > 0 ? all[..leadEnd] : leading && all.Trim().Length > 0 ? all : null;
            return (all, lead);
        }

        private static string RunText(Run run)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var e in run.ChildElements)
                switch (e)
                {
                    case Text t: sb.Append(t.Text); break;
                    case TabChar: sb.Append(' '); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                }
            return sb.ToString();
        }

        private static bool IsBold(Run run)
        {
            var b = run.RunProperties?.Bold;
            return b is not null && (b.Val is null || b.Val.Value);
        }

        private static string CellText(TableCell cell) =>
            string.Concat(cell.Descendants<Paragraph>().Select(p => ParagraphText(p).Text)).Trim();

        /// <summary>The table as a grid: gridBefore and gridSpan place cells in columns, vMerge continuation cells are covered.</summary>
        private static DocGrid Grid(Table table, int ordinal, int line)
        {
            var rows = new List<List<GridCell>>();
            // Per grid column: the row and index of the cell a vertical merge continues.
            var openMerges = new Dictionary<int, (int Row, int Index)>();
            foreach (var tr in Rows(table))
            {
                int r = rows.Count;
                var place = new SourcePlace(line + r, $"第{ordinal}个表格第{r + 1}行");
                var row = new List<GridCell>();
                int before = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (int i = 0; i < before; i++) row.Add(new GridCell(null, place));
                foreach (var tc in Cells(tr))
                {
                    int col = row.Count;
                    int span = Math.Clamp(tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1, 512);
                    var merge = tc.TableCellProperties?.VerticalMerge;
                    var cellPlace = place with { Where = $"{place.Where}第{col + 1}列" };
                    if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue) && openMerges.TryGetValue(col, out var origin))
                    {
                        rows[origin.Row][origin.Index] = rows[origin.Row][origin.Index] with { RowSpan = rows[origin.Row][origin.Index].RowSpan + 1 };
                        for (int i = 0; i < span; i++) row.Add(GridCell.CoveredAt(cellPlace));
                        continue;
                    }
                    string text = CellText(tc);
                    row.Add(new GridCell(text.Length == 0 ? null : text, cellPlace) { ColSpan = span });
                    for (int i = 1; i < span; i++) row.Add(GridCell.CoveredAt(cellPlace));
                    if (merge?.Val?.Value == MergedCellValues.Restart) openMerges[col] = (r, col);
                    else openMerges.Remove(col);
                }
                rows.Add(row);
            }
            return new DocGrid(rows, new SourcePlace(line, $"第{ordinal}个表格"));
        }

        private static IEnumerable<TableRow> Rows(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
                if (child is TableRow tr) yield return tr;
                else if (child is SdtRow or SdtContentRow or CustomXmlRow)
                    foreach (var nested in Rows(child)) yield return nested;
        }

        private static IEnumerable<TableCell> Cells(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
                if (child is TableCell tc) yield return tc;
                else if (child is SdtCell or SdtContentCell or CustomXmlCell)
                    foreach (var nested in Cells(child)) yield return nested;
        }
    }
}
