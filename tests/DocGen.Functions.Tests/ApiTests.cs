using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Storage;
using DocGen.Storage.Tests;

namespace DocGen.Functions.Tests;

/// <summary>The whole API over real HTTP on 127.0.0.1, once per store (folder on disk, Azurite).</summary>
public abstract class ApiTests(TestStore store) : ServiceOnStoreTests(store)
{
    /// <summary>A valid report of agency A; <paramref name="variant"/> makes it (and so its id) different.</summary>
    internal static string ReportJson(int variant = 0, string agency = RunningService.AgencyA, int year = 2024) =>
        ReportJsonWriter.WriteString(ReportFactory.Consistent() with
        {
            Agency = agency,
            Year = year,
            PublicationDate = new DateOnly(year + 1, 1, 20),
            Title = variant == 0 ? null : $"{agency}{year}年政府信息公开工作年度报告（第{variant}稿）",
        });

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", json.GetProperty("title").GetString());
    }

    private async Task AssertStillServing()
    {
        using var client = Service.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Post_generates_stores_and_serves_both_documents()
    {
        using var client = Service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports", RunningService.Json(ReportJson()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        string id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/reports/{id}", created.Headers.Location!.OriginalString);

        var docx = await client.GetByteArrayAsync($"/api/reports/{id}/docx");
        var pdf = await client.GetByteArrayAsync($"/api/reports/{id}/pdf");
        Assert.Equal("PK"u8.ToArray(), docx[..2]);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var files = body.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.Equal(files["report.docx"], Convert.ToHexStringLower(SHA256.HashData(docx)));
        Assert.Equal(files["report.pdf"], Convert.ToHexStringLower(SHA256.HashData(pdf)));

        var get = await Json(await client.GetAsync($"/api/reports/{id}"));
        Assert.Equal(RunningService.AgencyA, get.GetProperty("agency").GetString());
        Assert.Equal($"/api/reports/{id}/pdf", get.GetProperty("links").GetProperty("pdf").GetString());

        // The same input again: the same id, nothing stored twice.
        var again = await client.PostAsync("/api/reports", RunningService.Json(ReportJson()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await Json(again)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Formats_choose_what_is_generated()
    {
        using var client = Service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(7)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string id = (await Json(created)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/reports/{id}/docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/{id}/pdf")).StatusCode);
        await AssertProblem(await client.PostAsync("/api/reports?formats=odt", RunningService.Json(ReportJson(7))), HttpStatusCode.BadRequest, "INVALID_FORMAT");
    }

    [Fact]
    public async Task Twenty_concurrent_posts_all_succeed_and_match_their_manifests()
    {
        using var client = Service.Client(RunningService.AdminKey);
        var posts = Enumerable.Range(1, 20).Select(i => client.PostAsync("/api/reports",
            RunningService.Json(ReportJson(i, i % 2 == 0 ? RunningService.AgencyA : RunningService.AgencyB, 2022 + i % 3))));
        var responses = await Task.WhenAll(posts);
        var ids = new List<string>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            ids.Add((await Json(r)).GetProperty("id").GetString()!);
        }
        Assert.Equal(20, ids.Distinct().Count());
        foreach (var id in ids)
        {
            var manifest = await Service.Repository.GetReportAsync(id);
            Assert.NotNull(manifest);
            Assert.Empty(await Service.Repository.VerifyAsync(manifest!));
            Assert.Equal(4, manifest!.Files.Count); // input, docx, pdf, validation
        }
    }

    [Fact]
    public async Task Validate_returns_findings_only()
    {
        using var client = Service.Client(RunningService.KeyB);
        var report = ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 };
        report = report.WithCell("reviews", "review", 4, CellValue.Integer(99));
        var response = await client.PostAsync("/api/reports/validate", RunningService.Json(ReportJsonWriter.WriteString(report)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.False(body.GetProperty("valid").GetBoolean());
        var f = body.GetProperty("findings").EnumerateArray().Single(x => x.GetProperty("severity").GetString() == "error");
        Assert.Equal("GROUP_TOTAL_MISMATCH", f.GetProperty("code").GetString());
        Assert.Equal("/tables/reviews/review/4", f.GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Signed_versions_are_archived_listed_and_never_replaced()
    {
        using var client = Service.Client(RunningService.KeyA);
        string id = (await Json(await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(3))))).GetProperty("id").GetString()!;
        // Real PDFs: the archive refuses anything that merely starts with %PDF- and ends with %%EOF.
        byte[] signed1 = TestPdfs.Minimal("signed one");
        byte[] signed2 = TestPdfs.Sign(await client.GetByteArrayAsync($"/api/reports/{id}/pdf"));

        var r1 = await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(signed1));
        Assert.Equal(HttpStatusCode.Created, r1.StatusCode);
        var v1 = await Json(r1);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signed1)), v1.GetProperty("sha256").GetString());
        var r2 = await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(signed2));
        Assert.Equal(2, (await Json(r2)).GetProperty("version").GetInt32());

        var list = await Json(await client.GetAsync($"/api/reports/{id}/signed"));
        Assert.Equal([1, 2], list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(signed1, await client.GetByteArrayAsync($"/api/reports/{id}/signed/1"));

        // No way to replace or delete through the API…
        await AssertProblem(await client.DeleteAsync($"/api/reports/{id}/signed/1"), HttpStatusCode.MethodNotAllowed, DocGen.Functions.Api.ProblemCodes.MethodNotAllowed);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PutAsync($"/api/reports/{id}/signed/1", RunningService.Pdf(signed2))).StatusCode);
        // …nor through the store.
        var manifest = (await Service.Repository.GetReportAsync(id))!;
        string path = ReportLayout.ArchiveFile(manifest.Agency, manifest.Year, id, 1, ReportFileNames.Signed);
        await Assert.ThrowsAnyAsync<StorageException>(() => Service.Store.WriteBytesAsync(path, signed2, "application/pdf", WriteMode.Overwrite));
        await Assert.ThrowsAnyAsync<StorageException>(() => Service.Store.WriteBytesAsync(path, signed2, "application/pdf", WriteMode.CreateOnly));
        await Assert.ThrowsAnyAsync<StorageException>(() => Service.Store.DeleteAsync(path));
        Assert.Equal(signed1, await client.GetByteArrayAsync($"/api/reports/{id}/signed/1"));

        await AssertProblem(await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf("<html>not a pdf</html>"u8.ToArray())), HttpStatusCode.UnprocessableEntity, "NOT_PDF");
        await AssertProblem(await client.PostAsync($"/api/reports/{id}/signed", RunningService.Json("{}")), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Keys_scope_every_agency_to_its_own_reports()
    {
        using var a = Service.Client(RunningService.KeyA);
        using var b = Service.Client(RunningService.KeyB);
        using var admin = Service.Client(RunningService.AdminKey);
        using var none = Service.Client(null);
        using var wrong = Service.Client("not-a-key");
        string id = (await Json(await a.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(4))))).GetProperty("id").GetString()!;

        await AssertProblem(await none.GetAsync($"/api/reports/{id}"), HttpStatusCode.Unauthorized, "API_KEY_MISSING");
        await AssertProblem(await wrong.GetAsync($"/api/reports/{id}"), HttpStatusCode.Unauthorized, "API_KEY_INVALID");
        await AssertProblem(await b.GetAsync($"/api/reports/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertProblem(await b.GetAsync($"/api/reports/{id}/pdf"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertProblem(await b.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf("%PDF-1.7\n0123456789\n%%EOF"u8.ToArray())), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertProblem(await b.PostAsync("/api/reports", RunningService.Json(ReportJson(5))), HttpStatusCode.Forbidden, "AGENCY_FORBIDDEN");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/reports/{id}/pdf")).StatusCode);
        await AssertStillServing();
    }

    [Fact]
    public async Task Bad_input_gets_the_right_status_and_a_clear_message()
    {
        using var client = Service.Client(RunningService.AdminKey);
        await AssertProblem(await client.PostAsync("/api/reports", RunningService.Json("not json")), HttpStatusCode.BadRequest, "INVALID_REPORT_JSON");

        var invalid = ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 };
        invalid = invalid.WithCell("proactive", "licensing", 0, CellValue.Integer(-1));
        var r = await client.PostAsync("/api/reports", RunningService.Json(ReportJsonWriter.WriteString(invalid)));
        await AssertProblem(r, HttpStatusCode.UnprocessableEntity, "REPORT_INVALID");

        string big = ReportJson().Replace("\"preface\": [", "\"preface\": [\"" + new string('长', 2_000_000) + "\", ");
        await AssertProblem(await client.PostAsync("/api/reports", RunningService.Json(big)), HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE");

        await AssertProblem(await client.PostAsync("/api/reports", new StringContent(ReportJson(), Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        await AssertProblem(await client.PostAsync("/api/reports", RunningService.Json(ReportJson(agency: "../../etc"))), HttpStatusCode.UnprocessableEntity, "INVALID_AGENCY");
        await AssertProblem(await client.PostAsync("/api/reports", RunningService.Json(ReportJson(agency: "甲/乙"))), HttpStatusCode.UnprocessableEntity, "INVALID_AGENCY");
        await AssertProblem(await client.GetAsync("/api/reports/..%2F..%2Fetc"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertProblem(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertStillServing();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(9)))).StatusCode);
    }

    [Fact]
    public async Task Reports_are_listed_per_agency()
    {
        using var a = Service.Client(RunningService.KeyA);
        using var admin = Service.Client(RunningService.AdminKey);
        string id = (await Json(await a.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(31))))).GetProperty("id").GetString()!;
        var own = await Json(await a.GetAsync("/api/reports"));
        Assert.Contains(own.GetProperty("reports").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var byYear = await Json(await admin.GetAsync($"/api/reports?agency={Uri.EscapeDataString(RunningService.AgencyA)}&year=2024"));
        Assert.Contains(byYear.GetProperty("reports").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var otherYear = await Json(await admin.GetAsync($"/api/reports?agency={Uri.EscapeDataString(RunningService.AgencyA)}&year=2019"));
        Assert.Empty(otherYear.GetProperty("reports").EnumerateArray());
        await AssertProblem(await a.GetAsync($"/api/reports?agency={Uri.EscapeDataString(RunningService.AgencyB)}"), HttpStatusCode.Forbidden, "AGENCY_FORBIDDEN");
        await AssertProblem(await admin.GetAsync("/api/reports"), HttpStatusCode.BadRequest, "AGENCY_REQUIRED");
    }

    /// <summary>The errors of <paramref name="json"/> against the OpenAPI document's component schema <paramref name="schema"/>.</summary>
    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> Check(string schema, string json)
    {
        // The component schemas as the definitions of one JSON Schema, which NJsonSchema resolves.
        string schemas = System.Text.Json.Nodes.JsonNode.Parse(DocGen.Functions.Api.OpenApiDocument.Json.Value)!["components"]!["schemas"]!.ToJsonString()
            .Replace("\"#/components/schemas/", "\"#/definitions/", StringComparison.Ordinal);
        var validator = await NJsonSchema.JsonSchema.FromJsonAsync($$"""{"allOf": [{"$ref": "#/definitions/{{schema}}"}], "definitions": {{schemas}}}""");
        return validator.Validate(json);
    }

    private static async Task AssertMatches(string schema, HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        var errors = await Check(schema, body);
        Assert.True(errors.Count == 0, $"{schema}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{body}");
    }

    [Fact]
    public async Task Answers_match_the_schemas_of_the_openapi_document()
    {
        using var client = Service.Client(RunningService.KeyA);
        var created = await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(71)));
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.ReportDescription, created);
        string id = (await Json(created)).GetProperty("id").GetString()!;
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.ReportDescription, await client.GetAsync($"/api/reports/{id}"));
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.ReportList, await client.GetAsync("/api/reports?year=2024"));
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.ValidationResult, await client.PostAsync("/api/reports/validate", RunningService.Json(ReportJson(72))));
        byte[] signed = TestPdfs.Minimal("signed");
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.SignedVersion, await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(signed)));
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.SignedVersionList, await client.GetAsync($"/api/reports/{id}/signed"));
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.Health, await client.GetAsync("/api/health"));
        var invalid = (ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 }).WithCell("proactive", "licensing", 0, CellValue.Integer(-1));
        await AssertMatches(DocGen.Functions.Api.ApiSchemas.Problem, await client.PostAsync("/api/reports", RunningService.Json(ReportJsonWriter.WriteString(invalid))));
        // The request body the document publishes accepts a real report, and the checks are not vacuous.
        Assert.Empty(await Check(DocGen.Functions.Api.ApiSchemas.Report, ReportJson(73)));
        Assert.NotEmpty(await Check(DocGen.Functions.Api.ApiSchemas.ReportDescription, await client.GetStringAsync("/api/health")));
        Assert.NotEmpty(await Check(DocGen.Functions.Api.ApiSchemas.Report, """{"edition": "2021", "agency": "甲", "year": "二〇二四"}"""));
    }

    /// <summary>
    /// A download as people expect it: the file's own name, its SHA-256 as the ETag, 304 without a body for a matching
    /// If-None-Match and the file again for a stale one, HEAD with the length and no body, and no HEAD without a key.
    /// </summary>
    private async Task AssertDownload(HttpClient client, string url, string sha, string fileName)
    {
        var file = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal($"\"{sha}\"", file.Headers.ETag?.Tag);
        Assert.Equal(fileName, file.Content.Headers.ContentDisposition?.FileNameStar);
        byte[] bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var cached = new HttpRequestMessage(HttpMethod.Get, url);
        cached.Headers.IfNoneMatch.Add(file.Headers.ETag!);
        var notModified = await client.SendAsync(cached);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0000\""));
        Assert.Equal(bytes, await (await client.SendAsync(stale)).Content.ReadAsByteArrayAsync());

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal(file.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var none = Service.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.SendAsync(new HttpRequestMessage(HttpMethod.Head, url))).StatusCode);
    }

    [Fact]
    public async Task Downloads_carry_the_reports_name_and_etag_answer_304_and_head()
    {
        using var client = Service.Client(RunningService.KeyA);
        var created = await Json(await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(81))));
        string id = created.GetProperty("id").GetString()!;
        string sha = created.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "report.pdf").GetProperty("sha256").GetString()!;
        await AssertDownload(client, $"/api/reports/{id}/pdf", sha, $"{RunningService.AgencyA}2024年政府信息公开工作年度报告.pdf");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/reports/{id}/docx"))).StatusCode);
    }

    [Fact]
    public async Task Signed_version_downloads_carry_their_name_and_etag_answer_304_and_head()
    {
        using var client = Service.Client(RunningService.KeyA);
        var created = await Json(await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ReportJson(82))));
        string id = created.GetProperty("id").GetString()!;
        var version = await Json(await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(TestPdfs.Minimal("signed for the etag"))));
        string sha = version.GetProperty("sha256").GetString()!;
        await AssertDownload(client, $"/api/reports/{id}/signed/1", sha, $"{RunningService.AgencyA}2024年政府信息公开工作年度报告（签章版1）.pdf");
        // A version not archived, and another agency's report, are not found for HEAD either.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/reports/{id}/signed/2"))).StatusCode);
        using var other = Service.Client(RunningService.KeyB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/reports/{id}/signed/1"))).StatusCode);
    }

    [Fact]
    public async Task Schema_health_and_openapi_are_served()
    {
        using var client = Service.Client(null);
        var schema = await client.GetStringAsync("/api/schema");
        Assert.Equal(ReportSchema.Build(), schema);
        Assert.Equal(DocGen.Functions.Api.OpenApiDocument.Json.Value, await client.GetStringAsync("/api/openapi.json"));
        var openapi = await Json(await client.GetAsync("/api/openapi.json"));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/reports", out _));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/reports/{id}/signed/{version}", out _));
    }
}

public sealed class ApiOnDiskTests() : ApiTests(TestStore.OnDisk("docgen-api-"));

public sealed class ApiOnAzuriteTests(AzuriteFixture azurite) : ApiTests(TestStore.OnAzurite(azurite)), IClassFixture<AzuriteFixture>;
