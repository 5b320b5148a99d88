using System.Net;
using System.Text.Json;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Storage;
using DocGen.Storage.Tests;

namespace DocGen.Functions.Tests;

/// <summary>
/// The compiling office's calls over real HTTP, once per store: the list of a year (paged), the agencies that have not
/// submitted, and the compiled city report. The agencies are named afresh per test, so a store shared with other tests
/// (CI's one Azurite) cannot change what these see of their own reports.
/// </summary>
public abstract class CompilationApiTests(TestStore store) : ServiceOnStoreTests(store)
{
    private const int Year = 2024;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private string Jia => $"甲{_tag}区人民政府";
    private string Yi => $"乙{_tag}局";
    private string Bing => $"丙{_tag}县人民政府";
    private string Ding => $"丁{_tag}局";

    protected override void Configure(IDictionary<string, string?> settings) => settings[ServiceSettings.ExpectedAgencies] = $"{Jia};{Yi}；{Ding}";

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code) => ApiTests.AssertProblem(response, status, code);

    /// <summary>Stores a report (the compiling office may store any agency's) and returns its id.</summary>
    private async Task<string> Store(Report report)
    {
        using var client = Service.Client(RunningService.AdminKey);
        var created = await Json(await client.PostAsync("/api/reports?formats=docx", RunningService.Json(ReportJsonWriter.WriteString(report))));
        return created.GetProperty("id").GetString()!;
    }

    private static Report Part(string agency, int variant = 0, string edition = "2021") => ReportFactory.Consistent(edition, Year) with
    {
        Agency = agency,
        Title = variant == 0 ? null : $"{agency}{Year}年政府信息公开工作年度报告（第{variant}稿）",
    };

    [Fact]
    public async Task The_year_list_pages_every_agency_in_a_stable_order()
    {
        var mine = new HashSet<string>
        {
            await Store(Part(Jia)), await Store(Part(Jia, 1)), await Store(Part(Yi)), await Store(Part(Yi, 1)), await Store(Part(Bing)),
        };
        using var office = Service.Client(RunningService.AdminKey);
        var listed = new List<(string Agency, string Id)>();
        string? continuation = null;
        int pages = 0;
        do
        {
            var page = await Json(await office.GetAsync($"/api/reports?year={Year}&limit=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation))));
            var reports = page.GetProperty("reports").EnumerateArray().ToList();
            Assert.InRange(reports.Count, 1, 2);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("agency").ValueKind);
            Assert.All(reports, r => Assert.Equal(Year, r.GetProperty("year").GetInt32()));
            listed.AddRange(reports.Select(r => (r.GetProperty("agency").GetString()!, r.GetProperty("id").GetString()!)));
            continuation = page.GetProperty("continuation").GetString();
            Assert.True(++pages < 1000, "the list does not end");
        }
        while (continuation is not null);

        // Every report once, ordered by agency then id, and ours among them.
        Assert.Equal(listed.Count, listed.Select(r => r.Id).Distinct().Count());
        Assert.Equal(listed.OrderBy(r => r.Agency, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal), listed);
        Assert.Subset(listed.Select(r => r.Id).ToHashSet(), mine);
        Assert.Equal(new[] { Bing, Jia, Jia, Yi, Yi }.Order(StringComparer.Ordinal), listed.Where(r => mine.Contains(r.Id)).Select(r => r.Agency));

        // An agency's key still lists only its own reports.
        using var agency = Service.Client(RunningService.KeyA);
        var own = await Json(await agency.GetAsync($"/api/reports?year={Year}"));
        Assert.Equal(RunningService.AgencyA, own.GetProperty("agency").GetString());
        Assert.All(own.GetProperty("reports").EnumerateArray(), r => Assert.Equal(RunningService.AgencyA, r.GetProperty("agency").GetString()));

        // One agency's list pages the same way.
        var first = await Json(await office.GetAsync($"/api/reports?agency={Uri.EscapeDataString(Jia)}&limit=1"));
        var second = await Json(await office.GetAsync($"/api/reports?agency={Uri.EscapeDataString(Jia)}&limit=1&continuation={Uri.EscapeDataString(first.GetProperty("continuation").GetString()!)}"));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuation").ValueKind);
        Assert.NotEqual(first.GetProperty("reports")[0].GetProperty("id").GetString(), second.GetProperty("reports")[0].GetProperty("id").GetString());

        await AssertProblem(await office.GetAsync($"/api/reports?year={Year}&limit=0"), HttpStatusCode.BadRequest, "INVALID_LIMIT");
        await AssertProblem(await office.GetAsync($"/api/reports?year={Year}&limit=1001"), HttpStatusCode.BadRequest, "INVALID_LIMIT");
        await AssertProblem(await office.GetAsync($"/api/reports?year={Year}&continuation=not*a*token"), HttpStatusCode.BadRequest, "INVALID_CONTINUATION");
        await AssertProblem(await office.GetAsync("/api/reports"), HttpStatusCode.BadRequest, "AGENCY_REQUIRED");
    }

    [Fact]
    public async Task Missing_agencies_come_from_the_request_or_the_configuration()
    {
        await Store(Part(Jia));
        await Store(Part(Bing));
        using var office = Service.Client(RunningService.AdminKey);

        // Configured: 甲, 乙, 丁 (separated by ; and the full-width ；).
        var configured = await Json(await office.GetAsync($"/api/reports/missing?year={Year}"));
        Assert.Equal([Jia, Yi, Ding], configured.GetProperty("expected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Jia], configured.GetProperty("submitted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Yi, Ding], configured.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(Bing, configured.GetProperty("unexpected").EnumerateArray().Select(e => e.GetString()));

        // Named in the request (separated by the full-width ，), which takes the place of the configured list.
        var asked = await Json(await office.GetAsync($"/api/reports/missing?year={Year}&expected={Uri.EscapeDataString($"{Bing}，{Yi}")}"));
        Assert.Equal([Bing], asked.GetProperty("submitted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Yi], asked.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        var otherYear = await Json(await office.GetAsync($"/api/reports/missing?year={Year - 1}&expected={Uri.EscapeDataString(Jia)}"));
        Assert.Equal([Jia], otherYear.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));

        await AssertProblem(await office.GetAsync("/api/reports/missing"), HttpStatusCode.BadRequest, "YEAR_REQUIRED");
        await AssertProblem(await office.GetAsync($"/api/reports/missing?year={Year}&expected={Uri.EscapeDataString("甲/乙")}"), (HttpStatusCode)422, "INVALID_AGENCY");
        using var agency = Service.Client(RunningService.KeyA);
        await AssertProblem(await agency.GetAsync($"/api/reports/missing?year={Year}"), HttpStatusCode.Forbidden, "COMPILING_OFFICE_ONLY");
    }

    [Fact]
    public async Task Sum_compiles_the_newest_report_of_each_agency_and_keeps_blank_cells_blank()
    {
        var jia = Part(Jia);
        await Store(jia);
        string newest = await Store(Part(Jia, 1));
        var yi = Part(Yi).WithCell("reviews", "review", 0, CellValue.Blank);
        string yiId = await Store(yi);
        await Store(Part(Bing, edition: "2019"));
        using var office = Service.Client(RunningService.AdminKey);
        string city = $"某{_tag}市人民政府";

        var sum = await Json(await office.PostAsync("/api/reports/sum",
            RunningService.Json(JsonSerializer.Serialize(new { agency = city, year = Year, agencies = new[] { Jia, Yi, Ding } }))));
        Assert.Equal(city, sum.GetProperty("agency").GetString());
        Assert.Equal([(Jia, newest), (Yi, yiId)],
            sum.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("agency").GetString()!, p.GetProperty("id").GetString()!)));
        Assert.Equal([Ding], sum.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));

        // The compiled report is report JSON the service reads back; its cells are the sums, the blank one blank.
        var report = ReportJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(sum.GetProperty("report").GetRawText()));
        Assert.True(report.Ok, string.Join("; ", report.Errors));
        var compiled = report.Report!;
        Assert.Equal(city, compiled.Agency);
        Assert.Equal(jia.Tables["requests"].Get("newRequests", 6)!.Value.Number * 2, compiled.Tables["requests"].Get("newRequests", 6)!.Value.Number);
        Assert.Equal(CellKind.Blank, compiled.Tables["reviews"].Get("review", 0)!.Value.Kind);
        Assert.Equal(JsonValueKind.Null, sum.GetProperty("report").GetProperty("tables").GetProperty("reviews").GetProperty("review")[0].ValueKind);
        var findings = sum.GetProperty("findings").EnumerateArray().ToList();
        var blank = Assert.Single(findings, f => f.GetProperty("code").GetString() == "AGGREGATE_CELL_BLANK");
        Assert.Equal("/tables/reviews/review/0", blank.GetProperty("pointer").GetString());
        Assert.Contains($"{Yi}未填写", blank.GetProperty("message").GetString());
        Assert.Equal(0, sum.GetProperty("errors").GetInt32());
        Assert.True(sum.GetProperty("valid").GetBoolean());
        Assert.Equal(findings.Count, sum.GetProperty("warnings").GetInt32());

        // Without a list, every agency of the year takes part: here that mixes 丙's 2019 edition with the 2021 ones.
        await AssertProblem(await office.PostAsync("/api/reports/sum", RunningService.Json(JsonSerializer.Serialize(new { agency = city, year = Year }))),
            (HttpStatusCode)422, "AGGREGATE_EDITION_MIXED");
        await AssertProblem(await office.PostAsync("/api/reports/sum", RunningService.Json(JsonSerializer.Serialize(new { agency = city, year = Year, agencies = new[] { Ding } }))),
            (HttpStatusCode)422, "AGGREGATE_EMPTY");
        await AssertProblem(await office.PostAsync("/api/reports/sum", RunningService.Json("""{"agency": "某市", "year": "二〇二四"}""")),
            HttpStatusCode.BadRequest, "INVALID_COMPILATION_REQUEST");
        await AssertProblem(await office.PostAsync("/api/reports/sum", RunningService.Json("{")), HttpStatusCode.BadRequest, "INVALID_COMPILATION_REQUEST");
        await AssertProblem(await office.PostAsync("/api/reports/sum", RunningService.Json($$"""{"agency": "{{city}}", "year": {{Year}}, "agency2": "x"}""")),
            HttpStatusCode.BadRequest, "INVALID_COMPILATION_REQUEST");
        using var agency = Service.Client(RunningService.KeyA);
        await AssertProblem(await agency.PostAsync("/api/reports/sum", RunningService.Json(JsonSerializer.Serialize(new { agency = city, year = Year }))),
            HttpStatusCode.Forbidden, "COMPILING_OFFICE_ONLY");
    }

    [Fact]
    public async Task Sum_passes_over_what_cannot_be_read_with_a_warning()
    {
        // A year no other test stores, since the whole year is read (CI's tests share one Azurite); the 2019 format then.
        const int year = 2018;
        Report Early(int variant) => ReportFactory.Consistent("2019", year) with { Agency = Jia, Title = $"{Jia}{year}年政府信息公开工作年度报告（第{variant}稿）" };
        string older = await Store(Early(1));
        string newest = await Store(Early(2));
        // The newest report's input is spoiled in the store, and a folder no agency name can make sits beside it.
        await Service.Store.WriteBytesAsync(ReportLayout.ReportFile(Jia, year, newest, ReportFileNames.Input), "{不是报告"u8.ToArray(),
            ContentTypes.Json, WriteMode.Overwrite);
        string stray = $"{Jia}／{_tag}";
        await Service.Store.WriteBytesAsync($"{BlobPath.ReportsContainer}/{stray}/{year}/{newest}/{ReportFileNames.Manifest}", "{}"u8.ToArray(), ContentTypes.Json);

        using var office = Service.Client(RunningService.AdminKey);
        var sum = await Json(await office.PostAsync("/api/reports/sum",
            RunningService.Json(JsonSerializer.Serialize(new { agency = $"某{_tag}市人民政府", year }))));
        Assert.Equal([(Jia, older)], sum.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("agency").GetString()!, p.GetProperty("id").GetString()!)));
        var warnings = sum.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("code").GetString() == "AGGREGATE_PART_UNREADABLE")
            .Select(f => f.GetProperty("message").GetString()!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains(newest, StringComparison.Ordinal) && w.Contains("无法读回", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(stray, StringComparison.Ordinal) && w.Contains("不是有效的机关名称", StringComparison.Ordinal));
        Assert.Empty(sum.GetProperty("missing").EnumerateArray());
    }
}

public sealed class CompilationApiOnDiskTests() : CompilationApiTests(TestStore.OnDisk("docgen-compile-"));

public sealed class CompilationApiOnAzuriteTests(AzuriteFixture azurite) : CompilationApiTests(TestStore.OnAzurite(azurite)), IClassFixture<AzuriteFixture>;
