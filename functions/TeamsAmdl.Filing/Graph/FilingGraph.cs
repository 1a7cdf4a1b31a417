using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;

namespace TeamsAmdl.Filing.Graph;

/// <summary>
/// The Microsoft Graph client for filing: <see cref="GraphClients"/> with the retry settings of <see cref="FilingOptions"/>,
/// and its credential.
/// </summary>
public static class FilingGraph
{
    /// <summary>
    /// Client secret (Filing:TenantId, Filing:ClientId, Filing:ClientSecret) when configured — local runs; otherwise
    /// the managed identity of the Function App (user-assigned with Filing:ManagedIdentityClientId).
    /// </summary>
    public static TokenCredential CreateCredential(FilingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
    }

    /// <param name="finalHandler">The transport (tests: a handler of their own); default: the SDK's.</param>
    public static GraphServiceClient CreateClient(FilingOptions options, TokenCredential credential, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Large uploads may take a while per slice; the worker's lease bounds the whole attempt instead.
        return GraphClients.Create(options.GraphBaseUrl, credential, options.GraphMaxRetries, options.GraphRetryDelaySeconds,
            TimeSpan.FromMinutes(5), finalHandler);
    }
}
