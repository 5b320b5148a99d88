using DocumentFormat.OpenXml.Packaging;

namespace DocGen.Cli;

/// <summary>A --template must be a Word document: checked before any report is rendered, so a wrong file is one clear line.</summary>
internal static class WordTemplateFile
{
    public static void Check(string path, byte[] bytes)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            if (doc.MainDocumentPart?.Document?.Body is null) throw new InvalidDataException("no document body");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException
                                      or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            throw new CliException("TEMPLATE_INVALID", $"模板“{path}”不是有效的.docx文件（应为Word文档）", e);
        }
    }
}
