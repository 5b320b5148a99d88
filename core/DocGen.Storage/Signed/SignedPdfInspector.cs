using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace DocGen.Storage;

/// <summary>
/// The one check of a signed upload, used by the repository (and so by the API and every other caller).
/// PdfPig, a real parser run without its lenient recovery, reads the trailer, the cross-reference sections and
/// the page tree; every indirect object is then searched for active content; every signature dictionary's
/// /ByteRange and /Contents are verified as a detached CMS signature with System.Security.Cryptography.Pkcs.
/// </summary>
public static partial class SignedPdfInspector
{
    /// <summary>Keys whose presence means the PDF would run something or carry a file.</summary>
    private static readonly HashSet<string> ActiveKeys = ["JS", "JavaScript", "AA", "EmbeddedFiles", "EmbeddedFile", "RichMedia", "XFA"];
    /// <summary>Action types (/S) and object types (/Type) that run, launch, submit or embed.</summary>
    private static readonly HashSet<string> ActiveNames =
        ["JavaScript", "Launch", "SubmitForm", "ImportData", "GoToE", "GoToR", "Rendition", "RichMedia", "EmbeddedFile", "Movie", "Sound"];

    /// <summary>Whether <paramref name="code"/> is one of the refusals of <see cref="Inspect"/> (HTTP 422).</summary>
    public static bool IsRefusal(string code) => code is StorageErrorCodes.NotPdf or StorageErrorCodes.PdfInvalid
        or StorageErrorCodes.PdfActiveContent or StorageErrorCodes.SignatureInvalid;

    /// <summary>Checks <paramref name="pdf"/>; <paramref name="reportPdf"/> is the report's generated PDF to compare figures with.</summary>
    /// <exception cref="StorageException"><c>NOT_PDF</c>, <c>PDF_INVALID</c>, <c>PDF_ACTIVE_CONTENT</c>, <c>SIGNATURE_INVALID</c>.</exception>
    public static SignedPdfCheck Inspect(byte[] pdf, byte[]? reportPdf = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!HasPdfFrame(pdf))
            throw new StorageException(StorageErrorCodes.NotPdf, "上传的文件不是PDF（应以%PDF-开头、以%%EOF结尾）");
        if (!EndsWithTrailer(pdf))
            throw Invalid("文件末尾应是startxref、交叉引用位置和%%EOF（文件被截断或拼接）");
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        }
        catch (Exception e)
        {
            throw Invalid("无法解析文件结构（交叉引用表、文件尾或对象）", e);
        }
        using (document)
        {
            string text;
            int pages;
            List<DictionaryToken> signatures;
            try
            {
                pages = document.NumberOfPages;
                if (pages < 1) throw Invalid("页面树中没有页面");
                text = PageText(document);
                signatures = ScanObjects(document);
            }
            catch (StorageException) { throw; }
            catch (Exception e)
            {
                throw Invalid("页面树或对象无法读取", e);
            }
            var verified = signatures.Select(s => Verify(pdf, s)).OrderBy(s => s.SignedBytes).ToList();
            var coverage = verified.Count == 0 ? SignatureCoverage.Unsigned
                : verified[^1].CoversWholeFile ? SignatureCoverage.WholeFile : SignatureCoverage.Partial;
            bool? matches = reportPdf is null ? null : SameFigures(text, ReportText(reportPdf));
            return new SignedPdfCheck(coverage, verified, pages, matches);
        }
    }

    private static StorageException Invalid(string what, Exception? inner = null) =>
        new(StorageErrorCodes.PdfInvalid, $"上传的PDF格式不正确：{what}", inner);

    /// <summary>"%PDF-" within the first 1024 bytes (ISO 32000 allows leading bytes) and "%%EOF" within the last 1024.</summary>
    private static bool HasPdfFrame(byte[] pdf) =>
        pdf.Length >= 16
        && pdf.AsSpan(0, Math.Min(pdf.Length, 1024)).IndexOf("%PDF-"u8) >= 0
        && pdf.AsSpan(Math.Max(0, pdf.Length - 1024)).IndexOf("%%EOF"u8) >= 0;

    /// <summary>The last "startxref" is followed only by its offset and "%%EOF": a cut or spliced file is not.</summary>
    private static bool EndsWithTrailer(byte[] pdf)
    {
        var tail = pdf.AsSpan(Math.Max(0, pdf.Length - 1024));
        int at = tail.LastIndexOf("startxref"u8);
        return at >= 0 && StartXrefTail().IsMatch(Encoding.ASCII.GetString(tail[(at + "startxref".Length)..]));
    }

    [GeneratedRegex(@"\A\s+\d+\s+%%EOF\s*\z")]
    private static partial Regex StartXrefTail();

    private static string PageText(PdfDocument document)
    {
        var text = new StringBuilder();
        for (int i = 1; i <= document.NumberOfPages; i++) text.Append(document.GetPage(i).Text).Append('\n');
        return text.ToString();
    }

    private static string? ReportText(byte[] reportPdf)
    {
        try
        {
            using var generated = PdfDocument.Open(reportPdf, new ParsingOptions { SkipMissingFonts = true });
            return PageText(generated);
        }
        catch (Exception)
        {
            return null; // our own PDF unreadable: say nothing rather than "differs"
        }
    }

    /// <summary>Every indirect object is searched for active content; the signature dictionaries are returned.</summary>
    private static List<DictionaryToken> ScanObjects(PdfDocument document)
    {
        var signatures = new List<DictionaryToken>();
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys.OrderBy(r => r.ObjectNumber))
        {
            IToken data = document.Structure.GetObject(reference).Data;
            Walk(data, reference, 0);
            var dict = data as DictionaryToken ?? (data as StreamToken)?.StreamDictionary;
            if (dict is not null && dict.ContainsKey(NameToken.Create("ByteRange")) && dict.ContainsKey(NameToken.Create("Contents"))
                && Get<NameToken>(dict, "Type")?.Data is null or "Sig" or "DocTimeStamp")
                signatures.Add(dict);
        }
        return signatures;
    }

    private static void Walk(IToken token, IndirectReference where, int depth)
    {
        if (depth > 64) throw Invalid($"对象{where.ObjectNumber}嵌套过深");
        switch (token)
        {
            case StreamToken stream:
                Walk(stream.StreamDictionary, where, depth + 1);
                break;
            case DictionaryToken dict:
                foreach (var (key, value) in dict.Data)
                {
                    if (ActiveKeys.Contains(key))
                        throw Active(where, key);
                    if (key is "S" or "Type" or "Subtype" && value is NameToken name && ActiveNames.Contains(name.Data))
                        throw Active(where, name.Data);
                    Walk(value, where, depth + 1);
                }
                break;
            case ArrayToken array:
                foreach (var item in array.Data) Walk(item, where, depth + 1);
                break;
        }
    }

    private static StorageException Active(IndirectReference where, string what) =>
        new(StorageErrorCodes.PdfActiveContent, $"上传的PDF含有可执行或嵌入的内容（对象{where.ObjectNumber}中的/{what}），不能归档");

    private static PdfSignature Verify(byte[] pdf, DictionaryToken sig)
    {
        string? field = Get<StringToken>(sig, "Name")?.Data;
        if (Get<ArrayToken>(sig, "ByteRange") is not { Length: 4 } range
            || range.Data.Any(t => t is not NumericToken { HasDecimalPlaces: false }))
            throw BadSignature("/ByteRange应为四个整数");
        long[] r = range.Data.Select(t => ((NumericToken)t).Long).ToArray();
        long a = r[0], b = r[1], c = r[2], d = r[3];
        if (a != 0 || b < 1 || c <= b || d < 0 || c + d > pdf.Length)
            throw BadSignature($"/ByteRange [{a} {b} {c} {d}] 超出文件范围");
        // The gap between the two ranges must be exactly the hex string of /Contents.
        if (pdf[b] != (byte)'<' || pdf[c - 1] != (byte)'>')
            throw BadSignature("/ByteRange未准确排除/Contents");
        byte[] contents = Get<HexToken>(sig, "Contents")?.Bytes.ToArray() ?? throw BadSignature("/Contents应为十六进制字符串");

        var signed = new byte[b + d];
        Array.Copy(pdf, 0, signed, 0, b);
        Array.Copy(pdf, c, signed, b, d);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(TrimPadding(contents));
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            throw BadSignature("签名与文件内容不符（文件在签章后被改动）或签名数据无效", e);
        }
        var signer = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0] : throw BadSignature("签名中没有签名者");
        DateTimeOffset? time = signer.SignedAttributes.OfType<CryptographicAttributeObject>()
            .SelectMany(x => x.Values.OfType<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime, TimeSpan.Zero)).FirstOrDefault()
            ?? (Get<StringToken>(sig, "M") is { } m ? PdfDate(m.Data) : null);
        return new PdfSignature(field, signer.Certificate?.Subject, time, c + d == pdf.Length, b + d);
    }

    private static T? Get<T>(DictionaryToken dict, string key) where T : class, IToken =>
        dict.TryGet(NameToken.Create(key), out IToken? value) ? value as T : null;

    private static StorageException BadSignature(string what, Exception? inner = null) =>
        new(StorageErrorCodes.SignatureInvalid, $"PDF中的签名无法验证：{what}", inner);

    /// <summary>/Contents is zero-padded to its reserved size; CMS wants exactly its DER encoding.</summary>
    private static byte[] TrimPadding(byte[] contents)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out int length);
            return contents[..length];
        }
        catch (AsnContentException e)
        {
            throw BadSignature("签名数据不是有效的CMS结构", e);
        }
    }

    /// <summary>A PDF date, D:YYYYMMDDHHmmSS with an optional offset such as +08'00'.</summary>
    private static DateTimeOffset? PdfDate(string value)
    {
        var match = PdfDatePattern().Match(value);
        if (!match.Success) return null;
        var offset = match.Groups["z"].Value switch
        {
            "" or "Z" => TimeSpan.Zero,
            var z => TimeSpan.FromMinutes((z[0] == '-' ? -1 : 1) * (int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture) * 60
                + (match.Groups["om"].Success ? int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture) : 0))),
        };
        return DateTimeOffset.TryParseExact(match.Groups["t"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local) ? new DateTimeOffset(local.DateTime, offset) : null;
    }

    [GeneratedRegex(@"^D:(?<t>\d{14})(?<z>Z|[+-](?<oh>\d{2})'?(?<om>\d{2})?'?)?")]
    private static partial Regex PdfDatePattern();

    /// <summary>The same figures in the same order: a seal or signature image adds none, an edited table changes them.</summary>
    private static bool? SameFigures(string signed, string? generated) =>
        generated is null ? null : Figures(signed).SequenceEqual(Figures(generated));

    private static IEnumerable<string> Figures(string text) => FigurePattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex FigurePattern();
}
