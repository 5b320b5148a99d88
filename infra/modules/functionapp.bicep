// The Function App (Linux) running DocGen on the Azure Functions isolated worker (.NET 10), its identity
// and roles on the storage account, the Key Vault holding the API keys, and Application Insights. The plan
// is Flex Consumption where the region offers it, else Elastic Premium (EP1).

param name string
param location string
param tags object = {}
param storageAccountName string
param deploymentContainer string

@description('API keys of the agencies, "机构甲=key1;机构乙=key2"; stored in Key Vault, never in app settings.')
@secure()
param agencyKeys string

@description('API key of the compiling office (all agencies); stored in Key Vault.')
@secure()
param adminKey string

@description('FlexConsumption (FC1, scales to zero) or ElasticPremium (EP1, for regions without Flex Consumption).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param planKind string = 'FlexConsumption'

@description('Largest instance count the plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (MB).')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Folder of licensed font files inside the deployment package.')
param fontDirectory string = 'fonts'

// The service's operating settings (names from DocGen.Functions.ServiceSettings), declared with their defaults in main.bicep.
param requestsPerMinute int
param requestBurst int
param rendersInFlight int
param renderQueue int
param renderDeadlineSeconds int
param downloadLinkMinutes int
param expectedAgencies string
param tracesPerSecond int

// The isolated worker on .NET 10: Flex Consumption names it in functionAppConfig, Elastic Premium in
// linuxFxVersion and the FUNCTIONS_* settings (which Flex Consumption refuses).
var runtimeName = 'dotnet-isolated'
var runtimeVersion = '10.0'
var flex = planKind == 'FlexConsumption'
var planSkus = {
  FlexConsumption: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  ElasticPremium: {
    name: 'EP1'
    tier: 'ElasticPremium'
  }
}
// Elastic Premium runs the package from this blob of the deployment container, read with the app's identity.
var packageBlob = 'docgen-functions.zip'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${replace(name, '-', '')}kv${uniqueString(resourceGroup().id)}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource agencyKeysSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'docgen-agency-keys'
  properties: {
    value: agencyKeys
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'docgen-admin-key'
  properties: {
    value: adminKey
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: flex ? 'functionapp' : 'elastic'
  sku: planSkus[planKind]
  properties: {
    reserved: true
    maximumElasticWorkerCount: flex ? null : maximumInstanceCount
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      linuxFxVersion: flex ? null : '${toUpper(runtimeName)}|${runtimeVersion}'
      appSettings: concat(flex ? [] : [
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: runtimeName
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '${account.properties.primaryEndpoints.blob}${deploymentContainer}/${packageBlob}'
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID'
          value: 'SystemAssigned'
        }
      ], [
        // Functions host storage and the blob trigger's connection, both through the managed identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: account.name
        }
        {
          name: 'DocGenStorage__blobServiceUri'
          value: account.properties.primaryEndpoints.blob
        }
        {
          name: 'DocGenStorage__queueServiceUri'
          value: account.properties.primaryEndpoints.queue
        }
        // DocGen's own store (names from DocGen.Storage.StorageSettings).
        {
          name: 'DocGen__Storage__Kind'
          value: 'AzureBlob'
        }
        {
          name: 'DocGen__Storage__AccountUrl'
          value: account.properties.primaryEndpoints.blob
        }
        // API keys (names from DocGen.Functions.ServiceSettings), read from Key Vault.
        {
          name: 'DocGen__Auth__AgencyKeys'
          value: '@Microsoft.KeyVault(SecretUri=${agencyKeysSecret.properties.secretUri})'
        }
        {
          name: 'DocGen__Auth__AdminKey'
          value: '@Microsoft.KeyVault(SecretUri=${adminKeySecret.properties.secretUri})'
        }
        {
          name: 'DocGen__Fonts__Directory'
          value: fontDirectory
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          name: 'DocGen__Telemetry__TracesPerSecond'
          value: string(tracesPerSecond)
        }
        {
          name: 'DocGen__Limits__RequestsPerMinute'
          value: string(requestsPerMinute)
        }
        {
          name: 'DocGen__Limits__RequestBurst'
          value: string(requestBurst)
        }
        {
          name: 'DocGen__Limits__RenderQueue'
          value: string(renderQueue)
        }
        {
          name: 'DocGen__Limits__RenderDeadlineSeconds'
          value: string(renderDeadlineSeconds)
        }
        {
          name: 'DocGen__Downloads__LinkMinutes'
          value: string(downloadLinkMinutes)
        }
        {
          name: 'DocGen__Compilation__ExpectedAgencies'
          value: expectedAgencies
        }
      ], rendersInFlight == 0 ? [] : [
        {
          name: 'DocGen__Limits__RendersInFlight'
          value: string(rendersInFlight)
        }
      ])
    }
    functionAppConfig: !flex ? null : {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${account.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

// Built-in role definitions.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4b42-8d3f-e0b9b8f2c2e5'
}

// Blob data: the service's containers, the host's storage and the deployment package.
resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, site.id, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Queues: the host's and the blob trigger's bookkeeping.
resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, site.id, roles.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, site.id, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
output packageBlob string = flex ? '' : packageBlob
