using System.Text.Json.Nodes;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions.Tests;
using DocGen.Storage;
using Microsoft.Playwright;

namespace DocGen.Web.Tests;

/// <summary>
/// The real standalone service on 127.0.0.1 (the Functions tests' <see cref="RunningService"/>, over a fresh
/// folder store) and Playwright driving Debian's chromium; every test gets a browser with a fresh profile.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    public const string Agency = RunningService.AgencyA;
    public const string Key = RunningService.KeyA;
    public const string ChromiumPath = "/usr/bin/chromium";

    private RunningService _service = null!;
    private readonly string _data = Directory.CreateTempSubdirectory("docgen-web-data-").FullName;
    private readonly string _samples = Directory.CreateTempSubdirectory("docgen-web-samples-").FullName;

    public Uri BaseAddress => _service.BaseAddress;
    public IPlaywright Playwright { get; private set; } = null!;
    public ReportRepository Repository => _service.Repository;

    public async Task InitializeAsync()
    {
        _service = await RunningService.StartAsync(new Dictionary<string, string?> { [StorageSettings.Root] = _data });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    }

    /// <summary>A browser with a fresh profile, clipboard allowed for the service's origin; dispose it after the test.</summary>
    public async Task<IBrowserContext> NewBrowserAsync()
    {
        var profile = Directory.CreateTempSubdirectory("docgen-web-profile-").FullName;
        var context = await Playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = BaseAddress.GetLeftPart(UriPartial.Authority) });
        context.Close += (_, _) => { try { Directory.Delete(profile, true); } catch (IOException) { } };
        return context;
    }

    /// <summary>A fresh browser on the page, ready; browser errors go to <paramref name="log"/>. Dispose the browser after the test.</summary>
    public async Task<(IBrowserContext Browser, PageDriver Page)> OpenPageAsync(Action<string>? log = null)
    {
        var browser = await NewBrowserAsync();
        var page = new PageDriver(browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync());
        if (log is not null) page.Page.Console += (_, m) => { if (m.Type == "error") log("browser: " + m.Text); };
        await page.OpenAsync(BaseAddress);
        return (browser, page);
    }

    /// <summary>A sample of templates/samples as the test agency's own report (the key may write only its agency's).</summary>
    public string Sample(string name)
    {
        string path = Path.Combine(_samples, name);
        if (!File.Exists(path))
        {
            var report = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, name)))!;
            report["agency"] = Agency;
            report.AsObject().Remove("title");
            File.WriteAllText(path, report.ToJsonString());
        }
        return path;
    }

    public HttpClient Client(string? key = Key) => _service.Client(key);

    /// <summary>Every file the folder store holds, to see whether anything was written.</summary>
    public string[] StoredFiles() =>
        Directory.Exists(_data) ? Directory.GetFiles(_data, "*", SearchOption.AllDirectories) : [];

    public async Task DisposeAsync()
    {
        Playwright?.Dispose();
        await _service.DisposeAsync();
        foreach (var dir in new[] { _data, _samples })
            try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<PageFixture>
{
    public const string Name = "page";
}
