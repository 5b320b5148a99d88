using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;

namespace DocGen.Functions;

/// <summary>
/// Kestrel answers a request it cannot parse (raw non-ASCII or %00 in the path, a malformed header, a request line
/// too long) itself, before any middleware runs, with an empty 4xx body. This connection middleware sees those
/// responses on their way out and gives them a problem+json body like every other error. It recognises them
/// by what only Kestrel's own rejections have together: a 4xx status, no body (Content-Length: 0) and
/// Connection: close; the service's own errors always carry a problem document.
/// </summary>
internal static class KestrelProblems
{
    public static ConnectionDelegate Middleware(ConnectionDelegate next) => connection =>
    {
        connection.Transport = new Pipe(connection.Transport);
        return next(connection);
    };

    internal static byte[]? Rewrite(ReadOnlySpan<byte> response)
    {
        if (response.Length < 16 || !response.StartsWith("HTTP/1.1 4"u8) || !response.EndsWith("\r\n\r\n"u8)) return null;
        string head = Encoding.ASCII.GetString(response);
        if (!head.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
            || !head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase)
            || head.Contains("\r\nContent-Type:", StringComparison.OrdinalIgnoreCase))
            return null;
        int status = int.Parse(head.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        string code = status switch { 414 => "URI_TOO_LONG", 431 => "HEADERS_TOO_LARGE", 413 => "BODY_TOO_LARGE", _ => "BAD_REQUEST" };
        string title = status switch
        {
            414 => "请求路径过长",
            431 => "请求头过大",
            413 => "请求体过大",
            _ => "请求无效：请求行、路径或请求头不符合HTTP规范（路径中的非ASCII字符须经百分号编码，且不能含%00）",
        };
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"urn:docgen:problem:{code}",
            ["title"] = title,
            ["status"] = status,
            ["code"] = code,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        string headers = head
            .Replace("\r\nContent-Length: 0\r\n", $"\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: {body.Length}\r\n",
                StringComparison.OrdinalIgnoreCase);
        return [.. Encoding.ASCII.GetBytes(headers), .. body];
    }

    /// <summary>The connection's pipes, with the output buffered up to each flush so that a rejection can be replaced whole.</summary>
    private sealed class Pipe(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;
        public PipeWriter Output { get; } = new RewritingWriter(inner.Output);
    }

    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _pending = new();

        public override void Advance(int bytes) => _pending.Advance(bytes);
        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();
        public override bool CanGetUnflushedBytes => true;
        public override long UnflushedBytes => _pending.WrittenCount;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            MoveToInner();
            return inner.FlushAsync(cancellationToken);
        }

        public override void Complete(Exception? exception = null)
        {
            MoveToInner();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            MoveToInner();
            await inner.CompleteAsync(exception);
        }

        private void MoveToInner()
        {
            if (_pending.WrittenCount == 0) return;
            var written = _pending.WrittenSpan;
            inner.Write(Rewrite(written) ?? written);
            _pending.ResetWrittenCount();
        }
    }
}
