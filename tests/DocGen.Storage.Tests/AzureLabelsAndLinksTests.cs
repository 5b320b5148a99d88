using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using static DocGen.Storage.Tests.TestData;

namespace DocGen.Storage.Tests;

/// <summary>
/// On Azure (Azurite here) every file DocGen writes carries its agency, year, edition and report id as metadata and
/// as index tags, read back with the Azure SDK, not with DocGen; and a file can be handed out as a short-lived SAS link.
/// </summary>
public sealed class AzureLabelsAndLinksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Agency = "某县人民政府办公室";
    private readonly AzureBlobStore _store = new(azurite.ConnectionString);
    private readonly BlobServiceClient _azure = new(azurite.ConnectionString);

    private BlobClient Blob(string path)
    {
        var (container, name) = BlobPath.Split(path);
        return _azure.GetBlobContainerClient(container).GetBlobClient(name);
    }

    [Fact]
    public void Labels_are_ascii_and_within_the_index_tag_character_set()
    {
        var labels = new BlobLabels(Agency, 2025, "2021", "abc123");
        Assert.All(labels.Metadata().Values, v => Assert.True(v.All(char.IsAscii), v));
        // Blob index tags: letters, digits, space and + - . / : = _ (Set Blob Tags).
        Assert.All(labels.Tags().Values, v => Assert.Matches(@"^[A-Za-z0-9 +\-./:=_]{0,256}$", v));
        Assert.Equal(Agency, BlobLabels.AgencyFromMetadata(labels.Metadata()[BlobLabels.AgencyKey]));
        Assert.Equal(Agency, BlobLabels.AgencyFromTag(labels.Tags()[BlobLabels.AgencyKey]));
        Assert.Equal("%E6%9F%90%E5%8E%BF%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E5%8A%9E%E5%85%AC%E5%AE%A4", labels.Metadata()[BlobLabels.AgencyKey]);
        Assert.Equal("2021", BlobLabels.Of(Agency, 2025, "annual-report-2021", "x").Edition);
    }

    [Fact]
    public async Task Every_file_of_a_report_and_of_its_signed_version_carries_metadata_and_index_tags()
    {
        var repository = new ReportRepository(_store);
        var report = Report(Agency, 2025) with { TemplateId = "annual-report-2019" };
        await repository.SaveAsync(report);
        await repository.ArchiveSignedAsync(report.ReportId, FakePdf("signed"), CreatedAt.AddDays(1));

        var paths = new List<string>();
        await foreach (var b in _store.ListAsync($"{BlobPath.ReportsContainer}/")) if (b.Path.Contains(report.ReportId, StringComparison.Ordinal)) paths.Add(b.Path);
        await foreach (var b in _store.ListAsync($"{BlobPath.ArchiveContainer}/")) if (b.Path.Contains(report.ReportId, StringComparison.Ordinal)) paths.Add(b.Path);
        paths.Add(ReportLayout.IdIndex(report.ReportId));
        // input, docx, pdf, validation, manifest; the signed PDF and its metadata; the id index.
        Assert.Equal(8, paths.Count);

        foreach (var path in paths)
        {
            var blob = Blob(path);
            var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
            Assert.Equal(Agency, BlobLabels.AgencyFromMetadata(metadata[BlobLabels.AgencyKey]));
            Assert.Equal("2025", metadata[BlobLabels.YearKey]);
            Assert.Equal("2019", metadata[BlobLabels.EditionKey]);
            Assert.Equal(report.ReportId, metadata[BlobLabels.ReportIdKey]);

            var tags = (await blob.GetTagsAsync()).Value.Tags;
            Assert.Equal(Agency, BlobLabels.AgencyFromTag(tags[BlobLabels.AgencyKey]));
            Assert.Equal("2025", tags[BlobLabels.YearKey]);
            Assert.Equal("2019", tags[BlobLabels.EditionKey]);
            Assert.Equal(report.ReportId, tags[BlobLabels.ReportIdKey]);
        }
    }

    [Fact]
    public async Task An_azure_user_finds_the_files_of_an_agency_and_year_by_tags()
    {
        var repository = new ReportRepository(_store);
        string agency = "乙县" + Unique()[..4] + "人民政府";
        var report = Report(agency, 2024) with { TemplateId = "annual-report-2021" };
        await repository.SaveAsync(report);
        await repository.SaveAsync(Report(agency, 2023));

        var tags = new BlobLabels(agency, 2024, "2021", report.ReportId).Tags();
        string query = $"\"{BlobLabels.AgencyKey}\" = '{tags[BlobLabels.AgencyKey]}' AND \"{BlobLabels.YearKey}\" = '2024'";
        var found = new List<string>();
        await foreach (var item in _azure.FindBlobsByTagsAsync(query)) found.Add($"{item.BlobContainerName}/{item.BlobName}");
        // The five files of the 2024 report and its id index; nothing of 2023.
        Assert.Equal(6, found.Count);
        Assert.All(found, p => Assert.Contains(report.ReportId, p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_link_serves_the_file_under_its_download_name_and_only_to_read()
    {
        var repository = new ReportRepository(_store);
        var report = Report(Agency, 2025);
        var manifest = await repository.SaveAsync(report);
        var now = DateTimeOffset.UtcNow;
        var link = await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now, TimeSpan.FromMinutes(5), "某县人民政府办公室2025年政府信息公开工作年度报告.pdf");
        Assert.NotNull(link);
        Assert.Contains("sig=", link!.Query, StringComparison.Ordinal);

        // A plain HTTP client, no account key: the link alone reads the blob.
        using var http = new HttpClient();
        var response = await http.GetAsync(link);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(report.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("某县人民政府办公室2025年政府信息公开工作年度报告.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);

        // Read only: the same signature cannot write.
        var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent("x"u8.ToArray()) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.False((await http.SendAsync(put)).IsSuccessStatusCode);
        Assert.Equal(report.Pdf, await _store.ReadAllBytesAsync(ReportLayout.ReportFile(Agency, 2025, report.ReportId, ReportFileNames.Pdf)));

        // A link that has expired reads nothing.
        var expired = await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, now.AddHours(-2), TimeSpan.FromMinutes(5), "x.pdf");
        Assert.False((await http.GetAsync(expired)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_folder_store_signs_no_links()
    {
        string root = Directory.CreateTempSubdirectory("docgen-links-").FullName;
        try
        {
            var repository = new ReportRepository(new FileSystemBlobStore(root));
            var manifest = await repository.SaveAsync(Report(Agency, 2025));
            Assert.Null(await repository.ReadLinkAsync(manifest, ReportFileNames.Pdf, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), "x.pdf"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
