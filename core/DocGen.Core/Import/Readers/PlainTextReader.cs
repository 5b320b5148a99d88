using System.Text;

namespace DocGen.Core.Import.Readers;

/// <summary>
/// Text copied out of a web page: every line is a paragraph of the neutral document, blank lines included,
/// so line numbers stay those of the file. Tables arrive flattened (one cell a line, tab- or "|"-separated);
/// the matcher recognises them by their labels.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    public string Format => ReportMatcher.TextFormat;
    public IReadOnlyList<string> Extensions { get; } = [".txt", ".text"];
    public IReadOnlyList<string> MediaTypes { get; } = ["text/plain"];

    /// <summary>Never by content: text is what dispatch falls back to (<see cref="DocumentReaders"/>).</summary>
    public bool Sniff(ReadOnlySpan<byte> head) => false;

    public NeutralDocument Read(ReadOnlyMemory<byte> content, string? fileName)
    {
        if (!System.Text.Unicode.Utf8.IsValid(content.Span))
            throw new ImportException(ImportRefusals.InvalidUtf8, $"{(fileName is null ? "文本" : $"文件“{fileName}”")}不是UTF-8文本，请先转换编码（如GBK转UTF-8）");
        return FromText(Encoding.UTF8.GetString(content.Span), fileName);
    }

    public static NeutralDocument FromText(string text, string? fileName)
    {
        var lines = (text ?? "").TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return new NeutralDocument(ReportMatcher.TextFormat, lines.Select((t, i) => (DocElement)new DocParagraph(t, new SourcePlace(i + 1))).ToArray())
        {
            FileName = fileName,
        };
    }
}
