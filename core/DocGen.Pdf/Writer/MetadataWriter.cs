using System.Security;
using System.Text;
using static DocGen.Pdf.Writer.PdfSyntax;

namespace DocGen.Pdf.Writer;

/// <summary>The Info dictionary and the XMP packet carry the same metadata (PDF/A and PDF/UA want both).</summary>
internal static class MetadataWriter
{
    public static string InfoDictionary(DocumentInfo info)
    {
        var sb = new StringBuilder("<<");
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) sb.Append(" /").Append(key).Append(' ').Append(TextString(value)); }
        Add("Title", info.Title);
        Add("Author", info.Author);
        Add("Subject", info.Subject);
        Add("Keywords", info.Keywords);
        Add("Creator", info.Creator);
        Add("Producer", info.Producer);
        if (info.CreationDate is { } d)
            sb.Append(" /CreationDate ").Append(Literal(Date(d))).Append(" /ModDate ").Append(Literal(Date(d)));
        return sb.Append(" >>").ToString();
    }

    public static byte[] Xmp(DocumentInfo info)
    {
        static string X(string? s) => SecurityElement.Escape(s ?? "");
        var sb = new StringBuilder();
        sb.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
          .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
          .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ")
          .Append("xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
          .Append("<dc:format>application/pdf</dc:format>\n");
        if (info.Title != null)
            sb.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (info.Author != null)
            sb.Append("<dc:creator><rdf:Seq><rdf:li>").Append(X(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (info.Subject != null)
            sb.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        sb.Append("<dc:language><rdf:Bag><rdf:li>").Append(X(info.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        sb.Append("<pdf:Producer>").Append(X(info.Producer)).Append("</pdf:Producer>\n");
        if (info.Keywords != null) sb.Append("<pdf:Keywords>").Append(X(info.Keywords)).Append("</pdf:Keywords>\n");
        if (info.Creator != null) sb.Append("<xmp:CreatorTool>").Append(X(info.Creator)).Append("</xmp:CreatorTool>\n");
        if (info.CreationDate is { } d)
        {
            string iso = d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            sb.Append("<xmp:CreateDate>").Append(iso).Append("</xmp:CreateDate>\n<xmp:ModifyDate>").Append(iso).Append("</xmp:ModifyDate>\n");
        }
        sb.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
