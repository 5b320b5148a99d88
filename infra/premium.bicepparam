// The Elastic Premium variant, for regions of Azure operated in China that offer no Flex Consumption.
using 'main.bicep'

param name = 'docgen'
param archiveRetentionDays = 3650
param agencyKeys = readEnvironmentVariable('DOCGEN_AGENCY_KEYS', '')
param adminKey = readEnvironmentVariable('DOCGEN_ADMIN_KEY', '')
param deployEventSubscription = bool(readEnvironmentVariable('DOCGEN_EVENT_SUBSCRIPTION', 'false'))
param planKind = 'ElasticPremium'
