using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace TeamsAmdl.Filing.Graph;

/// <summary>
/// Builds the Microsoft Graph client for filing: app-only, scope https://graph.microsoft.com/.default, token
/// attached only for the configured Graph host, the SDK's default middleware with the retry handler configured
/// from <see cref="FilingOptions"/> (429/503/504, Retry-After honoured).
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
        ArgumentNullException.ThrowIfNull(credential);
        var baseUrl = new Uri(options.GraphBaseUrl.TrimEnd('/'));
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(new RetryHandlerOption
                {
                    // The SDK's limits: at most 10 retries, 180 s delay.
                    MaxRetry = Math.Clamp(options.GraphMaxRetries, 0, 10),
                    Delay = Math.Clamp(options.GraphRetryDelaySeconds, 0, 180),
                });
        }
        var http = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        // Large uploads may take a while per slice; the worker's lease bounds the whole attempt instead.
        http.Timeout = TimeSpan.FromMinutes(5);
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [baseUrl.Host], scopes: [FilingOptions.GraphScope]);
        return new GraphServiceClient(http, auth, baseUrl.ToString().TrimEnd('/'));
    }
}
