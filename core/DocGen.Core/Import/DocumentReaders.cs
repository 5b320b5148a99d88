using DocGen.Core.Import.Readers;

namespace DocGen.Core.Import;

/// <summary>
/// The readers DocGen has, and how a source finds its reader: by its content first (a portal's ".docx"
/// is sometimes a saved web page), then by media type, then by file name; text is the fallback.
/// </summary>
public static class DocumentReaders
{
    public static PlainTextReader Text { get; } = new();

    /// <summary>Every reader, in the order content sniffing tries them.</summary>
    public static IReadOnlyList<IDocumentReader> All { get; } =
    [
        new DocxReader(),
        new HtmlReader(),
        new Excel.XlsxReader(),
        Text,
    ];

    public static IDocumentReader For(ReadOnlySpan<byte> content, string? fileName, string? mediaType)
    {
        foreach (var reader in All)
            if (reader.Sniff(content)) return reader;
        string? type = mediaType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is { Length: > 0 } && All.FirstOrDefault(r => r.MediaTypes.Contains(type)) is { } byType) return byType;
        string ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext.Length > 0 && All.FirstOrDefault(r => r.Extensions.Contains(ext)) is { } byName) return byName;
        if (type is null or "" or "application/octet-stream" && System.Text.Unicode.Utf8.IsValid(content)) return Text;
        throw new ImportException(ImportRefusals.UnsupportedFormat,
            $"{(fileName is null ? "上传的内容" : $"文件“{fileName}”")}的格式{(type is { Length: > 0 } ? $"（{type}）" : "")}无法导入；可导入的格式：{string.Join("、", All.Select(r => r.Extensions[0]))}（文本须为UTF-8）");
    }
}
