using DocGen.Core.Rendering;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace DocGen.Core.Word;

/// <summary>
/// Makes a .docx reproducible. System.IO.Packaging stamps every zip entry with the current time and
/// gives package-level relationships random ids ("R1a2b…"); this rewrites the zip (<see cref="ZipWriter"/>)
/// with a fixed timestamp, a fixed entry order and numbered package relationship ids (nothing refers to those).
/// </summary>
internal static class WordPackage
{
    private static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static byte[] Normalise(byte[] docx, DateTime stamp) =>
        ZipWriter.Write(Entries(docx).Select(e => ZipPart.Deflate(e.Name, e.Data)).ToList(), stamp);

    /// <summary>
    /// A saved package's entries as a normalised .docx holds them: content types first, then the package
    /// relationships (renumbered), then the rest by name; each one's data uncompressed.
    /// </summary>
    public static List<(string Name, byte[] Data)> Entries(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>(input.Entries.Count);
        foreach (var entry in input.Entries.OrderBy(e => Rank(e.FullName)).ThenBy(e => e.FullName, StringComparer.Ordinal))
        {
            byte[] data;
            using (var s = entry.Open())
            using (var ms = new MemoryStream())
            {
                s.CopyTo(ms);
                data = ms.ToArray();
            }
            if (entry.FullName == "_rels/.rels") data = RenumberPackageRelationships(data);
            entries.Add((entry.FullName, data));
        }
        return entries;
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    };

    private static byte[] RenumberPackageRelationships(byte[] xml)
    {
        var doc = XDocument.Load(new MemoryStream(xml));
        var rels = doc.Root!.Elements(Rels + "Relationship")
            .OrderBy(e => (string?)e.Attribute("Type"), StringComparer.Ordinal)
            .ThenBy(e => (string?)e.Attribute("Target"), StringComparer.Ordinal)
            .ToList();
        int n = 0;
        foreach (var rel in rels) rel.SetAttributeValue("Id", $"rIdPkg{++n}");
        doc.Root.ReplaceNodes(rels);
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            doc.Save(w);
        return ms.ToArray();
    }

    /// <summary>Writes docProps/core.xml: title, creator, created and modified.</summary>
    public static void WriteCoreProperties(WordprocessingDocument doc, string title, string creator, DateTime stamp)
    {
        var part = doc.CoreFilePropertiesPart ?? doc.AddCoreFilePropertiesPart();
        part.FeedData(new MemoryStream(CoreProperties(title, creator, stamp), writable: false));
    }

    /// <summary>The XML of docProps/core.xml: title, creator, created and modified.</summary>
    public static byte[] CoreProperties(string title, string creator, DateTime stamp)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        string when = stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var xml = new XDocument(new XDeclaration("1.0", "UTF-8", "yes"),
            new XElement(cp + "coreProperties",
                new XAttribute(XNamespace.Xmlns + "cp", cp), new XAttribute(XNamespace.Xmlns + "dc", dc),
                new XAttribute(XNamespace.Xmlns + "dcterms", dcterms), new XAttribute(XNamespace.Xmlns + "xsi", xsi),
                new XElement(dc + "title", TextCleaner.Clean(title)),
                new XElement(dc + "creator", TextCleaner.Clean(creator)),
                new XElement(cp + "lastModifiedBy", TextCleaner.Clean(creator)),
                new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"), when),
                new XElement(dcterms + "modified", new XAttribute(xsi + "type", "dcterms:W3CDTF"), when)));
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            xml.Save(w);
        return ms.ToArray();
    }
}
