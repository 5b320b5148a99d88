using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DocGen.Storage.Tests;

/// <summary>
/// Real PDFs for the archive's tests, written byte by byte: a one-page document with a text line, and a
/// signature added the way signing tools do, as an incremental update (a /Sig field whose /ByteRange covers
/// everything but its own /Contents, which holds a detached CMS signature made with a test certificate).
/// </summary>
internal static class TestPdfs
{
    private static readonly Lazy<X509Certificate2> Certificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=测试市人民政府办公室, O=DocGen test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
    });

    public static X509Certificate2 Signer => Certificate.Value;

    public static readonly DateTimeOffset SigningTime = new(2026, 1, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A one-page PDF showing <paramref name="text"/> (ASCII), with <paramref name="extraCatalog"/> added to the catalog.</summary>
    public static byte[] Minimal(string text, string extraCatalog = "")
    {
        var pdf = new PdfBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        pdf.Object(1, $"<< /Type /Catalog /Pages 2 0 R {extraCatalog}>>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        string content = $"BT /F1 12 Tf 72 720 Td ({Escape(text)}) Tj ET";
        pdf.Object(4, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        pdf.Object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf.Finish(size: 6, prev: null, root: 1);
    }

    /// <summary>
    /// Appends an incremental update that signs <paramref name="pdf"/> (any PDF with a classic cross-reference table,
    /// DocGen's own included): a signature dictionary, a widget for it, and the catalog again with an /AcroForm.
    /// </summary>
    public static byte[] Sign(byte[] pdf)
    {
        const int reserved = 8192; // bytes of CMS room, as hex twice that
        var (size, root) = Trailer(pdf);
        int sig = size, widget = size + 1;
        var update = new PdfBuilder(pdf);
        update.Object(sig, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached " +
                           "/ByteRange [0 0000000000 0000000000 0000000000] " +
                           $"/Contents <{new string('0', reserved * 2)}> /M (D:20260120180000+08'00') /Name (Signature1) >>");
        update.Object(widget, $"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V {sig} 0 R /Rect [0 0 0 0] /F 132 >>");
        string catalog = ObjectBody(pdf, root);
        int close = catalog.LastIndexOf(">>", StringComparison.Ordinal);
        update.Object(root, catalog[..close] + $" /AcroForm << /Fields [{widget} 0 R] /SigFlags 3 >> >>");
        byte[] bytes = update.Finish(size: size + 2, prev: StartXref(pdf), root: root);

        int contents = IndexOf(bytes, "/Contents <" + new string('0', 16)) + "/Contents ".Length;
        int afterContents = contents + reserved * 2 + 2;
        string range = $"[0 {contents:D10} {afterContents:D10} {bytes.Length - afterContents:D10}]";
        int rangeAt = IndexOf(bytes, "[0 0000000000 0000000000 0000000000]");
        Encoding.ASCII.GetBytes(range).CopyTo(bytes, rangeAt);

        byte[] signedBytes = [.. bytes[..contents], .. bytes[afterContents..]];
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        var signer = new CmsSigner(Signer) { DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1") };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(SigningTime.UtcDateTime));
        cms.ComputeSignature(signer);
        string hex = Convert.ToHexString(cms.Encode());
        Encoding.ASCII.GetBytes(hex).CopyTo(bytes, contents + 1);
        return bytes;
    }

    /// <summary>Appends an unsigned incremental update (new document information), as an edit after signing would.</summary>
    public static byte[] AppendUnsignedUpdate(byte[] pdf)
    {
        var (size, root) = Trailer(pdf);
        var update = new PdfBuilder(pdf);
        update.Object(size, "<< /Title (changed after signing) >>");
        return update.Finish(size: size + 1, prev: StartXref(pdf), root: root, info: size);
    }

    /// <summary>/Size and the /Root object number of the last trailer.</summary>
    private static (int Size, int Root) Trailer(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        string trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        int Number(string key)
        {
            int at = trailer.IndexOf(key, StringComparison.Ordinal) + key.Length;
            return int.Parse(new string(trailer[at..].TrimStart().TakeWhile(char.IsAsciiDigit).ToArray()));
        }
        return (Number("/Size"), Number("/Root"));
    }

    /// <summary>The text between "N 0 obj" and "endobj" of the last definition of object N.</summary>
    private static string ObjectBody(byte[] pdf, int number)
    {
        string text = Encoding.Latin1.GetString(pdf);
        int start = text.LastIndexOf($"\n{number} 0 obj", StringComparison.Ordinal) + $"\n{number} 0 obj".Length;
        return text[start..text.IndexOf("endobj", start, StringComparison.Ordinal)].Trim();
    }

    private static long StartXref(byte[] pdf)
    {
        string tail = Encoding.ASCII.GetString(pdf[^64..]);
        int at = tail.LastIndexOf("startxref", StringComparison.Ordinal) + "startxref".Length;
        return long.Parse(tail[at..].Trim().Split('\n')[0].Trim());
    }

    public static int IndexOf(byte[] bytes, string ascii) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii));

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>Writes objects after existing bytes and ends them with a cross-reference section and trailer.</summary>
    private sealed class PdfBuilder
    {
        private readonly MemoryStream _out = new();
        private readonly SortedDictionary<int, long> _offsets = [];

        public PdfBuilder(string header) => Write(header, Encoding.Latin1);

        public PdfBuilder(byte[] existing)
        {
            _out.Write(existing);
            if (existing[^1] != '\n') Write("\n");
        }

        public void Object(int number, string body)
        {
            _offsets[number] = _out.Length;
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }

        public byte[] Finish(int size, long? prev, int root, int? info = null)
        {
            long xref = _out.Length;
            var text = new StringBuilder("xref\n");
            if (prev is null) text.Append("0 1\n0000000000 65535 f\r\n");
            foreach (var (number, offset) in _offsets) text.Append($"{number} 1\n{offset:D10} 00000 n\r\n");
            text.Append($"trailer\n<< /Size {size} /Root {root} 0 R{(prev is null ? "" : $" /Prev {prev}")}{(info is null ? "" : $" /Info {info} 0 R")} >>\n");
            text.Append($"startxref\n{xref}\n%%EOF\n");
            Write(text.ToString());
            return _out.ToArray();
        }

        private void Write(string s, Encoding? encoding = null) => _out.Write((encoding ?? Encoding.ASCII).GetBytes(s));
    }
}
