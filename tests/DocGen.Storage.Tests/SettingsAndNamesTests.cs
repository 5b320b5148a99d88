using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace DocGen.Storage.Tests;

public sealed class SettingsAndNamesTests
{
    [Fact]
    public void Setting_names_are_the_documented_ones()
    {
        Assert.Equal("DocGen:Storage:Kind", StorageSettings.Kind);
        Assert.Equal("DocGen:Storage:Root", StorageSettings.Root);
        Assert.Equal("DocGen:Storage:ConnectionString", StorageSettings.ConnectionString);
        Assert.Equal("DocGen:Storage:AccountUrl", StorageSettings.AccountUrl);
        Assert.All(StorageSettings.AllKeys, k => Assert.StartsWith(StorageSettings.Section + ":", k));
        Assert.Equal("FileSystem", StorageSettings.KindFileSystem);
        Assert.Equal("AzureBlob", StorageSettings.KindAzureBlob);
    }

    [Fact]
    public void Empty_configuration_means_the_data_folder()
    {
        var options = StorageOptions.FromConfiguration(new DictionaryConfiguration());
        Assert.Equal(new StorageOptions(), options);
        var store = Assert.IsType<FileSystemBlobStore>(BlobStoreFactory.Create(new DictionaryConfiguration()));
        Assert.Equal(Path.GetFullPath("./data"), store.Root);
    }

    [Fact]
    public void Configuration_is_bound()
    {
        var config = new DictionaryConfiguration
        {
            [StorageSettings.Kind] = "azureblob",
            [StorageSettings.Root] = "/srv/docgen",
            [StorageSettings.ConnectionString] = "UseDevelopmentStorage=true",
            [StorageSettings.AccountUrl] = " https://example.invalid ",
        };
        Assert.Equal(new StorageOptions(StorageKind.AzureBlob, "/srv/docgen", "UseDevelopmentStorage=true", "https://example.invalid"),
            StorageOptions.FromConfiguration(config));

        var fs = new DictionaryConfiguration { [StorageSettings.Kind] = "FileSystem", [StorageSettings.Root] = "/tmp/x" };
        Assert.Equal(Path.GetFullPath("/tmp/x"), Assert.IsType<FileSystemBlobStore>(BlobStoreFactory.Create(fs)).Root);
    }

    [Fact]
    public void Account_url_builds_an_azure_store_without_connecting()
    {
        var store = BlobStoreFactory.Create(new StorageOptions(StorageKind.AzureBlob, AccountUrl: "https://docgenexample.blob.core.windows.net"));
        Assert.Equal("docgenexample", Assert.IsType<AzureBlobStore>(store).ServiceClient.AccountName);
    }

    [Theory]
    [InlineData("S3", null, null)]
    [InlineData("AzureBlob", null, null)]
    [InlineData("AzureBlob", null, "not a url")]
    public void Bad_settings_have_a_clear_error(string kind, string? connectionString, string? accountUrl)
    {
        var config = new DictionaryConfiguration
        {
            [StorageSettings.Kind] = kind,
            [StorageSettings.ConnectionString] = connectionString,
            [StorageSettings.AccountUrl] = accountUrl,
        };
        var ex = Assert.Throws<StorageException>(() => BlobStoreFactory.Create(config));
        Assert.Equal(StorageErrorCodes.InvalidSettings, ex.Code);
        Assert.Contains("DocGen:Storage:", ex.Message);
    }

    [Theory]
    [InlineData("国务院办公厅")]
    [InlineData("北京市朝阳区人民政府（区政务服务管理局）")]
    [InlineData("Ministry of Finance")]
    [InlineData("某局·信息中心")]
    [InlineData("某局 2号楼")]
    [InlineData("a.b")]
    public void Ordinary_agency_names_are_accepted(string agency)
    {
        Assert.Equal(agency, StorageNames.ValidateAgency(agency));
    }

    [Fact]
    public void Agency_names_are_normalized_to_nfc()
    {
        string decomposed = "Cafe\u0301";
        Assert.Equal("Caf\u00e9", StorageNames.ValidateAgency(decomposed));
    }

    [Fact]
    public void Agency_name_length_limits()
    {
        Assert.Equal(100, StorageNames.ValidateAgency(new string('a', 100)).Length);
        Assert.Throws<InvalidStorageNameException>(() => StorageNames.ValidateAgency(new string('a', 101)));
        Assert.Equal(80, StorageNames.ValidateAgency(new string('局', 80)).Length);
        var ex = Assert.Throws<InvalidStorageNameException>(() => StorageNames.ValidateAgency(new string('局', 81)));
        Assert.Equal(StorageErrorCodes.InvalidAgency, ex.Code);
    }

    [Fact]
    public void Years_are_checked()
    {
        StorageNames.ValidateYear(2025);
        Assert.Equal(StorageErrorCodes.InvalidYear, Assert.Throws<InvalidStorageNameException>(() => StorageNames.ValidateYear(25)).Code);
    }

    [Fact]
    public void Layout_paths()
    {
        Assert.Equal("reports/某局/2025/r1/manifest.json", ReportLayout.ReportFile("某局", 2025, "r1", ReportFileNames.Manifest));
        Assert.Equal("archive/某局/2025/r1/3/signed.pdf", ReportLayout.ArchiveFile("某局", 2025, "r1", 3, ReportFileNames.Signed));
        Assert.Equal("ids/r1.json", ReportLayout.IdIndex("r1"));
        Assert.Throws<StorageException>(() => ReportLayout.ReportFile("某局", 2025, "r1", "../x"));
        Assert.True(BlobPath.IsWriteOnce("archive/x/y"));
        Assert.False(BlobPath.IsWriteOnce("archived/x"));
    }

    /// <summary>A dictionary seen through IConfiguration's indexer, which is all the binder uses.</summary>
    private sealed class DictionaryConfiguration : Dictionary<string, string?>, IConfiguration
    {
        public DictionaryConfiguration() : base(StringComparer.OrdinalIgnoreCase) { }

        string? IConfiguration.this[string key]
        {
            get => TryGetValue(key, out var v) ? v : null;
            set => this[key] = value;
        }

        public IConfigurationSection GetSection(string key) => throw new NotSupportedException();
        public IEnumerable<IConfigurationSection> GetChildren() => throw new NotSupportedException();
        public IChangeToken GetReloadToken() => throw new NotSupportedException();
    }
}

/// <summary>Look-alike agency names (issue 15): names that fold together under NFKC are one agency; look-alikes of forbidden characters are refused.</summary>
public class LookAlikeAgencyTests
{
    [Theory]
    [InlineData("ＡＢＣ市人民政府", "ABC市人民政府")]              // fullwidth letters
    [InlineData("某县人民政府(办公室)", "某县人民政府（办公室）")]   // ASCII brackets become the usual fullwidth ones
    [InlineData("某县第２中学", "某县第2中学")]
    [InlineData("\uF900某局", "\u8C48某局")]                         // a compatibility ideograph is its unified one
    public void Names_that_fold_together_are_one_agency(string lookAlike, string canonical)
    {
        Assert.Equal(StorageNames.ValidateAgency(canonical), StorageNames.ValidateAgency(lookAlike));
        Assert.Equal(ReportLayout.AgencyPrefix(canonical), ReportLayout.AgencyPrefix(lookAlike));
    }

    [Theory]
    [InlineData("某局／信息中心")]   // fullwidth solidus folds to '/'
    [InlineData("某局∕信息中心")]    // division slash
    [InlineData("某局⁄信息中心")]    // fraction slash
    [InlineData("某局․․信息中心")]   // one-dot leaders fold to ".."
    [InlineData("某局＼信息中心")]   // fullwidth backslash
    public void Look_alikes_of_forbidden_characters_are_refused(string agency)
    {
        var e = Assert.Throws<InvalidStorageNameException>(() => StorageNames.ValidateAgency(agency));
        Assert.Equal(StorageErrorCodes.InvalidAgency, e.Code);
    }

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.Throws<InvalidStorageNameException>(() => StorageNames.ValidateAgency("某局" + '\ud800'));
}
