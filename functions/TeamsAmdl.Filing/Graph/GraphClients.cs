using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace TeamsAmdl.Filing.Graph;

/// <summary>
/// The app's Microsoft Graph clients (filing, staff sync): app-only, scope https://graph.microsoft.com/.default, the
/// token attached only for the configured Graph host, the SDK's default middleware with its retry handler configured
/// (429/503/504, Retry-After honoured; the SDK's limits: at most 10 retries, 180 s delay).
/// </summary>
public static class GraphClients
{
    public const string Scope = "https://graph.microsoft.com/.default";

    /// <param name="finalHandler">The transport (tests: a handler of their own); default: the SDK's.</param>
    public static GraphServiceClient Create(string graphBaseUrl, TokenCredential credential, int maxRetries, int retryDelaySeconds,
        TimeSpan? timeout = null, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var baseUrl = new Uri(graphBaseUrl.TrimEnd('/'));
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(new RetryHandlerOption
                {
                    MaxRetry = Math.Clamp(maxRetries, 0, 10),
                    Delay = Math.Clamp(retryDelaySeconds, 0, 180),
                });
        }
        var http = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        if (timeout is { } t) http.Timeout = t;
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [baseUrl.Host], scopes: [Scope]);
        return new GraphServiceClient(http, auth, baseUrl.ToString().TrimEnd('/'));
    }
}
