// The storage account DocGen keeps its files in: versioned blobs, the containers the service uses, and
// version-level immutability on the archive of signed PDFs.

@description('Name of the storage account (3-24 lower-case letters and digits).')
param name string
param location string
param tags object = {}

@description('Days a signed version stays immutable. The policy is left unlocked; lock it for production (see infra/README.md).')
@minValue(1)
param archiveRetentionDays int

@description('Containers of the service; the archive one is made write-once.')
param containers array

@description('Container holding the Function App deployment package (Flex Consumption).')
param deploymentContainer string

param archiveContainer string = 'archive'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app reaches storage with its managed identity; no account keys anywhere.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 30
    }
  }
}

resource serviceContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in concat(containers, [deploymentContainer]): {
    parent: blobs
    name: container
    properties: {
      publicAccess: 'None'
      // Version-level WORM: every version of a signed PDF is protected on its own.
      immutableStorageWithVersioning: container == archiveContainer ? { enabled: true } : null
    }
  }
]

resource archive 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobs
  name: archiveContainer
}

// The default time-based retention of the archive: no version can be changed or deleted before it ends,
// not even by an account owner. Unlocked, so a test deployment can still be removed.
resource archivePolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: archive
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveRetentionDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [
    serviceContainers
  ]
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
