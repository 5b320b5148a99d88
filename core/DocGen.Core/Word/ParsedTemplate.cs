using System.Collections.Concurrent;
using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Word;

/// <summary>
/// A .docx template read once: the parsed tree of word/document.xml, which each render clones and fills, and the
/// rest of the package as every filled copy holds it (<see cref="TemplatePackage"/>), so a render parses nothing and
/// opens no package; its output is what the SDK saves for a fresh parse (tested part by part and byte for byte).
/// </summary>
internal sealed class ParsedTemplate
{
    private readonly Document _document;
    // Cloning only reads the tree; the lock keeps that true should the SDK parse lazily on a first read.
    private readonly System.Threading.Lock _gate = new();

    private ParsedTemplate(byte[] bytes, Document document, Styles? styles)
    {
        _document = document;
        byte[]? stylesXml = null;
        if (styles != null)
        {
            // The styles part as the package saves its parsed tree (the filler never changes styles).
            using var xml = new MemoryStream();
            styles.Save(xml);
            stylesXml = xml.ToArray();
        }
        StyleIds = styles?.Elements<Style>().Select(st => st.StyleId?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        // Every element parsed now, so a clone never triggers parsing of the shared tree.
        foreach (var element in document.Descendants()) HasContentControls |= element is SdtElement;
        Package = TemplatePackage.Create(bytes, stylesXml);
    }

    /// <summary>The package's other parts, ready to write around a filled document.</summary>
    public TemplatePackage Package { get; }

    /// <summary>The document holds content controls (a template without them has nowhere to put a report).</summary>
    public bool HasContentControls { get; }

    /// <summary>The ids of the template's styles (the filler uses a lead style only where the template has it).</summary>
    public IReadOnlySet<string> StyleIds { get; }

    /// <summary>A copy of the template's document tree to fill.</summary>
    public Document CloneDocument()
    {
        lock (_gate) return (Document)_document.CloneNode(true);
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

    /// <summary>Opens a template's package; one the SDK cannot read is refused with <see cref="WordTemplateException.Unreadable"/>.</summary>
    internal static WordprocessingDocument Open(MemoryStream stream, bool editable)
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
