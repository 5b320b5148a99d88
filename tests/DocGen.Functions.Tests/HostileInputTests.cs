using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DocGen.Storage;
using DocGen.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace DocGen.Functions.Tests;

/// <summary>
/// The inputs of the hostile-input review (issue 15), tried again over real HTTP on 127.0.0.1 against a disk store:
/// each gets a problem+json answer with a code, and the service still answers afterwards.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("docgen-hostile-").FullName;
    private FaultyBlobStore _store = null!;
    private RunningService _service = null!;

    public async Task InitializeAsync()
    {
        _store = new FaultyBlobStore(new FileSystemBlobStore(_root), failOnWrite: 0); // never fails; counts the writes
        _service = await RunningService.StartAsync(new Dictionary<string, string?>(), _store,
            configure: b => b.Logging.AddProvider(_errors));
    }

    private readonly ErrorLog _errors = new();

    /// <summary>Collects what is logged as an error, so a test can show that a user's mistake is not logged as a failure.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);
        public void Dispose() { }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) entries.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        Directory.Delete(_root, true);
    }

    /// <summary>Asserts a problem+json answer: status, code, a Chinese title, no stack trace.</summary>
    internal static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", json.GetProperty("title").GetString());
        Assert.DoesNotContain("   at ", body); // no stack trace
        return json;
    }

    private async Task StillServing()
    {
        using var client = _service.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Theory]
    [InlineData("/api/reports")]
    [InlineData("/api/reports/validate")]
    public async Task Lone_surrogate_is_400_with_its_pointer(string path)
    {
        using var client = _service.Client(RunningService.AdminKey);
        string json = ApiTests.ReportJson(31).Replace("\"agency\": \"", "\"agency\": \"\\ud800");
        var problem = await Problem(await client.PostAsync(path, RunningService.Json(json)), HttpStatusCode.BadRequest, "INVALID_REPORT_JSON");
        var finding = Assert.Single(problem.GetProperty("findings").EnumerateArray());
        Assert.Equal("INVALID_STRING", finding.GetProperty("code").GetString());
        Assert.Equal("/agency", finding.GetProperty("pointer").GetString());
        await StillServing();
    }

    [Fact]
    public async Task Duplicate_key_is_400_with_the_pointer_of_the_second()
    {
        using var client = _service.Client(RunningService.AdminKey);
        string json = ApiTests.ReportJson(32).Replace("\"year\": 2024", "\"year\": 2024, \"year\": 2023");
        var problem = await Problem(await client.PostAsync("/api/reports", RunningService.Json(json)), HttpStatusCode.BadRequest, "INVALID_REPORT_JSON");
        var finding = Assert.Single(problem.GetProperty("findings").EnumerateArray());
        Assert.Equal("DUPLICATE_KEY", finding.GetProperty("code").GetString());
        Assert.Equal("/year", finding.GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Hundred_thousand_paragraphs_are_413_before_any_work()
    {
        using var client = _service.Client(RunningService.AdminKey);
        string paragraphs = string.Join(",", Enumerable.Repeat("\"一行。\"", 100_000));
        string json = ApiTests.ReportJson(33).Replace("\"preface\": [", "\"preface\": [" + paragraphs + ", ");
        var problem = await Problem(await client.PostAsync("/api/reports", RunningService.Json(json)), HttpStatusCode.RequestEntityTooLarge, "REPORT_TOO_LARGE");
        Assert.Equal("/preface/5000", problem.GetProperty("findings")[0].GetProperty("pointer").GetString());
        Assert.Equal(0, _store.Writes);
        await StillServing();
    }

    [Fact]
    public async Task Twenty_identical_posts_get_one_201_and_the_files_are_written_once()
    {
        using var client = _service.Client(RunningService.KeyA);
        string json = ApiTests.ReportJson(34);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("/api/reports", RunningService.Json(json))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
        // input, docx, pdf, validation, the id index and the manifest: once each.
        Assert.Equal(6, _store.Writes);
    }

    [Fact]
    public async Task Look_alike_agency_names_are_one_agency_or_refused()
    {
        using var admin = _service.Client(RunningService.AdminKey);
        var created = await admin.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(35, agency: "ＸＹ县人民政府")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/reports?agency=" + Uri.EscapeDataString("XY县人民政府"))).RootElement;
        Assert.Single(listed.GetProperty("reports").EnumerateArray());

        foreach (var agency in new[] { "某局／信息中心", "某局∕信息中心", "某局․․信息中心" })
            await Problem(await admin.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(36, agency: agency))),
                HttpStatusCode.UnprocessableEntity, StorageErrorCodes.InvalidAgency);
        await Problem(await admin.GetAsync("/api/reports?agency=" + Uri.EscapeDataString("某局／信息中心")), HttpStatusCode.UnprocessableEntity, StorageErrorCodes.InvalidAgency);
        Assert.Empty(_errors.Entries); // a refused name is the user's mistake, not an unhandled exception
        await StillServing();
    }

    [Fact]
    public async Task Repeated_query_parameter_is_refused()
    {
        using var admin = _service.Client(RunningService.AdminKey);
        await Problem(await admin.GetAsync("/api/reports?agency=a&agency=b"), HttpStatusCode.BadRequest, "REPEATED_PARAMETER");
    }

    [Fact]
    public async Task Signed_version_numbers_do_not_alias()
    {
        using var client = _service.Client(RunningService.KeyA);
        var created = JsonDocument.Parse(await (await client.PostAsync("/api/reports?formats=pdf", RunningService.Json(ApiTests.ReportJson(37)))).Content.ReadAsStringAsync()).RootElement;
        string id = created.GetProperty("id").GetString()!;
        byte[] pdf = await client.GetByteArrayAsync($"/api/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(TestPdfs.Sign(pdf)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/{id}/signed/1")).StatusCode);
        foreach (var alias in new[] { "01", "+1", "1.0", "%201", "0x1" })
            await Problem(await client.GetAsync($"/api/reports/{id}/signed/{alias}"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Signed_archive_records_the_signature_and_refuses_what_is_not_a_real_pdf()
    {
        using var client = _service.Client(RunningService.KeyA);
        var created = JsonDocument.Parse(await (await client.PostAsync("/api/reports", RunningService.Json(ApiTests.ReportJson(38)))).Content.ReadAsStringAsync()).RootElement;
        string id = created.GetProperty("id").GetString()!;
        byte[] pdf = await client.GetByteArrayAsync($"/api/reports/{id}/pdf");

        byte[] signed = TestPdfs.Sign(pdf);
        var v1 = JsonDocument.Parse(await (await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(signed))).Content.ReadAsStringAsync()).RootElement;
        var sigs = v1.GetProperty("signatures");
        Assert.Equal("wholeFile", sigs.GetProperty("coverage").GetString());
        Assert.True(sigs.GetProperty("textMatchesReport").GetBoolean());
        var signer = Assert.Single(sigs.GetProperty("signers").EnumerateArray());
        Assert.Contains("测试市人民政府办公室", signer.GetProperty("signer").GetString());
        Assert.Equal(TestPdfs.SigningTime, signer.GetProperty("signingTime").GetDateTimeOffset());

        var partly = JsonDocument.Parse(await (await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(TestPdfs.AppendUnsignedUpdate(signed)))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("partial", partly.GetProperty("signatures").GetProperty("coverage").GetString());
        var unsigned = JsonDocument.Parse(await (await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(pdf))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unsigned", unsigned.GetProperty("signatures").GetProperty("coverage").GetString());

        // Tampered: one hex digit of the file identifier, inside the signed bytes; the file still parses.
        byte[] tampered = (byte[])signed.Clone();
        int at = TestPdfs.IndexOf(tampered, "/ID [<") + "/ID [<".Length;
        tampered[at] = (byte)(tampered[at] == (byte)'0' ? '1' : '0');
        await Problem(await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(tampered)), HttpStatusCode.UnprocessableEntity,
            StorageErrorCodes.SignatureInvalid);
        await Problem(await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf("%PDF-1.7\n#!/bin/sh\necho archived\n%%EOF\n"u8.ToArray())),
            HttpStatusCode.UnprocessableEntity, StorageErrorCodes.PdfInvalid);
        await Problem(await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(TestPdfs.Minimal("x", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "))),
            HttpStatusCode.UnprocessableEntity, StorageErrorCodes.PdfActiveContent);

        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/reports/{id}/signed")).RootElement;
        Assert.Equal(3, list.GetProperty("versions").GetArrayLength()); // the refused ones were never archived
        await StillServing();
    }

    [Theory]
    [InlineData("GET /api/reports/\u4e2d HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /api/reports/%00 HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")]
    public async Task Kestrel_own_400_is_problem_json(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _service.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("Content-Type: application/problem+json", response);
        string body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("BAD_REQUEST", json.GetProperty("code").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        await StillServing();
    }
}
