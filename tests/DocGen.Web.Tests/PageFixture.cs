using DocGen.Functions;
using DocGen.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocGen.Web.Tests;

/// <summary>
/// The real standalone service on 127.0.0.1 (a free port, a fresh folder store) and Playwright driving
/// Debian's chromium; every test gets a browser of its own with a fresh profile.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    /// <summary>The agency of the sample the tests type in, with its key.</summary>
    public const string Agency = "太原市万柏林区人民政府";
    public const string Key = "key-wanbailin";
    public const string AdminKey = "key-compiling-office";
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private readonly string _data = Directory.CreateTempSubdirectory("docgen-web-data-").FullName;

    public Uri BaseAddress { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public ReportRepository Repository => _app!.Services.GetRequiredService<ReportRepository>();

    public async Task InitializeAsync()
    {
        _app = ServiceApp.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ServiceSettings.Port] = "0",
            [ServiceSettings.AgencyKeys] = $"{Agency}={Key}",
            [ServiceSettings.AdminKey] = AdminKey,
            [ServiceSettings.PreprocessFonts] = "false",
            [StorageSettings.Root] = _data,
        }));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
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

    public HttpClient Client(string? key = Key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Add("x-api-key", key);
        return client;
    }

    /// <summary>Every file the folder store holds, to see whether anything was written.</summary>
    public string[] StoredFiles() =>
        Directory.Exists(_data) ? Directory.GetFiles(_data, "*", SearchOption.AllDirectories) : [];

    public async Task DisposeAsync()
    {
        Playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<PageFixture>
{
    public const string Name = "page";
}
