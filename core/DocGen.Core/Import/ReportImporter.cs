using DocGen.Core.Import.Readers;

namespace DocGen.Core.Import;

/// <summary>
/// The way in for every source: pick the reader (by content, then extension or media type), read the
/// source into a neutral document, put traditional characters into simplified ones, match it onto an edition.
/// </summary>
public static class ReportImporter
{
    /// <summary>Largest source accepted by the command line and the API, whatever its format.</summary>
    public const long MaxSourceBytes = 20 * 1024 * 1024;

    /// <summary>Text copied out of a web page.</summary>
    public static ImportResult Import(string text, string? fileName = null) =>
        ReportMatcher.Match(TraditionalChinese.Simplify(PlainTextReader.FromText(text, fileName)));

    /// <summary>
    /// A file of any supported format. Throws <see cref="ImportException"/> when no reader takes it or
    /// the reader cannot read it at all (corrupt, encrypted, too large when unpacked).
    /// </summary>
    public static ImportResult Import(ReadOnlyMemory<byte> content, string? fileName, string? mediaType = null)
    {
        var reader = DocumentReaders.For(content.Span, fileName, mediaType);
        var document = TraditionalChinese.Simplify(reader.Read(content, fileName));
        // A workbook is a set of two-dimensional sheets without headings or narrative: it has a grid matcher of its own.
        return document.Format == Excel.XlsxReader.FormatName ? Excel.WorkbookMatcher.Match(document) : ReportMatcher.Match(document);
    }
}
