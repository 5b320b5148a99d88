using System.Net;
using System.Web;
using Azure;
using Azure.Storage.Blobs;
using static DocGen.Storage.Tests.TestData;

namespace DocGen.Storage.Tests;

/// <summary>
/// The managed-identity path of <see cref="AzureBlobStore.ReadLinkAsync"/>: with a token credential (no account key) a
/// download link is a user-delegation SAS. Run against an Azurite of its own on HTTPS with <c>--oauth basic</c>, which
/// issues user delegation keys and checks the SAS signed with them.
/// </summary>
public sealed class UserDelegationLinkTests(AzuriteOAuthFixture azurite) : IClassFixture<AzuriteOAuthFixture>
{
    private const string Agency = "某县人民政府办公室";
    private const string PdfName = "某县人民政府办公室2025年政府信息公开工作年度报告.pdf";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_token_credential_signs_read_only_user_delegation_links_with_one_delegation_key()
    {
        var keyRequests = new RequestSpy(r => r.RequestUri!.Query.Contains("comp=userdelegationkey", StringComparison.Ordinal));
        var store = new AzureBlobStore(new BlobServiceClient(azurite.BlobEndpoint, new EntraTestToken(), azurite.ClientOptions(keyRequests)));
        var repository = new ReportRepository(store);
        var report = Report(Agency, 2025);
        var manifest = await repository.SaveAsync(report); // written with the bearer token alone
        var signedPdf = FakePdf("signed");
        await repository.ArchiveSignedAsync(report.ReportId, new MemoryStream(signedPdf), CreatedAt.AddDays(1));

        var now = DateTimeOffset.UtcNow;
        var pdf = await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now, Lifetime, PdfName);
        var docx = await repository.ReadLinkAsync(manifest, ReportFileNames.Docx, now.AddSeconds(1), Lifetime, "x.docx");
        var signed = await repository.ReadSignedLinkAsync(manifest, 1, now.AddSeconds(2), Lifetime, "signed.pdf");
        Assert.Equal(1, keyRequests.Count); // three links, one delegation key

        // A user-delegation SAS: the key's object and tenant, its validity and service, read permission on one blob.
        var query = HttpUtility.ParseQueryString(pdf!.Query);
        Assert.Equal(EntraTestToken.ObjectId, query["skoid"]);
        Assert.Equal(EntraTestToken.TenantId, query["sktid"]);
        Assert.Equal("b", query["sks"]);
        Assert.False(string.IsNullOrEmpty(query["skv"]));
        Assert.True(DateTimeOffset.Parse(query["skt"]!) <= now);
        Assert.True(DateTimeOffset.Parse(query["ske"]!) >= DateTimeOffset.Parse(query["se"]!));
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.False(string.IsNullOrEmpty(query["sig"]));

        // A client with neither key nor token (it trusts the test certificate, nothing more) reads the exact bytes.
        using var http = new HttpClient(azurite.Certificate.TrustingHandler());
        var response = await http.GetAsync(pdf);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()} " +
            $"(sv={query["sv"]}; Azurite before 3.37.0 does not know the string to sign of a user-delegation SAS from 2026-04-06 on)");
        Assert.Equal(report.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(PdfName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(report.Docx, await http.GetByteArrayAsync(docx));
        Assert.Equal(signedPdf, await http.GetByteArrayAsync(signed));

        // Read only: the link cannot replace the blob.
        var put = new HttpRequestMessage(HttpMethod.Put, pdf) { Content = new ByteArrayContent("x"u8.ToArray()) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        await AssertRefusedAsync(http, put, "AuthorizationPermissionMismatch");
        Assert.Equal(report.Pdf, await store.ReadAllBytesAsync(ReportLayout.ReportFile(Agency, 2025, report.ReportId, ReportFileNames.Pdf)));

        // Tampered: more permission, a later expiry, another blob or a changed signature are all refused.
        await AssertRefusedAsync(http, Get(Tamper(pdf, "sp", "rw")), "AuthorizationFailure");
        await AssertRefusedAsync(http, Get(Tamper(pdf, "se", DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ"))), "AuthorizationFailure");
        await AssertRefusedAsync(http, Get(new UriBuilder(pdf) { Path = pdf.AbsolutePath.Replace("report.pdf", "input.json", StringComparison.Ordinal) }.Uri),
            "AuthorizationFailure");
        string sig = query["sig"]!;
        await AssertRefusedAsync(http, Get(Tamper(pdf, "sig", (sig[0] == 'A' ? 'B' : 'A') + sig[1..])), "AuthorizationFailure");

        // Expired: a link that lived five minutes, ten minutes ago (its key, fetched for that earlier start, is still valid).
        var expired = await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now.AddMinutes(-10), Lifetime, PdfName);
        Assert.Equal(2, keyRequests.Count);
        Assert.True(DateTimeOffset.Parse(HttpUtility.ParseQueryString(expired!.Query)["ske"]!) > DateTimeOffset.UtcNow);
        await AssertRefusedAsync(http, Get(expired), "AuthorizationFailure");
    }

    [Fact]
    public async Task A_refused_delegation_key_means_no_link_so_the_file_streams_and_the_key_is_not_asked_again_for_a_while()
    {
        // Azurite checks the token: one for another audience gets 403 for the delegation key, as an identity
        // without generateUserDelegationKey does on Azure.
        var keyRequests = new RequestSpy(r => r.RequestUri!.Query.Contains("comp=userdelegationkey", StringComparison.Ordinal));
        var store = new AzureBlobStore(new BlobServiceClient(azurite.BlobEndpoint, new EntraTestToken("https://vault.azure.net"), azurite.ClientOptions(keyRequests)));
        var manifest = new ReportManifest(ReportManifest.CurrentSchema, Unique(), Agency, 2025, "edition-2021", "0.1.0", CreatedAt,
            [new ManifestFile(ReportFileNames.Pdf, new string('0', 64), 1, ContentTypes.Pdf)]);
        var repository = new ReportRepository(store);
        var now = DateTimeOffset.UtcNow;
        Assert.Null(await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now, Lifetime, PdfName));
        Assert.Equal(1, keyRequests.Count);
        Assert.Null(await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now.AddMinutes(9), Lifetime, PdfName));
        Assert.Equal(1, keyRequests.Count);
        Assert.Null(await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now + AzureBlobStore.DelegationRetry, Lifetime, PdfName));
        Assert.Equal(2, keyRequests.Count);
    }

    [Fact]
    public async Task The_test_certificate_is_trusted_only_by_the_tests_own_transport()
    {
        using var plain = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(azurite.BlobEndpoint));
    }

    private static HttpRequestMessage Get(Uri uri) => new(HttpMethod.Get, uri);

    private static Uri Tamper(Uri link, string field, string value)
    {
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.NotNull(query[field]);
        query[field] = value;
        return new UriBuilder(link) { Query = query.ToString() }.Uri;
    }

    private static async Task AssertRefusedAsync(HttpClient http, HttpRequestMessage request, string errorCode)
    {
        using var response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Contains($"<Code>{errorCode}</Code>", body, StringComparison.Ordinal);
    }

    /// <summary>Counts the requests that match, on their way to the real transport.</summary>
    private sealed class RequestSpy(Func<HttpRequestMessage, bool> match) : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (match(request)) Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
