using System.Text.Json;
using DocGen.Storage.Tests;
using System.Security.Cryptography;
using System.Text;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Worker;
using DocGen.Storage;
using Microsoft.AspNetCore.Http;

namespace DocGen.Functions.Tests;

/// <summary>One report created through the CreateReport function, shared by the adapter tests.</summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public WorkerHarness Harness { get; } = new();
    public Answer Created { get; private set; } = null!;
    public string Id { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var req = WorkerHarness.WithJson(Harness.Request("POST", "/api/reports", RunningService.KeyA), ApiTests.ReportJson(41));
        Created = await WorkerHarness.RunAsync(req, new ReportFunctions(Harness.Services).CreateReport(req));
        Id = Created.Status == 201 ? Created.Json.GetProperty("id").GetString()! : "";
    }

    public Task DisposeAsync()
    {
        Harness.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every HTTP function called directly, as the worker calls it (no Functions host can run here): a success
/// and a failure each, with the status and problem code the standalone server gives.
/// </summary>
public sealed class WorkerFunctionTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private WorkerHarness H => fixture.Harness;
    private ReportFunctions Reports => new(H.Services);
    private SignedFunctions Signed => new(H.Services);
    private MetaFunctions Meta => new(H.Services);
    // A real PDF: the archive refuses anything that merely starts with %PDF- and ends with %%EOF.
    private static readonly byte[] SignedPdf = TestPdfs.Minimal("signed");

    private Task<Answer> Call(HttpRequest req, Func<HttpRequest, Task<IResult>> function) => WorkerHarness.RunAsync(req, function(req));

    [Fact]
    public async Task CreateReport_stores_a_report_and_refuses_an_invalid_one()
    {
        Assert.Equal(201, fixture.Created.Status);
        Assert.Equal($"/api/reports/{fixture.Id}", fixture.Created.Headers.Location.ToString());
        Assert.NotNull(await H.Repository.GetReportAsync(fixture.Id));

        var invalid = (ReportFactory.Consistent() with { Agency = RunningService.AgencyA, Year = 2024 })
            .WithCell("requests", "granted", 6, CellValue.Integer(12345));
        var req = WorkerHarness.WithJson(H.Request("POST", "/api/reports", RunningService.KeyA), ReportJsonWriter.WriteString(invalid));
        (await Call(req, Reports.CreateReport)).AssertProblem(422, "REPORT_INVALID");
        var noKey = WorkerHarness.WithJson(H.Request("POST", "/api/reports"), ApiTests.ReportJson(42));
        (await Call(noKey, Reports.CreateReport)).AssertProblem(401, "API_KEY_MISSING");
    }

    [Fact]
    public async Task ListReports_lists_own_reports_and_refuses_another_agencys()
    {
        var own = await Call(H.Request("GET", "/api/reports?year=2024", RunningService.KeyA), Reports.ListReports);
        Assert.Equal(200, own.Status);
        Assert.Contains(own.Json.GetProperty("reports").EnumerateArray(), r => r.GetProperty("id").GetString() == fixture.Id);
        var other = H.Request("GET", $"/api/reports?agency={Uri.EscapeDataString(RunningService.AgencyA)}", RunningService.KeyB);
        (await Call(other, Reports.ListReports)).AssertProblem(403, "AGENCY_FORBIDDEN");
        (await Call(H.Request("GET", "/api/reports?year=二〇二四", RunningService.KeyA), Reports.ListReports)).AssertProblem(400, "INVALID_YEAR");
    }

    [Fact]
    public async Task The_compiling_office_functions_answer_the_office_and_refuse_an_agency()
    {
        var all = await Call(H.Request("GET", "/api/reports?year=2024&limit=1", RunningService.AdminKey), Reports.ListReports);
        Assert.Equal(200, all.Status);
        Assert.Single(all.Json.GetProperty("reports").EnumerateArray());

        string expected = Uri.EscapeDataString($"{RunningService.AgencyA},{RunningService.AgencyB}");
        var missing = await Call(H.Request("GET", $"/api/reports/missing?year=2024&expected={expected}", RunningService.AdminKey), Reports.ListMissingAgencies);
        Assert.Equal(200, missing.Status);
        Assert.Contains(RunningService.AgencyA, missing.Json.GetProperty("submitted").EnumerateArray().Select(a => a.GetString()));
        (await Call(H.Request("GET", "/api/reports/missing?year=2024", RunningService.KeyA), Reports.ListMissingAgencies))
            .AssertProblem(403, "COMPILING_OFFICE_ONLY");

        string body = $$"""{"agency": "某市人民政府", "year": 2024, "agencies": ["{{RunningService.AgencyA}}"]}""";
        var sum = await Call(WorkerHarness.WithJson(H.Request("POST", "/api/reports/sum", RunningService.AdminKey), body), Reports.SumReports);
        Assert.Equal(200, sum.Status);
        Assert.Equal(RunningService.AgencyA, sum.Json.GetProperty("parts")[0].GetProperty("agency").GetString());
        Assert.Equal(JsonValueKind.Object, sum.Json.GetProperty("report").ValueKind);
        (await Call(WorkerHarness.WithJson(H.Request("POST", "/api/reports/sum", RunningService.KeyA), body), Reports.SumReports))
            .AssertProblem(403, "COMPILING_OFFICE_ONLY");
    }

    [Fact]
    public async Task ValidateReport_returns_findings_and_refuses_a_non_json_body()
    {
        var req = WorkerHarness.WithJson(H.Request("POST", "/api/reports/validate", RunningService.KeyB), ApiTests.ReportJson(43));
        var ok = await Call(req, Reports.ValidateReport);
        Assert.Equal(200, ok.Status);
        Assert.True(ok.Json.GetProperty("valid").GetBoolean());
        var text = H.Request("POST", "/api/reports/validate", RunningService.KeyB, "hello"u8.ToArray(), "text/plain");
        (await Call(text, Reports.ValidateReport)).AssertProblem(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task GetReport_serves_the_manifest_to_its_agency_only()
    {
        var ok = await Call(H.Request("GET", $"/api/reports/{fixture.Id}", RunningService.KeyA), r => Reports.GetReport(r, fixture.Id));
        Assert.Equal(200, ok.Status);
        Assert.Equal(RunningService.AgencyA, ok.Json.GetProperty("agency").GetString());
        (await Call(H.Request("GET", $"/api/reports/{fixture.Id}", RunningService.KeyB), r => Reports.GetReport(r, fixture.Id))).AssertProblem(404, "NOT_FOUND");
        (await Call(H.Request("GET", $"/api/reports/{fixture.Id}", "wrong-key"), r => Reports.GetReport(r, fixture.Id))).AssertProblem(401, "API_KEY_INVALID");
    }

    [Fact]
    public async Task GetReportDocx_and_GetReportPdf_serve_the_stored_files()
    {
        var manifest = (await H.Repository.GetReportAsync(fixture.Id))!;
        var docx = await Call(H.Request("GET", $"/api/reports/{fixture.Id}/docx", RunningService.KeyA), r => Reports.GetReportDocx(r, fixture.Id));
        Assert.Equal(200, docx.Status);
        Assert.Equal(manifest.GetFile(ReportFileNames.Docx)!.Sha256, Convert.ToHexStringLower(SHA256.HashData(docx.Body)));
        var pdf = await Call(H.Request("GET", $"/api/reports/{fixture.Id}/pdf", RunningService.KeyA), r => Reports.GetReportPdf(r, fixture.Id));
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(manifest.GetFile(ReportFileNames.Pdf)!.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf.Body)));
        Assert.Equal($"\"{manifest.GetFile(ReportFileNames.Pdf)!.Sha256}\"", pdf.Headers.ETag.ToString());
        Assert.Contains("filename*=UTF-8''", pdf.Headers.ContentDisposition.ToString());

        (await Call(H.Request("GET", "/api/reports/0000/docx", RunningService.KeyA), r => Reports.GetReportDocx(r, "0000"))).AssertProblem(404, "NOT_FOUND");
        (await Call(H.Request("GET", "/api/reports/x/pdf", RunningService.KeyA), r => Reports.GetReportPdf(r, "../../etc"))).AssertProblem(404, "NOT_FOUND");
    }

    [Fact]
    public async Task Signed_functions_archive_list_and_serve_versions()
    {
        string id = fixture.Id;
        var upload = H.Request("POST", $"/api/reports/{id}/signed", RunningService.KeyA, SignedPdf, "application/pdf");
        var created = await Call(upload, r => Signed.UploadSigned(r, id));
        Assert.Equal(201, created.Status);
        int version = created.Json.GetProperty("version").GetInt32();
        var notPdf = H.Request("POST", $"/api/reports/{id}/signed", RunningService.KeyA, "<html></html>"u8.ToArray(), "application/pdf");
        (await Call(notPdf, r => Signed.UploadSigned(r, id))).AssertProblem(422, "NOT_PDF");

        var list = await Call(H.Request("GET", $"/api/reports/{id}/signed", RunningService.KeyA), r => Signed.ListSigned(r, id));
        Assert.Equal(200, list.Status);
        Assert.Contains(list.Json.GetProperty("versions").EnumerateArray(), v => v.GetProperty("version").GetInt32() == version);
        (await Call(H.Request("GET", $"/api/reports/{id}/signed", RunningService.KeyB), r => Signed.ListSigned(r, id))).AssertProblem(404, "NOT_FOUND");

        var one = await Call(H.Request("GET", $"/api/reports/{id}/signed/{version}", RunningService.KeyA), r => Signed.GetSigned(r, id, version));
        Assert.Equal(200, one.Status);
        Assert.Equal(SignedPdf, one.Body);
        (await Call(H.Request("GET", $"/api/reports/{id}/signed/999", RunningService.KeyA), r => Signed.GetSigned(r, id, 999))).AssertProblem(404, "NOT_FOUND");
    }

    [Fact]
    public async Task Meta_functions_answer_without_a_key_and_nothing_else_does()
    {
        var health = await Call(H.Request("GET", "/api/health"), Meta.Health);
        Assert.Equal(200, health.Status);
        Assert.Equal("ok", health.Json.GetProperty("status").GetString());
        var schema = await Call(H.Request("GET", "/api/schema"), Meta.Schema);
        Assert.Equal(ReportSchema.Build(), Encoding.UTF8.GetString(schema.Body));
        var openapi = await Call(H.Request("GET", "/api/openapi.json"), Meta.OpenApi);
        Assert.Equal(Api.OpenApiDocument.Json.Value, Encoding.UTF8.GetString(openapi.Body));
        // The failure of an open route is a key route called without one (these are the only three open ones).
        (await Call(H.Request("GET", "/api/reports"), Reports.ListReports)).AssertProblem(401, "API_KEY_MISSING");
    }
}

/// <summary>The worker front end goes through the same per-key rate limit as the standalone server.</summary>
public sealed class WorkerRateLimitTests
{
    [Fact]
    public async Task A_burst_from_one_key_gets_429_in_the_worker_too()
    {
        using var h = new WorkerHarness(new Dictionary<string, string?>
        {
            [ServiceSettings.RequestsPerMinute] = "1",
            [ServiceSettings.RequestBurst] = "2",
        });
        var reports = new ReportFunctions(h.Services);
        var answers = new List<Answer>();
        for (int i = 0; i < 3; i++)
        {
            var req = h.Request("GET", "/api/reports", RunningService.KeyA);
            answers.Add(await WorkerHarness.RunAsync(req, reports.ListReports(req)));
        }
        Assert.Equal([200, 200], answers.Take(2).Select(a => a.Status));
        answers[2].AssertProblem(429, Api.ProblemCodes.RateLimited);
        Assert.True(int.Parse(answers[2].Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var other = h.Request("GET", "/api/reports", RunningService.KeyB);
        Assert.Equal(200, (await WorkerHarness.RunAsync(other, reports.ListReports(other))).Status);
    }
}
