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
/// gives package-level relationships random ids ("R1a2b…"); this rewrites the zip with a fixed
/// timestamp, a fixed entry order and numbered package relationship ids (nothing refers to those).
/// </summary>
internal static class WordPackage
{
    private static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static byte[] Normalise(byte[] docx, DateTime stamp)
    {
        // Zip (DOS) times run from 1980; keep the stamp inside the range.
        if (stamp.Year < 1980) stamp = new DateTime(1980, 1, 1);
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var entries = input.Entries.OrderBy(e => Rank(e.FullName)).ThenBy(e => e.FullName, StringComparer.Ordinal).ToList();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                byte[] data;
                using (var s = entry.Open())
                using (var ms = new MemoryStream())
                {
                    s.CopyTo(ms);
                    data = ms.ToArray();
                }
                if (entry.FullName == "_rels/.rels") data = RenumberPackageRelationships(data);
                var target = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                target.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified), TimeSpan.Zero);
                using var ts = target.Open();
                ts.Write(data);
            }
        }
        return SamePlatform(output.ToArray());
    }

    /// <summary>
    /// ZipArchive records the platform it ran on ("version made by": 0 on Windows, 3 on Unix) in each
    /// central directory entry; fix it to MS-DOS with no external attributes so every OS writes the same bytes.
    /// </summary>
    private static byte[] SamePlatform(byte[] zip)
    {
        int eocd = zip.Length - 22;
        while (eocd >= 0 && BitConverter.ToUInt32(zip, eocd) != 0x06054b50) eocd--;
        if (eocd < 0) return zip;
        int count = BitConverter.ToUInt16(zip, eocd + 10);
        int at = (int)BitConverter.ToUInt32(zip, eocd + 16);
        for (int i = 0; i < count && at + 46 <= zip.Length && BitConverter.ToUInt32(zip, at) == 0x02014b50; i++)
        {
            zip[at + 5] = 0;                       // version made by: MS-DOS
            Array.Clear(zip, at + 38, 4);          // external file attributes
            int name = BitConverter.ToUInt16(zip, at + 28), extra = BitConverter.ToUInt16(zip, at + 30), comment = BitConverter.ToUInt16(zip, at + 32);
            at += 46 + name + extra + comment;
        }
        return zip;
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
        var part = doc.CoreFilePropertiesPart ?? doc.AddCoreFilePropertiesPart();
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            xml.Save(w);
        ms.Position = 0;
        part.FeedData(ms);
    }
}
