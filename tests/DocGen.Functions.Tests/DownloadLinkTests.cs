using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DocGen.Storage.Tests;

namespace DocGen.Functions.Tests;

/// <summary>
/// With download links on, a GET of a document is answered with 307 to a short-lived SAS link on the blob, which a
/// client without a key follows to the file. Azurite signs with the account key (a service SAS); the user-delegation
/// SAS that a managed identity gets on Azure needs OAuth, which Azurite does not offer here.
/// </summary>
public sealed class DownloadLinkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<RunningService> Start(string minutes)
    {
        var settings = TestStores.Azurite(azurite.ConnectionString);
        settings[ServiceSettings.DownloadLinkMinutes] = minutes;
        return await RunningService.StartAsync(settings);
    }

    [Fact]
    public async Task A_download_redirects_to_a_read_link_and_head_and_304_stay_here()
    {
        await using var service = await Start("5");
        using var client = service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(61)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        string id = body.GetProperty("id").GetString()!;
        string sha = body.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "report.pdf").GetProperty("sha256").GetString()!;

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        noRedirects.DefaultRequestHeaders.Add("x-api-key", RunningService.KeyA);
        var answer = await noRedirects.GetAsync($"/api/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
        var link = answer.Headers.Location!;
        Assert.Contains("sig=", link.Query, StringComparison.Ordinal);
        Assert.Contains("se=", link.Query, StringComparison.Ordinal);

        using var anyone = new HttpClient();
        var file = await anyone.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await file.Content.ReadAsByteArrayAsync())));
        Assert.Equal($"{RunningService.AgencyA}2024年政府信息公开工作年度报告.pdf", file.Content.Headers.ContentDisposition?.FileNameStar);

        // A signed version is handed out the same way; an unknown version is still not found.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(await file.Content.ReadAsByteArrayAsync()))).StatusCode);
        var signed = await noRedirects.GetAsync($"/api/reports/{id}/signed/1");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, signed.StatusCode);
        var signedFile = await anyone.GetAsync(signed.Headers.Location);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await signedFile.Content.ReadAsByteArrayAsync())));
        Assert.Equal($"{RunningService.AgencyA}2024年政府信息公开工作年度报告（签章版1）.pdf", signedFile.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, (await noRedirects.GetAsync($"/api/reports/{id}/signed/2")).StatusCode);
        // HEAD of a signed version and a matching entity tag are answered here too, with no link.
        var signedHead = await noRedirects.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/reports/{id}/signed/1"));
        Assert.Equal(HttpStatusCode.OK, signedHead.StatusCode);
        Assert.Equal($"\"{sha}\"", signedHead.Headers.ETag?.Tag);
        Assert.Equal(signedFile.Content.Headers.ContentLength, signedHead.Content.Headers.ContentLength);
        var signedCached = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{id}/signed/1");
        signedCached.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{sha}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await noRedirects.SendAsync(signedCached)).StatusCode);

        // Another agency's key gets no link: not found, as before.
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        other.DefaultRequestHeaders.Add("x-api-key", RunningService.KeyB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/reports/{id}/pdf")).StatusCode);

        // HEAD is answered here, with the length; a matching entity tag gets 304, no link.
        var head = await noRedirects.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/reports/{id}/pdf"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(file.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        var cached = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{id}/pdf");
        cached.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{sha}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await noRedirects.SendAsync(cached)).StatusCode);
    }

    [Fact]
    public async Task With_links_off_the_download_streams_through_the_service()
    {
        await using var service = await Start("0");
        using var client = service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ApiTests.ReportJson(62)));
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        noRedirects.DefaultRequestHeaders.Add("x-api-key", RunningService.KeyA);
        var answer = await noRedirects.GetAsync($"/api/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/pdf", answer.Content.Headers.ContentType?.MediaType);
    }
}
