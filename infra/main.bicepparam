using 'main.bicep'

param name = 'docgen'
param archiveRetentionDays = 3650
// The keys come from the environment at deployment time (deploy.sh reads them), never from this file.
param agencyKeys = readEnvironmentVariable('DOCGEN_AGENCY_KEYS', '')
param adminKey = readEnvironmentVariable('DOCGEN_ADMIN_KEY', '')
param deployEventSubscription = bool(readEnvironmentVariable('DOCGEN_EVENT_SUBSCRIPTION', 'false'))
param planKind = readEnvironmentVariable('DOCGEN_PLAN', 'FlexConsumption')
