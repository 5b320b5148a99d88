using System.Collections.Concurrent;
using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Word;

/// <summary>
/// A .docx template read once: the package bytes and the parsed trees of the two parts the filler
/// reads (word/document.xml, word/styles.xml). Each render opens the bytes and puts a fresh clone of the
/// document tree in place, and the styles as the package would write their parsed tree, so it never parses
/// them again; the package writes a clone exactly as it would have written the tree it parsed itself.
/// </summary>
internal sealed class ParsedTemplate
{
    private readonly Document _document;
    // The styles part as the package would save its parsed tree: the filler never changes styles, so each render
    // feeds these bytes instead of cloning the tree and serialising the clone again (about 7 of the 36 KB of XML).
    private readonly byte[]? _stylesXml;
    // Cloning only reads the trees; the lock keeps that true should the SDK parse lazily on a first read.
    private readonly System.Threading.Lock _gate = new();

    private ParsedTemplate(byte[] bytes, Document document, Styles? styles)
    {
        Bytes = bytes;
        _document = document;
        if (styles != null)
        {
            using var xml = new MemoryStream();
            styles.Save(xml);
            _stylesXml = xml.ToArray();
        }
        StyleIds = styles?.Elements<Style>().Select(st => st.StyleId?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        // Every element parsed now, so a clone never triggers parsing of the shared tree.
        foreach (var element in document.Descendants()) HasContentControls |= element is SdtElement;
    }

    /// <summary>The template's package, unchanged.</summary>
    public byte[] Bytes { get; }

    /// <summary>The document holds content controls (a template without them has nowhere to put a report).</summary>
    public bool HasContentControls { get; }

    /// <summary>The ids of the template's styles (the filler uses a lead style only where the template has it).</summary>
    public IReadOnlySet<string> StyleIds { get; }

    /// <summary>Opens a copy of the package with its document and styles replaced by clones of the parsed trees.</summary>
    public WordprocessingDocument OpenCopy(MemoryStream stream, out Body body)
    {
        stream.Write(Bytes);
        stream.Position = 0;
        var doc = Open(stream, editable: true);
        Document document;
        lock (_gate) document = (Document)_document.CloneNode(true);
        var main = doc.MainDocumentPart!;
        main.Document = document;
        if (_stylesXml != null) main.StyleDefinitionsPart!.FeedData(new MemoryStream(_stylesXml, writable: false));
        body = document.Body!;
        return doc;
    }

    /// <summary>Reads a template; a package that is not a Word document, or has no body, is refused.</summary>
    public static ParsedTemplate Parse(byte[] bytes)
    {
        using var doc = Open(new MemoryStream(bytes, writable: false), editable: false);
        var document = doc.MainDocumentPart?.Document;
        if (document?.Body is null)
            throw new WordTemplateException(WordTemplateException.Unreadable, "", "模板中没有正文（word/document.xml）");
        return new ParsedTemplate(bytes, document, doc.MainDocumentPart!.StyleDefinitionsPart?.Styles);
    }

    private static WordprocessingDocument Open(MemoryStream stream, bool editable)
    {
        try
        {
            return WordprocessingDocument.Open(stream, editable);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new WordTemplateException(WordTemplateException.Unreadable, "", $"模板不是可读取的Word文档（.docx）：{e.Message}");
        }
    }
}

/// <summary>
/// The templates parsed in this process, by content: the embedded ones and any the caller passes (a CLI
/// batch passes the same bytes for every report). Small and bounded: cleared past a handful.
/// </summary>
internal static class TemplateCache
{
    private const int MaxEntries = 8;
    private static readonly ConcurrentDictionary<string, ParsedTemplate> Parsed = new(StringComparer.Ordinal);

    public static ParsedTemplate Get(byte[] template)
    {
        string key = Convert.ToHexString(SHA256.HashData(template));
        if (Parsed.TryGetValue(key, out var parsed)) return parsed;
        // Copied: the caller's array may change after this call, the cached bytes must not.
        parsed = ParsedTemplate.Parse(template.ToArray());
        if (Parsed.Count >= MaxEntries) Parsed.Clear();
        return Parsed.GetOrAdd(key, parsed);
    }
}
