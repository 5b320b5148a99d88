using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace DocGen.Storage.Tests;

/// <summary>
/// An Azurite of its own on HTTPS (a <see cref="LoopbackCertificate"/>) with <c>--oauth basic</c>, so bearer tokens and
/// user delegation keys work: the managed-identity path of <see cref="AzureBlobStore"/>. Never the shared one of
/// <c>DOCGEN_TEST_AZURITE</c>, which speaks plain HTTP.
/// </summary>
public sealed class AzuriteOAuthFixture : AzuriteFixture
{
    public LoopbackCertificate Certificate { get; } = LoopbackCertificate.Create();

    protected override bool UsesEnvironment => false;

    protected override string Scheme => "https";

    protected override IEnumerable<string> ExtraArguments(string folder)
    {
        var (cert, key) = Certificate.WritePem(folder);
        return ["--cert", cert, "--key", key, "--oauth", "basic"];
    }

    public override BlobClientOptions ClientOptions() => ClientOptions(null);

    /// <summary>Client options whose transport trusts the certificate; <paramref name="spy"/>, if given, sees every request.</summary>
    public BlobClientOptions ClientOptions(DelegatingHandler? spy)
    {
        HttpMessageHandler handler = Certificate.TrustingHandler();
        if (spy is not null)
        {
            spy.InnerHandler = handler;
            handler = spy;
        }
        return new BlobClientOptions { Transport = new HttpClientTransport(handler) };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Certificate.Dispose();
    }
}
