using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using DocGen.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocGen.Functions.Tests;

/// <summary>
/// An Application Insights ingestion endpoint on 127.0.0.1 (Kestrel): it keeps each track request's telemetry items
/// (newline-delimited JSON, gzip or not) with its Authorization header, and answers as ingestion does, with the counts
/// the exporter reads to decide what to retry. With TLS (a certificate of its own, written as PEM to
/// <see cref="CertificateFile"/> for the client to trust) it also stands in for App Service's managed identity
/// endpoint (<see cref="IdentityEndpoint"/>), which hands out <see cref="Token"/>: the exporter sends a bearer token
/// only over TLS.
/// </summary>
internal sealed class IngestionListener : IAsyncDisposable
{
    public const string IdentityHeader = "docgen-test-identity-header";
    public readonly string Token = "docgen-test-token-" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<(string Path, string? Authorization, string Body)> _received = new();
    private readonly WebApplication _app;
    private readonly string? _certificateFile;
    private readonly LoopbackCertificate? _certificate;

    private IngestionListener(WebApplication app, string? certificateFile, LoopbackCertificate? certificate)
    {
        _app = app;
        _certificateFile = certificateFile;
        _certificate = certificate;
    }

    public static async Task<IngestionListener> StartAsync(bool tls = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        string? pemFile = null;
        LoopbackCertificate? certificate = null;
        if (tls)
        {
            certificate = LoopbackCertificate.Create();
            pemFile = Path.Combine(Path.GetTempPath(), $"docgen-ingestion-{Guid.NewGuid():N}.pem");
            await File.WriteAllTextAsync(pemFile, certificate.CertificatePem);
        }
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o =>
        {
            if (certificate is not null) o.UseHttps(certificate.ServerCertificate);
        }));
        var app = builder.Build();
        var listener = new IngestionListener(app, pemFile, certificate);
        app.MapPost("/v2.1/track", (Func<HttpContext, Task<IResult>>)listener.TrackAsync);
        app.MapGet("/msi/token", (Func<HttpContext, IResult>)listener.IssueToken);
        await app.StartAsync();
        return listener;
    }

    /// <summary>The ingestion endpoint of the connection string.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().Replace("[::1]", "127.0.0.1") + "/");

    /// <summary>App Service's IDENTITY_ENDPOINT.</summary>
    public Uri IdentityEndpoint => new(Address, "msi/token");

    /// <summary>The PEM of the TLS certificate (SSL_CERT_FILE for a client that should trust only it); null without TLS.</summary>
    public string? CertificateFile => _certificateFile;

    /// <summary>The path and Authorization header of each track request.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Requests => [.. _received.Select(r => (r.Path, r.Authorization))];

    /// <summary>Tokens handed out so far.</summary>
    public int TokensIssued => _tokensIssued;
    private int _tokensIssued;

    /// <summary>Every telemetry item received so far, in the order received.</summary>
    public IReadOnlyList<JsonElement> Items() =>
        [.. _received.SelectMany(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private async Task<IResult> TrackAsync(HttpContext http)
    {
        Stream body = http.Request.Body;
        if (http.Request.Headers.ContentEncoding == "gzip") body = new GZipStream(body, CompressionMode.Decompress);
        string text;
        using (var reader = new StreamReader(body)) text = await reader.ReadToEndAsync();
        _received.Enqueue((http.Request.Path, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, text));
        int items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return Results.Json(new { itemsReceived = items, itemsAccepted = items, errors = Array.Empty<object>() });
    }

    /// <summary>The App Service managed identity protocol (api-version 2019-08-01): the secret header, a resource, a token.</summary>
    private IResult IssueToken(HttpContext http)
    {
        if (http.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader) return Results.StatusCode(401);
        Interlocked.Increment(ref _tokensIssued);
        string resource = http.Request.Query["resource"].ToString();
        long expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Results.Json(new { access_token = Token, expires_on = expires.ToString(System.Globalization.CultureInfo.InvariantCulture), resource, token_type = "Bearer" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_certificateFile is not null) File.Delete(_certificateFile);
        _certificate?.Dispose();
    }
}
