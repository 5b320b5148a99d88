using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DocGen.Core.Excel;

/// <summary>
/// The OpenXML SDK writes SpreadsheetML with an "x:" prefix on every element. Excel, WPS and LibreOffice read
/// that, but many smaller tools (and scripts offices use) expect the plain default namespace that Excel itself
/// writes, so the workbook parts are rewritten with it.
/// </summary>
internal static class DefaultNamespace
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static byte[] Apply(byte[] xlsx)
    {
        using var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList())
            {
                XDocument doc;
                using (var s = entry.Open()) doc = XDocument.Load(s);
                if (doc.Root is not { } root || root.Name.Namespace != Main) continue;
                foreach (var attr in root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == Main.NamespaceName).ToList()) attr.Remove();
                root.SetAttributeValue("xmlns", Main.NamespaceName);
                using var s2 = entry.Open();
                s2.SetLength(0);
                using var w = XmlWriter.Create(s2, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                doc.Save(w);
            }
        }
        return ms.ToArray();
    }
}
