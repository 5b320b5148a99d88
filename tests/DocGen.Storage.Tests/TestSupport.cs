using System.Security.Cryptography;
using System.Text;

namespace DocGen.Storage.Tests;

/// <summary>Decorator that throws a simulated fault on the Nth write (1-based; 0 never), before the write reaches the store, and counts the writes.</summary>
internal sealed class FaultyBlobStore(IBlobStore inner, int failOnWrite) : IBlobStore
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public Task<BlobInfo> WriteAsync(string path, Stream content, string contentType, WriteMode mode = WriteMode.Overwrite,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _writes) == failOnWrite)
            throw new IOException($"simulated fault on write {failOnWrite} ({path})");
        return inner.WriteAsync(path, content, contentType, mode, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);
    public Task<BlobInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);
    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
}

/// <summary>A stream that yields some bytes and then fails, like a client that drops mid-upload.</summary>
internal sealed class BrokenStream(int bytesBeforeFault) : Stream
{
    private int _position;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= bytesBeforeFault) throw new IOException("simulated fault while reading the upload");
        int n = Math.Min(count, bytesBeforeFault - _position);
        Array.Fill(buffer, (byte)'x', offset, n);
        _position += n;
        return n;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal static class TestData
{
    public static string Unique() => Guid.NewGuid().ToString("N")[..12];

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A real one-page PDF showing <paramref name="text"/>: the archive takes nothing less.</summary>
    public static byte[] FakePdf(string text) => TestPdfs.Minimal(text);

    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(8));

    public static NewReport Report(string agency, int year = 2025, string? id = null, string input = "{\"year\":2025}") => new()
    {
        Agency = agency,
        Year = year,
        ReportId = id ?? Unique(),
        InputJson = Utf8(input),
        Docx = Utf8("PK fake docx " + input),
        Pdf = FakePdf(input),
        ValidationJson = Utf8("{\"issues\":[]}"),
        TemplateId = "edition-2021",
        DocGenVersion = "0.1.0",
        CreatedAt = CreatedAt,
    };
}
