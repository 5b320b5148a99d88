using System.Globalization;
using System.Text.Json;
using DocGen.Core.Tests.Fixtures;
using DocGen.Functions;
using DocGen.Functions.Api;
using DocGen.Storage;

namespace DocGen.Infra.Tests;

/// <summary>Every Bicep file compiles and lints clean, and the compiled ARM JSON has what DocGen relies on.</summary>
public class BicepTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Bicep.Files()) data.Add(Path.GetRelativePath(Bicep.InfraFolder, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Builds_and_lints_without_a_warning(string file)
    {
        string path = Path.Combine(Bicep.InfraFolder, file);
        Bicep.Compile(path); // throws on any diagnostic
        var (code, output) = ExternalTool.Run(Bicep.Executable, "lint", path);
        Assert.True(code == 0 && output.Trim().Length == 0, $"bicep lint {file}: exit {code}\n{output}");
    }

    /// <summary>Both plan variants: Flex Consumption (main) and Elastic Premium (premium), built and linted.</summary>
    [Theory]
    [InlineData("main.bicepparam", "FlexConsumption")]
    [InlineData("premium.bicepparam", "ElasticPremium")]
    public void Parameters_files_build_and_lint_for_both_plans(string file, string plan)
    {
        string path = Path.Combine(Bicep.InfraFolder, file);
        var (code, output) = ExternalTool.Run(Bicep.Executable, "build-params", path, "--stdout");
        Assert.True(code == 0, output);
        var parameters = JsonDocument.Parse(JsonDocument.Parse(output).RootElement.GetProperty("parametersJson").GetString()!).RootElement;
        Assert.Equal(plan, parameters.GetProperty("parameters").GetProperty("planKind").GetProperty("value").GetString());
        var (lintCode, lint) = ExternalTool.Run(Bicep.Executable, "lint", path);
        Assert.True(lintCode == 0 && lint.Trim().Length == 0, $"bicep lint {file}: exit {lintCode}\n{lint}");
    }

    [Fact]
    public void The_app_runs_the_isolated_worker_on_dotnet_10_on_either_plan()
    {
        var variables = FunctionAppModule().GetProperty("properties").GetProperty("template").GetProperty("variables");
        Assert.Equal("dotnet-isolated", variables.GetProperty("runtimeName").GetString());
        Assert.Equal("10.0", variables.GetProperty("runtimeVersion").GetString());
        var skus = variables.GetProperty("planSkus");
        Assert.Equal("FC1", skus.GetProperty("FlexConsumption").GetProperty("name").GetString());
        Assert.Equal("EP1", skus.GetProperty("ElasticPremium").GetProperty("name").GetString());
        Assert.Equal("ElasticPremium", skus.GetProperty("ElasticPremium").GetProperty("tier").GetString());

        var site = Assert.Single(Bicep.OfType("Microsoft.Web/sites")).GetProperty("properties");
        // Flex Consumption: the runtime in functionAppConfig, and no FUNCTIONS_* settings (it refuses them).
        string flexConfig = site.GetProperty("functionAppConfig").GetString()!;
        Assert.Contains("'runtime', createObject('name', variables('runtimeName'), 'version', variables('runtimeVersion'))", flexConfig);
        var (settings, premiumOnly) = AppSettingsAndPremium();
        Assert.Equal(["FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"], premiumOnly.Order());
        // Elastic Premium: the same runtime in linuxFxVersion and FUNCTIONS_WORKER_RUNTIME, the package run from the deployment container.
        Assert.Equal("variables('runtimeName')", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Contains("parameters('deploymentContainer'), variables('packageBlob')", settings["WEBSITE_RUN_FROM_PACKAGE"]);
        string fx = site.GetProperty("siteConfig").GetProperty("linuxFxVersion").GetString()!;
        Assert.Contains("variables('runtimeName')", fx);
        Assert.Contains("variables('runtimeVersion')", fx);
    }

    [Fact]
    public void Storage_is_locked_down_and_versioned()
    {
        var account = Assert.Single(Bicep.OfType("Microsoft.Storage/storageAccounts"));
        var p = account.GetProperty("properties");
        Assert.Equal("TLS1_2", p.GetProperty("minimumTlsVersion").GetString());
        Assert.False(p.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.False(p.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(p.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("StorageV2", account.GetProperty("kind").GetString());
        var blobs = Assert.Single(Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices"));
        Assert.True(blobs.GetProperty("properties").GetProperty("isVersioningEnabled").GetBoolean());
    }

    [Fact]
    public void Archive_has_version_level_immutability_with_a_retention_policy()
    {
        var containers = Assert.Single(Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
        // The containers are one copy loop; the archive gets immutableStorageWithVersioning by a condition on its name.
        string immutability = containers.GetProperty("properties").GetProperty("immutableStorageWithVersioning").GetString()!;
        Assert.Contains("archiveContainer", immutability);
        var policy = Assert.Single(Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));
        Assert.Contains("archiveContainer", policy.GetProperty("name").GetString());
        Assert.True(policy.GetProperty("properties").TryGetProperty("immutabilityPeriodSinceCreationInDays", out _));
        Assert.Equal("archive", ArchiveContainerParameterDefault());
    }

    [Fact]
    public void Containers_are_the_ones_the_code_writes()
    {
        string[] fromCode =
        [
            IncomingReports.Container,
            First(ReportLayout.ReportFolder("甲", 2024, "x")),
            First(ReportLayout.ArchiveFolder("甲", 2024, "x")),
            First(ReportLayout.IdIndex("x")),
        ];
        var variables = Bicep.CompiledMain.GetProperty("variables");
        var declared = variables.GetProperty("containers").EnumerateArray().Select(e => e.GetString()!).ToList();
        var resolved = declared.Select(c => c.StartsWith('[') ? variables.GetProperty("incomingContainer").GetString()! : c).ToList();
        Assert.Equal(fromCode.Order(), resolved.Order());
    }

    [Fact]
    public void Function_app_is_https_only_with_a_system_identity_and_no_storage_secrets()
    {
        var site = Assert.Single(Bicep.OfType("Microsoft.Web/sites"));
        Assert.Equal("SystemAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        var p = site.GetProperty("properties");
        Assert.True(p.GetProperty("httpsOnly").GetBoolean());
        var plan = Assert.Single(Bicep.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("[variables('planSkus')[parameters('planKind')]]", plan.GetProperty("sku").GetString());

        var settings = AppSettings();
        foreach (var (name, value) in settings)
        {
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", value, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("AzureWebJobsStorage", name);
        }
        Assert.DoesNotContain(Setting(StorageSettings.ConnectionString), settings.Keys);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", Value(settings, ServiceSettings.AgencyKeys));
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", Value(settings, ServiceSettings.AdminKey));
        Assert.Equal(StorageSettings.KindAzureBlob, settings[Setting(StorageSettings.Kind)]);
    }

    [Fact]
    public void App_settings_match_the_names_the_code_reads()
    {
        var settings = AppSettings();
        string[] required = [StorageSettings.Kind, StorageSettings.AccountUrl, ServiceSettings.AgencyKeys, ServiceSettings.AdminKey, ServiceSettings.FontDirectory];
        foreach (var name in required) Assert.Contains(Setting(name), settings.Keys);
        // Every DocGen setting in the template is one the code reads: no typo can hide.
        var known = ServiceSettings.All.Concat([StorageSettings.Kind, StorageSettings.Root, StorageSettings.ConnectionString, StorageSettings.AccountUrl])
            .Select(Setting).ToHashSet();
        foreach (var name in settings.Keys.Where(k => k.StartsWith("DocGen__", StringComparison.Ordinal)))
            Assert.Contains(name, known);
        // The port is the standalone server's; under the Functions host the host picks it.
        Assert.DoesNotContain(Setting(ServiceSettings.Port), settings.Keys);
        // The blob trigger's connection is identity-based, under the names the Worker's blob extension reads.
        Assert.Contains(IncomingReports.Connection + "__blobServiceUri", settings.Keys);
        Assert.Contains(IncomingReports.Connection + "__queueServiceUri", settings.Keys);
    }

    /// <summary>Each operating setting, the main template's parameter that sets it, and the code's default for it.</summary>
    public static TheoryData<string, string, string> OperatingSettings() => new()
    {
        { ServiceSettings.RequestsPerMinute, "requestsPerMinute", ServiceSettings.DefaultRequestsPerMinute.ToString(CultureInfo.InvariantCulture) },
        { ServiceSettings.RequestBurst, "requestBurst", ServiceSettings.DefaultRequestBurst.ToString(CultureInfo.InvariantCulture) },
        { ServiceSettings.RenderQueue, "renderQueue", ServiceSettings.DefaultRenderQueue.ToString(CultureInfo.InvariantCulture) },
        { ServiceSettings.RenderDeadlineSeconds, "renderDeadlineSeconds", ServiceSettings.DefaultRenderDeadlineSeconds.ToString(CultureInfo.InvariantCulture) },
        // Downloads stream and every trace is kept unless an operator says otherwise.
        { ServiceSettings.DownloadLinkMinutes, "downloadLinkMinutes", "0" },
        { ServiceSettings.TracesPerSecond, "tracesPerSecond", "0" },
    };

    [Theory]
    [MemberData(nameof(OperatingSettings))]
    public void Operating_settings_are_set_from_parameters_whose_defaults_are_the_codes(string setting, string parameter, string codeDefault)
    {
        var settings = AppSettings();
        Assert.Equal($"string(parameters('{parameter}'))", Value(settings, setting));
        Assert.Equal(codeDefault, MainParameterDefault(parameter).GetRawText());
        Assert.Equal($"[parameters('{parameter}')]", ModuleParameterValue(parameter));
    }

    [Fact]
    public void Renders_in_flight_are_set_only_when_a_number_is_given_and_expected_agencies_are_left_empty()
    {
        var settings = AppSettings();
        // 0 leaves the setting out, so the service takes one render per processor of the instance.
        Assert.Equal("string(parameters('rendersInFlight'))", Value(settings, ServiceSettings.RendersInFlight));
        string appSettings = Bicep.OfType("Microsoft.Web/sites").Single().GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()!;
        Assert.Contains("if(equals(parameters('rendersInFlight'), 0), createArray(), createArray(createObject('name', 'DocGen__Limits__RendersInFlight'", appSettings);
        Assert.Equal(0, MainParameterDefault("rendersInFlight").GetInt32());
        Assert.Equal("[parameters('rendersInFlight')]", ModuleParameterValue("rendersInFlight"));

        Assert.Equal("parameters('expectedAgencies')", Value(settings, ServiceSettings.ExpectedAgencies));
        Assert.Equal("", MainParameterDefault("expectedAgencies").GetString());
        Assert.Equal("[parameters('expectedAgencies')]", ModuleParameterValue("expectedAgencies"));
    }

    [Fact]
    public void Application_insights_connection_string_comes_from_the_templates_own_resource()
    {
        var settings = AppSettings();
        string value = Value(settings, ServiceSettings.ApplicationInsights);
        Assert.Contains("Microsoft.Insights/components", value);
        Assert.Contains("ConnectionString", value);
        // Local authentication is off, so ingestion takes only Entra ID tokens: the service signs in with the app's identity,
        // which may publish metrics (and so telemetry) to the resource.
        var insights = Assert.Single(Bicep.OfType("Microsoft.Insights/components"));
        Assert.True(insights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Equal("Authorization=AAD", Value(settings, ServiceSettings.ApplicationInsightsAuthentication));
        Assert.Contains(Bicep.OfType("Microsoft.Authorization/roleAssignments"), r => r.GetProperty("scope").GetString()!.Contains("Microsoft.Insights/components"));
    }

    [Fact]
    public void The_app_identity_has_a_blob_data_role_on_the_account()
    {
        const string blobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
        // The role ids are variables of the function app module; the assignments name them.
        var module = Bicep.Resources(Bicep.CompiledMain).Single(r =>
            r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "functionapp");
        var roleIds = module.GetProperty("properties").GetProperty("template").GetProperty("variables").GetProperty("roles");
        var blobRoles = roleIds.EnumerateObject().Where(r => r.Value.GetString() == blobDataOwner).Select(r => r.Name).ToList();
        string roleName = Assert.Single(blobRoles);

        var assignment = Assert.Single(Bicep.OfType("Microsoft.Authorization/roleAssignments"),
            r => r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains($"roles').{roleName}"));
        Assert.Contains("Microsoft.Storage/storageAccounts", assignment.GetProperty("scope").GetString());
        string principal = assignment.GetProperty("properties").GetProperty("principalId").GetString()!;
        Assert.Contains("Microsoft.Web/sites", principal);
        Assert.Contains("identity.principalId", principal);
    }

    [Fact]
    public void Event_grid_feeds_the_blob_trigger_from_incoming()
    {
        var subscription = Assert.Single(Bicep.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var filter = subscription.GetProperty("properties").GetProperty("filter");
        Assert.Contains("Microsoft.Storage.BlobCreated", filter.GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        string url = subscription.GetProperty("properties").GetProperty("destination").GetProperty("properties").GetProperty("endpointUrl").GetString()!;
        Assert.Contains("runtime/webhooks/blobs", url);
        Assert.Contains("blobs_extension", url);
    }

    private static string First(string path) => path.Split('/')[0];

    private static string Setting(string configurationKey) => configurationKey.Replace(":", "__");

    private static string Value(Dictionary<string, string> settings, string key) => settings[Setting(key)];

    private static string ArchiveContainerParameterDefault()
    {
        var storageModule = Bicep.Resources(Bicep.CompiledMain).First(r =>
            r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "storage");
        return storageModule.GetProperty("properties").GetProperty("template").GetProperty("parameters")
            .GetProperty("archiveContainer").GetProperty("defaultValue").GetString()!;
    }

    private static Dictionary<string, string> AppSettings() => AppSettingsAndPremium().Settings;

    private static (Dictionary<string, string> Settings, HashSet<string> PremiumOnly) AppSettingsAndPremium()
    {
        var site = Bicep.OfType("Microsoft.Web/sites").Single();
        return ArmExpression.AppSettings(site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()!);
    }

    private static JsonElement MainParameterDefault(string parameter) =>
        Bicep.CompiledMain.GetProperty("parameters").GetProperty(parameter).GetProperty("defaultValue");

    /// <summary>What main.bicep passes to the function app module's parameter.</summary>
    private static string ModuleParameterValue(string parameter) =>
        FunctionAppModule().GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;

    private static JsonElement FunctionAppModule() => Bicep.Resources(Bicep.CompiledMain).Single(r =>
        r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "functionapp");
}
