using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace DocGen.Functions.Tests;

/// <summary>
/// An Application Insights ingestion endpoint on 127.0.0.1: it keeps each track request's telemetry items (newline-
/// delimited JSON, gzip or not) and answers as ingestion does, with the counts the exporter reads to decide what to retry.
/// </summary>
internal sealed class IngestionListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
    private readonly Task _loop;

    public IngestionListener()
    {
        int port = DocGen.Storage.Tests.AzuriteFixture.FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public IReadOnlyList<string> Paths => [.. _received.Select(r => r.Path)];

    /// <summary>Every telemetry item received so far, in the order received.</summary>
    public IReadOnlyList<JsonElement> Items() =>
        [.. _received.SelectMany(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Stream body = context.Request.InputStream;
            if (context.Request.Headers["Content-Encoding"] == "gzip") body = new GZipStream(body, CompressionMode.Decompress);
            string text;
            using (var reader = new StreamReader(body)) text = await reader.ReadToEndAsync();
            _received.Enqueue((context.Request.Url!.AbsolutePath, text));
            int items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            var answer = JsonSerializer.SerializeToUtf8Bytes(new { itemsReceived = items, itemsAccepted = items, errors = Array.Empty<object>() });
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
