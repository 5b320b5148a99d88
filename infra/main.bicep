// DocGen on Azure: storage (versioned, with a write-once archive), the Function App on the isolated
// worker (.NET 10) on the Flex Consumption plan or Elastic Premium, and (after the code is deployed) the
// Event Grid feed of the blob trigger. See infra/README.md.

targetScope = 'resourceGroup'

@description('Short name used for every resource (lower-case letters, digits and hyphens).')
@minLength(3)
@maxLength(18)
param name string = 'docgen'

param location string = resourceGroup().location

@description('Days a signed PDF version stays immutable in the archive.')
@minValue(1)
param archiveRetentionDays int = 3650

@description('API keys of the agencies, "机构甲=key1;机构乙=key2".')
@secure()
param agencyKeys string

@description('API key of the compiling office.')
@secure()
param adminKey string

@description('FlexConsumption where the region offers it with dotnet-isolated 10.0; otherwise ElasticPremium (EP1).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param planKind string = 'FlexConsumption'

// The service's operating settings, set as app settings of the function app (the defaults are the code's).
@description('Requests a minute per API key (0: no limit); beyond it 429 with Retry-After.')
@minValue(0)
param requestsPerMinute int = 120

@description('Requests one key may send at once before the per-minute rate applies.')
@minValue(1)
param requestBurst int = 60

@description('Renders at once per instance (0: one per processor, the service\'s own default).')
@minValue(0)
param rendersInFlight int = 0

@description('Renders waiting for a slot; beyond it 503 with Retry-After.')
@minValue(0)
param renderQueue int = 32

@description('Seconds a render may take, its wait in the queue included.')
@minValue(1)
param renderDeadlineSeconds int = 60

@description('Minutes a download link lives (0: downloads stream through the function; above 0 GET answers 307 to a user-delegation SAS link).')
@minValue(0)
param downloadLinkMinutes int = 0

@description('Agencies the compiling office expects a report from each year, "机构甲;机构乙"; empty: it names them in each request.')
param expectedAgencies string = ''

@description('Traces a second sent to Application Insights (0: every trace).')
@minValue(0)
param tracesPerSecond int = 0

@description('Create the Event Grid subscription of the blob trigger (needs the deployed code; deploy.sh sets it on its second pass).')
param deployEventSubscription bool = false

var tags = {
  application: 'DocGen'
}

// Containers the service writes (see core/DocGen.Storage/README.md); the function name of the blob trigger.
var incomingContainer = 'incoming'
var containers = [
  incomingContainer
  'reports'
  'archive'
  'ids'
]
var deploymentContainer = 'deployment-package'
var blobTriggerFunction = 'IncomingReport'

var storageName = take('${replace(name, '-', '')}${uniqueString(resourceGroup().id)}', 24)

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageName
    location: location
    tags: tags
    archiveRetentionDays: archiveRetentionDays
    containers: containers
    deploymentContainer: deploymentContainer
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: '${name}-${uniqueString(resourceGroup().id)}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainer: deploymentContainer
    agencyKeys: agencyKeys
    adminKey: adminKey
    planKind: planKind
    requestsPerMinute: requestsPerMinute
    requestBurst: requestBurst
    rendersInFlight: rendersInFlight
    renderQueue: renderQueue
    renderDeadlineSeconds: renderDeadlineSeconds
    downloadLinkMinutes: downloadLinkMinutes
    expectedAgencies: expectedAgencies
    tracesPerSecond: tracesPerSecond
  }
}

module events 'modules/eventgrid.bicep' = if (deployEventSubscription) {
  name: 'eventgrid'
  params: {
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    functionAppName: app.outputs.name
    functionName: blobTriggerFunction
    incomingContainer: incomingContainer
  }
}

output functionAppName string = app.outputs.name
output endpoint string = 'https://${app.outputs.hostName}/api'
output storageAccountName string = storage.outputs.name
output deploymentContainer string = deploymentContainer
output packageBlob string = app.outputs.packageBlob
