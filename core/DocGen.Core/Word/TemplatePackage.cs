using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Word;

/// <summary>
/// The .docx of a template's filled copy, made without the OpenXML package: a report changes only the main document
/// and the core properties, so every other part (content types, relationships, styles, fonts, settings, footers…) is
/// deflated once per template, as <see cref="WordPackage.Normalise"/> writes it after the SDK has saved a filled copy,
/// and each render deflates its two parts and writes the zip around the rest.
/// </summary>
internal sealed class TemplatePackage
{
    // Every entry in the order of the normalised package; null where a render puts its document or its core properties.
    private readonly ZipPart?[] _parts;
    private readonly int _document, _core;
    private readonly string _documentName, _coreName;

    private TemplatePackage(ZipPart?[] parts, int document, string documentName, int core, string coreName)
    {
        (_parts, _document, _documentName, _core, _coreName) = (parts, document, documentName, core, coreName);
    }

    /// <summary>
    /// Saves one copy of the template the way a render saved each filled copy (styles fed the bytes of their parsed
    /// tree, core properties written), with the main document left as the template has it, and keeps its parts.
    /// </summary>
    public static TemplatePackage Create(byte[] template, byte[]? stylesXml)
    {
        string documentName, coreName;
        using var saved = new MemoryStream();
        saved.Write(template);
        saved.Position = 0;
        using (var doc = ParsedTemplate.Open(saved, editable: true))
        {
            var main = doc.MainDocumentPart!;
            if (stylesXml != null) main.StyleDefinitionsPart!.FeedData(new MemoryStream(stylesXml, writable: false));
            WordPackage.WriteCoreProperties(doc, "", "", DateTime.UnixEpoch);
            documentName = EntryName(main.Uri);
            coreName = EntryName(doc.CoreFilePropertiesPart!.Uri);
        }

        var entries = WordPackage.Entries(saved.ToArray());
        int document = Slot(entries, documentName), core = Slot(entries, coreName);
        var parts = new ZipPart?[entries.Count];
        for (int i = 0; i < entries.Count; i++)
            if (i != document && i != core) parts[i] = ZipPart.Deflate(entries[i].Name, entries[i].Data);
        return new TemplatePackage(parts, document, entries[document].Name, core, entries[core].Name);
    }

    /// <summary>The .docx with this document and these core properties.</summary>
    public byte[] Write(Document document, byte[] coreProperties, DateTime stamp)
    {
        byte[] xml;
        using (var ms = new MemoryStream())
        {
            // What the SDK writes for a part's root when it saves the package.
            document.Save(ms);
            xml = ms.ToArray();
        }
        var parts = new ZipPart[_parts.Length];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = i == _document ? ZipPart.Deflate(_documentName, xml)
                : i == _core ? ZipPart.Deflate(_coreName, coreProperties)
                : _parts[i]!;
        return ZipWriter.Write(parts, stamp);
    }

    private static string EntryName(Uri part) => Uri.UnescapeDataString(part.OriginalString).TrimStart('/');

    private static int Slot(List<(string Name, byte[] Data)> entries, string name)
    {
        int slot = entries.FindIndex(e => Uri.UnescapeDataString(e.Name) == name);
        return slot >= 0 ? slot
            : throw new WordTemplateException(WordTemplateException.Unreadable, "", $"模板的部件“{name}”在压缩包中找不到");
    }
}
