using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DocGen.Storage;
using DocGen.Storage.Tests;
using Xunit.Abstractions;

namespace DocGen.Functions.Tests;

/// <summary>
/// kill -9 sweep: the standalone server (its own process, on 127.0.0.1) is killed at random moments while a batch
/// of report POSTs and signed uploads is in flight, then restarted on the same folder. Afterwards no half-written
/// report is visible and every id and signed version the server acknowledged is readable with its recorded hash.
/// </summary>
public sealed class KillSweepTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 10;
    private readonly string _data = Directory.CreateTempSubdirectory("docgen-kill-").FullName;

    [Fact]
    public async Task Ten_kills_during_posts_and_uploads_lose_no_acknowledged_write_and_show_nothing_half_written()
    {
        var random = new Random(15);
        var acknowledged = new Dictionary<string, string>(); // id → sha256 of report.pdf
        var signed = new List<Version>();
        int interrupted = 0;
        for (int round = 0; round < Kills; round++)
        {
            using var server = await ServerProcess.StartAsync(_data);
            using var client = server.Client();
            var ids = acknowledged.Keys.ToList();
            var posts = Enumerable.Range(0, 3).Select(i => PostAsync(client, ApiTests.ReportJson(100 + round * 10 + i))).ToList();
            var uploads = ids.Count == 0 ? [] : Enumerable.Range(0, 2).Select(i => UploadAsync(client, ids[random.Next(ids.Count)], $"signed {round}.{i}")).ToList();
            // Half the kills come blind, half just after a first answer while the rest are still in flight.
            if (round % 2 == 1) await Task.WhenAny(Task.WhenAny(posts), Task.Delay(TimeSpan.FromSeconds(20)));
            await Task.Delay(random.Next(round % 2 == 1 ? 0 : 100, round % 2 == 1 ? 300 : 1500));
            server.Kill();
            foreach (var post in posts)
            {
                if (await Finished(post) is { } ack) acknowledged[ack.Id] = ack.PdfSha256;
                else interrupted++;
            }
            foreach (var upload in uploads)
            {
                if (await Finished(upload) is { } version) signed.Add(version);
                else interrupted++;
            }
        }

        using var final = await ServerProcess.StartAsync(_data);
        using var reader = final.Client();
        foreach (var (id, sha) in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/reports/{id}")).StatusCode);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await reader.GetByteArrayAsync($"/api/reports/{id}/pdf"))));
        }
        foreach (var (id, version, sha) in signed)
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await reader.GetByteArrayAsync($"/api/reports/{id}/signed/{version}"))));

        // Every report a reader can see is complete; the folders of interrupted saves are not visible at all.
        var repository = new ReportRepository(new FileSystemBlobStore(_data));
        int visible = 0, invisible = 0;
        Assert.True(acknowledged.Count > 0, "no POST was acknowledged before a kill: the sweep proved nothing");
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(_data, "reports"), "*", SearchOption.AllDirectories)
                     .Where(d => Path.GetRelativePath(Path.Combine(_data, "reports"), d).Count(c => c == Path.DirectorySeparatorChar) == 2))
        {
            string id = Path.GetFileName(folder);
            var manifest = await repository.GetReportAsync(id);
            if (manifest is null)
            {
                invisible++;
                Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/reports/{id}")).StatusCode);
                continue;
            }
            visible++;
            Assert.Empty(await repository.VerifyAsync(manifest));
        }
        output.WriteLine($"{Kills} kills; acknowledged: {acknowledged.Count} reports, {signed.Count} signed versions; " +
                         $"interrupted requests: {interrupted}; visible reports: {visible}, unfinished folders: {invisible}");
    }

    private static async Task<T?> Finished<T>(Task<T?> request) where T : class
    {
        try { return await request; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { return null; }
    }

    private static async Task<Ack?> PostAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync("/api/reports", RunningService.Json(json));
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) throw new HttpRequestException($"POST: {response.StatusCode}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string sha = body.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == ReportFileNames.Pdf).GetProperty("sha256").GetString()!;
        return new Ack(body.GetProperty("id").GetString()!, sha);
    }

    private static async Task<Version?> UploadAsync(HttpClient client, string id, string text)
    {
        byte[] pdf = TestPdfs.Minimal(text);
        var response = await client.PostAsync($"/api/reports/{id}/signed", RunningService.Pdf(pdf));
        if (response.StatusCode != HttpStatusCode.Created) throw new HttpRequestException($"upload: {response.StatusCode}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new Version(id, body.GetProperty("version").GetInt32(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    private sealed record Ack(string Id, string PdfSha256);

    private sealed record Version(string Id, int Number, string Sha256);

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(_data, true);
    }
}
