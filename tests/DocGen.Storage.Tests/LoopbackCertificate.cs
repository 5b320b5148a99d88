using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocGen.Storage.Tests;

/// <summary>
/// A self-signed TLS certificate for 127.0.0.1, made in the test (never installed anywhere), and HTTP handlers that
/// trust it and nothing else: the chain must end at this very certificate and the name must match. It is its own
/// CA, so OpenSSL accepts it as the only root too (<c>SSL_CERT_FILE</c> of a child process).
/// </summary>
public sealed class LoopbackCertificate : IDisposable
{
    private readonly string _keyPem;

    private LoopbackCertificate(X509Certificate2 certificate, string keyPem)
    {
        ServerCertificate = certificate;
        _keyPem = keyPem;
    }

    /// <summary>The certificate with its private key, for a server (Kestrel).</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>The certificate alone, PEM.</summary>
    public string CertificatePem => ServerCertificate.ExportCertificatePem();

    public static LoopbackCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Kestrel needs the key in a form the platform can use: round-trip through PKCS#12.
        return new LoopbackCertificate(X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Writes <c>cert.pem</c> and <c>key.pem</c> into <paramref name="folder"/> (for Azurite's <c>--cert</c>/<c>--key</c>).</summary>
    public (string CertPath, string KeyPath) WritePem(string folder)
    {
        string cert = Path.Combine(folder, "cert.pem"), key = Path.Combine(folder, "key.pem");
        File.WriteAllText(cert, CertificatePem);
        File.WriteAllText(key, _keyPem);
        return (cert, key);
    }

    /// <summary>A handler whose TLS trusts this certificate only.</summary>
    public SocketsHttpHandler TrustingHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, errors) => IsThis(presented, errors) },
    };

    private bool IsThis(X509Certificate? presented, SslPolicyErrors errors)
    {
        // A wrong name or no certificate is never accepted; a chain error is expected (no system root), so the chain is
        // built again with this certificate as the only trust anchor.
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ServerCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        return chain.Build(leaf) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(ServerCertificate.RawDataMemory.Span);
    }

    public void Dispose() => ServerCertificate.Dispose();
}
