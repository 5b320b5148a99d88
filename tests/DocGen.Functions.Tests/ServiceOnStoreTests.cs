using DocGen.Storage.Tests;

namespace DocGen.Functions.Tests;

/// <summary>One of the two stores the service tests run on: its settings, and on disk its folder, deleted at the end.</summary>
public sealed class TestStore : IDisposable
{
    private TestStore(Dictionary<string, string?> settings, string? root) => (Settings, Root) = (settings, root);

    /// <summary>A fresh folder on disk.</summary>
    public static TestStore OnDisk(string prefix)
    {
        string root = Directory.CreateTempSubdirectory(prefix).FullName;
        return new TestStore(TestStores.Disk(root), root);
    }

    /// <summary>The Azurite of the fixture (shared by the tests of the run: tests name their reports apart).</summary>
    public static TestStore OnAzurite(AzuriteFixture azurite) => new(TestStores.Azurite(azurite.ConnectionString), null);

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The folder of a disk store; null on Azurite.</summary>
    public string? Root { get; }

    public void Dispose()
    {
        if (Root is not null) TestStores.DeleteFolder(Root);
    }
}

/// <summary>
/// A test class whose tests each run against the real standalone service on one store; a subclass per store names
/// it (<see cref="TestStore.OnDisk"/>, <see cref="TestStore.OnAzurite"/>), so every test runs on both.
/// </summary>
public abstract class ServiceOnStoreTests(TestStore store) : IAsyncLifetime
{
    protected RunningService Service { get; private set; } = null!;

    protected TestStore Storage { get; } = store;

    /// <summary>Settings this class adds to the store's.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(Storage.Settings);
        Configure(settings);
        Service = await RunningService.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        Storage.Dispose();
    }
}
