namespace DocGen.Core.Import;

/// <summary>
/// Reads one source format into a <see cref="NeutralDocument"/>. A reader knows its format and nothing of
/// editions. Input it cannot read at all (corrupt, encrypted, a zip bomb, not its format) raises an
/// <see cref="ImportException"/>; anything it can read but the user should check goes into
/// <see cref="NeutralDocument.ReaderIssues"/>.
/// </summary>
public interface IDocumentReader
{
    /// <summary>Short format name: "text", "docx", "html", "xlsx".</summary>
    string Format { get; }

    /// <summary>File name endings this reader takes (".docx"), for dispatch by extension.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Media types this reader takes ("text/html"), for dispatch by content type.</summary>
    IReadOnlyList<string> MediaTypes { get; }

    /// <summary>
    /// Whether the content looks like this format (a zip holding word/document.xml, "&lt;html"). It gets the
    /// whole content: a zip's central directory, with the part names, is at its end.
    /// </summary>
    bool Sniff(ReadOnlySpan<byte> head);

    NeutralDocument Read(ReadOnlyMemory<byte> content, string? fileName);
}

/// <summary>Input a reader cannot read at all: a stable English code and a message in Chinese naming the file and the fault.</summary>
public sealed class ImportException(string code, string message, Exception? inner = null) : DocGenException(code, message, inner);
