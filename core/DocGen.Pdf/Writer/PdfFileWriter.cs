using System.Security.Cryptography;
using System.Text;
using DocGen.Pdf.Measuring;

namespace DocGen.Pdf.Writer;

/// <summary>
/// Writes numbered objects, the cross-reference table and the trailer. Object numbers are
/// reserved in a fixed order by the caller, so the same document always gives the same bytes;
/// the file /ID is a hash of the body, not a random value.
/// </summary>
internal sealed class PdfFileWriter : IDisposable
{
    private readonly PooledBufferStream _out = new(256 * 1024);
    private readonly SortedDictionary<int, long> _offsets = [];
    private int _next = 1;

    public PdfFileWriter()
    {
        Raw("%PDF-1.7\n");
        _out.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // binary marker
    }

    public int Reserve() => _next++;

    public void Object(int num, string body)
    {
        Begin(num);
        Raw(body);
        Raw("\nendobj\n");
    }

    /// <summary>A stream object; <paramref name="dict"/> is the dictionary's inner entries, /Length is added.</summary>
    public void Stream(int num, string dict, byte[] data) => RawStream(num, dict, data);

    /// <summary>A stream object compressed here; <paramref name="part"/> names what it holds for the bench's floor.</summary>
    public void CompressedStream(int num, string dict, byte[] data, string part) => DeflatedStream(num, dict, PdfSyntax.Deflate(data, part));

    /// <summary>A stream whose data is already deflated (a cached font program).</summary>
    public void DeflatedStream(int num, string dict, byte[] deflated) => RawStream(num, dict + " /Filter /FlateDecode", deflated);

    private void RawStream(int num, string dict, byte[] data)
    {
        Begin(num);
        Raw($"<< {dict} /Length {data.Length} >>\nstream\n");
        _out.Write(data);
        Raw("\nendstream\nendobj\n");
    }

    public void Finish(Stream output, int rootNum, int infoNum)
    {
        // The /ID comes from the content itself, so identical input gives identical files.
        string id = Convert.ToHexString(Hash(_out.Written)[..16]);
        long xref = _out.Position;
        var sb = new StringBuilder();
        sb.Append("xref\n0 ").Append(_next).Append('\n');
        sb.Append("0000000000 65535 f \n");
        for (int i = 1; i < _next; i++)
        {
            if (!_offsets.TryGetValue(i, out long off)) throw new InvalidOperationException($"PDF object {i} was reserved but not written.");
            sb.Append(off.ToString("D10")).Append(" 00000 n \n");
        }
        sb.Append($"trailer\n<< /Size {_next} /Root {rootNum} 0 R /Info {infoNum} 0 R /ID [<{id}> <{id}>] >>\n");
        sb.Append($"startxref\n{xref}\n%%EOF\n");
        Raw(sb.ToString());
        output.Write(_out.Written);
    }

    private static byte[] Hash(ReadOnlySpan<byte> body)
    {
        if (FixedWorkRecording.Active is not { } recording) return SHA256.HashData(body);
        var copy = body.ToArray(); // the recording replays it after this buffer has gone back to the pool
        return recording.Record(FixedWorkRecording.FileId, copy.Length, () => SHA256.HashData(copy), h => h);
    }

    private void Begin(int num)
    {
        _offsets[num] = _out.Position;
        Raw($"{num} 0 obj\n");
    }

    private void Raw(string s) => _out.WriteAscii(s);

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Dispose() => _out.Dispose();
}
