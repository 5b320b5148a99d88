using Azure.Storage.Blobs;
using static DocGen.Storage.Tests.TestData;

namespace DocGen.Storage.Tests;

/// <summary>The shared cases on <see cref="AzureBlobStore"/> against Azurite (see <see cref="AzuriteFixture"/>).</summary>
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContractTests, IClassFixture<AzuriteFixture>
{
    private readonly AzureBlobStore _store = new(azurite.ConnectionString);

    protected override IBlobStore Store => _store;

    [Fact]
    public async Task Containers_are_created_on_first_write_and_keep_the_content_type()
    {
        string container = "t" + Unique();
        var service = new BlobServiceClient(azurite.ConnectionString);
        Assert.False((await service.GetBlobContainerClient(container).ExistsAsync()).Value);

        await _store.WriteBytesAsync($"{container}/x/报告.pdf", FakePdf("x"), ContentTypes.Pdf);

        Assert.True((await service.GetBlobContainerClient(container).ExistsAsync()).Value);
        var props = await service.GetBlobContainerClient(container).GetBlobClient("x/报告.pdf").GetPropertiesAsync();
        Assert.Equal(ContentTypes.Pdf, props.Value.ContentType);
        Assert.Equal(ContentTypes.Pdf, (await _store.GetInfoAsync($"{container}/x/报告.pdf"))!.ContentType);
    }

    [Fact]
    public async Task A_container_deleted_behind_the_store_is_created_again()
    {
        string container = "t" + Unique();
        await _store.WriteBytesAsync($"{container}/a.json", Utf8("1"), ContentTypes.Json);
        await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).DeleteAsync();
        await WaitUntilGone(container);

        await _store.WriteBytesAsync($"{container}/b.json", Utf8("2"), ContentTypes.Json);
        Assert.Equal(Utf8("2"), await _store.ReadAllBytesAsync($"{container}/b.json"));
    }

    [Fact]
    public void The_factory_builds_an_azure_store_from_a_connection_string()
    {
        var store = BlobStoreFactory.Create(new StorageOptions(StorageKind.AzureBlob, ConnectionString: azurite.ConnectionString));
        Assert.IsType<AzureBlobStore>(store);
    }

    private async Task WaitUntilGone(string container)
    {
        var client = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container);
        for (int i = 0; i < 50 && (await client.ExistsAsync()).Value; i++) await Task.Delay(100);
    }
}
