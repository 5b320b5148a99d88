using System.Buffers;

namespace DocGen.Pdf.Writer;

/// <summary>
/// A write-only in-memory stream on a buffer rented from <see cref="ArrayPool{T}.Shared"/> and given back on
/// dispose. A PDF (200–300 KB) or a deflated font program built in a <see cref="MemoryStream"/> leaves a trail
/// of doubled large-object-heap arrays behind it on every render; this reuses the same few buffers, so the only
/// large array a render allocates is the one it returns.
/// </summary>
internal sealed class PooledBufferStream(int initialCapacity = 64 * 1024) : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _length;

    /// <summary>What has been written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>A copy of what has been written, exactly as long.</summary>
    public byte[] ToArray() => Written.ToArray();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureCapacity(_length + buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <summary>Writes an ASCII string without an intermediate array (PDF syntax is ASCII).</summary>
    public void WriteAscii(string s)
    {
        EnsureCapacity(_length + s.Length);
        _length += System.Text.Encoding.ASCII.GetBytes(s, _buffer.AsSpan(_length));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value)
    {
        EnsureCapacity(_length + 1);
        _buffer[_length++] = value;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        Written.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
        base.Dispose(disposing);
    }
}
