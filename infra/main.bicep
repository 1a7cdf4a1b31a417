// TeamsAmdl – Azure resources for one environment, deployed into one resource group.
// How to deploy, the Entra app registration and the Graph permission: infra/README.md.
//
// Function App: Linux, Flex Consumption (FC1), .NET 10 isolated worker (functions/TeamsAmdl.Functions: HTTP triggers
// with ASP.NET Core integration, timer triggers, queue triggers). On Flex Consumption the language and its version
// are functionAppConfig.runtime = { name: 'dotnet-isolated', version: '10.0' }; the app settings
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION (and WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*) must not be
// set there ("Flex Consumption plan deprecations" in the Functions app settings reference). FUNCTIONS_WORKER_RUNTIME
// = dotnet-isolated belongs only into local.settings.json for Core Tools.
//
// Storage is reached only with the app's system-assigned managed identity (no account keys, shared keys disabled):
// - data account (Storage__AccountName): Table, Blob and Queue Data Contributor – the app's own data and queues;
// - host account (AzureWebJobsStorage__accountName, deployment package): Blob Data Owner and Queue Data Contributor,
//   which the Functions host (keys, timer schedules and leases, queue triggers on this connection) needs.
// All regional resources are created in Germany West Central (R-SEC-4). Azure Bot Service has no German
// region: the bot is created as a regional bot in West Europe (EU data residency) unless botLocation says otherwise.

targetScope = 'resourceGroup'

metadata description = 'TeamsAmdl: Flex Consumption Function App (.NET 10 isolated worker), storage, monitoring, Key Vault, Azure Bot with the Teams channel'

@description('Region of all regional resources. Data must stay in Germany (SPEC R-SEC-4).')
@allowed([
  'germanywestcentral'
])
param location string = 'germanywestcentral'

@description('Short name used in all resource names: lower-case letters and digits.')
@minLength(2)
@maxLength(10)
param namePrefix string = 'teamsamdl'

@description('Environment name used in resource names, e.g. prod or test: lower-case letters and digits.')
@minLength(1)
@maxLength(5)
param environmentName string = 'prod'

@description('Application (client) ID of the single-tenant Entra app registration of the bot, also used for Teams SSO.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('The app id from manifest/manifest.json ("id"). The bot\'s app registration needs the Graph application permissions TeamsAppInstallation.ReadForUser.All and Chat.Read.All (protected API: request access) for the read-back of in-doubt deliveries.')
param teamsAppId string = '5d7f9ce3-4eea-4e6a-965e-f047ef2989b2'

@description('Entra tenant ID of the Jobcenter. Only its users and its Teams traffic are accepted.')
@minLength(36)
@maxLength(36)
param tenantId string = tenant().tenantId

@description('Audience of the Teams SSO tokens the API accepts. The app registration issues v2 tokens (README, step 1), whose audience is the client ID.')
param authAudience string = botAppId

@description('SharePoint site of the e-Akte as a Graph site id ("<host>,<site collection id>,<web id>", README step 2). Outside Development the app does not start without it.')
@minLength(1)
param filingSiteId string

@description('Document library (Graph drive id) of the e-Akte inside filingSiteId. Outside Development the app does not start without it.')
@minLength(1)
param filingDriveId string

@description('An Entra security group and what its (transitive) members are in the app (Staff:Groups, functions/TeamsAmdl.Functions/Staff/README.md).')
type staffGroup = {
  @description('Object id of the Entra security group.')
  groupId: string
  @description('Comma-separated roles: Koordinator, Betreuer, Ifk, Bewerter, Teamleitung, FachkraftSqs, KoordinierendeFuehrungskraft, Geschaeftsleitung.')
  roles: string
  @description('Team of the members (first listed group wins), e.g. "team-u25".')
  teamId: string?
  @description('With teamId: the team is stored under this name.')
  teamName: string?
  teamLocation: string?
}

@description('Entra security groups → roles and teams. Staff come only from these groups (hourly sync); with none, nobody can sign in. The bot\'s app registration needs GroupMember.Read.All and User.Read.All (README, step 4).')
param staffGroups staffGroup[] = []

@description('The app\'s id in the tenant\'s app catalog (GET /appCatalogs/teamsApps?$filter=externalId eq \'<teamsAppId>\'), not the manifest id. Set: the app is installed through Graph for people who should get cards but never opened it (TeamsAppInstallation.ReadWriteSelfForUser.All).')
param teamsAppCatalogId string = ''

@description('Outlook Actionable Messages (issue 17): the Einkaufspostfach the rating mails are sent from, e.g. "einkauf@jobcenter.example". Empty: Outlook off, everybody gets Teams cards. Needs Mail.Send restricted to this mailbox (README "Outlook").')
param outlookMailbox string = ''

@description('Provider id (originator) from the Actionable Email Developer Dashboard, organisation scope, target: the bot (README "Outlook").')
param outlookProviderId string = ''

@description('Link in the mails\' HTML fallback: the deep link of the TeamsAmdl tab (https://teams.microsoft.com/l/entity/<teamsAppId>/…).')
param outlookTabUrl string = ''

@description('Channel for rating requests and reminders of people who chose none, per role (e.g. {"Bewerter": "Outlook"}); values Teams, Outlook, Both. Default: Teams.')
param outlookDefaultChannels object = {}

@description('Client secret of the app registration. Leave empty to put it into the Key Vault yourself as secret "bot-client-secret" (README).')
@secure()
param botClientSecret string = ''

@description('Region of the Azure Bot resource: "westeurope" is a regional bot that keeps bot data in the EU; "global" is not regional.')
@allowed([
  'westeurope'
  'global'
])
param botLocation string = 'westeurope'

@description('Pricing tier of the Azure Bot. Microsoft Teams is a standard channel, also free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Redundancy of the data storage account. GRS/GZRS replicate to Germany North, which is in Germany too.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param dataStorageSku string = 'Standard_ZRS'

@description('Largest number of instances the Flex Consumption plan scales out to. More instances do not raise Teams\' sending limit (about 50 messages per second from the app per tenant): every instance sends through the shared limiter, so this only bounds parallel request and queue work and the cost of a burst.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags for all resources.')
param tags object = {
  application: 'TeamsAmdl'
  environment: environmentName
}

// ---------------------------------------------------------------------------------------------------------------
// Names

var compactName = replace(toLower('${namePrefix}${environmentName}'), '-', '')
var suffix = take(uniqueString(resourceGroup().id, namePrefix, environmentName), 6)
var names = {
  dataStorage: 'st${take(compactName, 15)}d${suffix}' // 3–24 lower-case letters and digits, globally unique
  hostStorage: 'st${take(compactName, 15)}h${suffix}'
  keyVault: 'kv-${take(compactName, 13)}-${suffix}' // 3–24, globally unique
  logs: 'log-${namePrefix}-${environmentName}'
  appInsights: 'appi-${namePrefix}-${environmentName}'
  plan: 'plan-${namePrefix}-${environmentName}'
  functionApp: 'func-${namePrefix}-${environmentName}-${suffix}' // globally unique: <name>.azurewebsites.net
  bot: 'bot-${namePrefix}-${environmentName}-${suffix}' // globally unique bot handle
}
var deploymentContainerName = 'app-package'
var botSecretName = 'bot-client-secret'

// Built-in role definitions (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles)
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}
var dataStorageRoles = [
  roles.storageTableDataContributor
  roles.storageBlobDataContributor
  roles.storageQueueDataContributor
]
// Host storage: Blob Data Owner for keys, timer schedules, leases and the deployment package; Queue Data Contributor
// for queue triggers bound to AzureWebJobsStorage. No tables: the app uses no Durable Functions.
var hostStorageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
]

// ---------------------------------------------------------------------------------------------------------------
// Storage: one account for the app's data, one for the Functions host and the deployment package

var storageProperties = {
  accessTier: 'Hot'
  minimumTlsVersion: 'TLS1_2'
  supportsHttpsTrafficOnly: true
  allowBlobPublicAccess: false
  allowSharedKeyAccess: false // Entra ID (managed identity) only
  defaultToOAuthAuthentication: true
  allowCrossTenantReplication: false
  publicNetworkAccess: 'Enabled'
  networkAcls: {
    bypass: 'AzureServices'
    defaultAction: 'Allow'
  }
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: names.dataStorage
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: dataStorageSku
  }
  properties: storageProperties
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: names.hostStorage
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: storageProperties
}

resource hostBlobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: hostStorage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: hostBlobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.appInsights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true // telemetry only with Entra ID (APPLICATIONINSIGHTS_AUTHENTICATION_STRING below)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key Vault for the bot's client secret (read by the app through a Key Vault reference)

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.keyVault
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botClientSecret)) {
  parent: keyVault
  name: botSecretName
  properties: {
    value: botClientSecret
    contentType: 'Client secret of the TeamsAmdl Entra app registration'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Function App (Flex Consumption, Linux, .NET 10 isolated worker)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

// Staff from Entra ID and the proactive app installation (Staff__*; ':' is written '__' in app settings).
var staffGroupSettings = flatten(map(range(0, length(staffGroups)), i => [
  {
    name: 'Staff__Groups__${i}__GroupId'
    value: staffGroups[i].groupId
  }
  {
    name: 'Staff__Groups__${i}__Roles'
    value: staffGroups[i].roles
  }
  {
    name: 'Staff__Groups__${i}__TeamId'
    value: staffGroups[i].?teamId ?? ''
  }
  {
    name: 'Staff__Groups__${i}__TeamName'
    value: staffGroups[i].?teamName ?? ''
  }
  {
    name: 'Staff__Groups__${i}__TeamLocation'
    value: staffGroups[i].?teamLocation ?? ''
  }
]))
var staffSettings = concat(staffGroupSettings, empty(teamsAppCatalogId) ? [] : [
  {
    name: 'Staff__TeamsAppCatalogId'
    value: teamsAppCatalogId
  }
])

// Outlook Actionable Messages (Outlook__*, Bot__AllowedChannels): only with a mailbox and a provider id.
var outlookEnabled = !empty(outlookMailbox) && !empty(outlookProviderId)
var outlookSettings = outlookEnabled ? concat([
  {
    name: 'Outlook__Enabled'
    value: 'true'
  }
  {
    name: 'Outlook__Mailbox'
    value: outlookMailbox
  }
  {
    name: 'Outlook__ProviderId'
    value: outlookProviderId
  }
  {
    name: 'Outlook__TabUrl'
    value: outlookTabUrl
  }
  {
    // The bot accepts Outlook invokes only where this lists the channel (BotAuthenticator).
    name: 'Bot__AllowedChannels__0'
    value: 'msteams'
  }
  {
    name: 'Bot__AllowedChannels__1'
    value: 'outlook'
  }
], map(items(outlookDefaultChannels), d => {
  name: 'Outlook__DefaultChannels__${d.key}'
  value: string(d.value)
})) : []

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: names.functionApp
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: concat([
        // Functions host storage through the managed identity (no connection string)
        {
          name: 'AzureWebJobsStorage__accountName'
          value: hostStorage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        // Production is also the default; the Functions host and worker read AZURE_FUNCTIONS_ENVIRONMENT, the ASP.NET
        // Core integration ASPNETCORE_ENVIRONMENT. Production means no demo login, no seeding, SharePoint required.
        {
          name: 'AZURE_FUNCTIONS_ENVIRONMENT'
          value: 'Production'
        }
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        // The app (README "Configuration"; ':' is written '__' in app settings). Storage__AccountName is also the
        // identity-based connection "Storage" for triggers on the data account (accountName + managed identity).
        {
          name: 'Storage__AccountName'
          value: dataStorage.name
        }
        {
          name: 'Auth__TenantId'
          value: tenantId
        }
        {
          name: 'Auth__Audience'
          value: authAudience
        }
        {
          name: 'Auth__MetadataUrl'
          value: '${environment().authentication.loginEndpoint}${tenantId}/v2.0/.well-known/openid-configuration'
        }
        {
          name: 'Bot__AppId'
          value: botAppId
        }
        {
          name: 'Bot__TenantId'
          value: tenantId
        }
        {
          // Manifest id: in-doubt deliveries are read back from the chat through Graph (bot/TeamsAmdl.Bot/Proactive/README.md).
          name: 'Bot__TeamsAppId'
          value: teamsAppId
        }
        {
          name: 'Bot__ClientSecret'
          value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botSecretName})'
        }
        // e-Akte through Microsoft Graph with the managed identity (Sites.Selected, README step 4)
        {
          name: 'Filing__SiteId'
          value: filingSiteId
        }
        {
          name: 'Filing__DriveId'
          value: filingDriveId
        }
      ], staffSettings, outlookSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
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
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    deploymentContainer
  ]
}

// No publishing with user names and passwords: deployments authenticate with Entra ID (az CLI, Core Tools).
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Role assignments of the Function App's managed identity

resource dataStorageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in dataStorageRoles: {
    name: guid(dataStorage.id, functionApp.id, roleId)
    scope: dataStorage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource hostStorageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in hostStorageRoles: {
    name: guid(hostStorage.id, functionApp.id, roleId)
    scope: hostStorage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource keyVaultRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, functionApp.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appInsightsRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, functionApp.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Azure Bot (single-tenant app registration) with the Microsoft Teams channel

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: botLocation
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'TeamsAmdl'
    description: 'Maßnahmen- und Trägermanagement des Jobcenters'
    endpoint: 'https://${functionApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// The Outlook channel: Actionable Messages' Action.Execute reach the bot as "adaptiveCard/action" invokes (issue 17).
resource outlookChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = if (outlookEnabled) {
  parent: bot
  name: 'OutlookChannel'
  location: botLocation
  properties: {
    channelName: 'OutlookChannel'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs (no secrets)

output functionAppName string = functionApp.name
output functionAppHostName string = functionApp.properties.defaultHostName
@description('Object ID of the Function App\'s managed identity: grant Graph Sites.Selected to it (README, step 4).')
output functionAppPrincipalId string = functionApp.identity.principalId
output dataStorageAccountName string = dataStorage.name
output hostStorageAccountName string = hostStorage.name
output keyVaultName string = keyVault.name
output botName string = bot.name
output botMessagingEndpoint string = bot.properties.endpoint
@description('Application ID URI to set on the app registration for Teams SSO (README, step 3).')
output applicationIdUri string = 'api://${functionApp.properties.defaultHostName}/${botAppId}'
@description('Builds the Teams app package for this environment (README, step 6).')
output teamsPackageCommand string = 'manifest/package.sh --bot-app-id ${botAppId} --hostname ${functionApp.properties.defaultHostName} --version <x.y.z>'
