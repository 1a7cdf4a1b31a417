using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// The Graph client of the staff sync and the app installation: app-only with the bot's identity (installing the app
/// "for itself" needs TeamsAppInstallation.ReadWriteSelfForUser.All on the app the Teams app belongs to), token sent to
/// the configured Graph host only, the SDK's retry handler for 429/503/504 honouring Retry-After.
/// </summary>
public static class StaffGraph
{
    /// <summary>DI key of the <see cref="TokenCredential"/> used for Graph (default: the bot's credential).</summary>
    public const string CredentialKey = "staff-graph";

    public static GraphServiceClient CreateClient(StaffOptions options, TokenCredential credential)
    {
        var baseUrl = new Uri(options.GraphBaseUrl.TrimEnd('/'));
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(new RetryHandlerOption
                {
                    MaxRetry = Math.Clamp(options.GraphMaxRetries, 0, 10),
                    Delay = Math.Clamp(options.GraphRetryDelaySeconds, 0, 180),
                });
        }
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [baseUrl.Host], scopes: ["https://graph.microsoft.com/.default"]);
        return new GraphServiceClient(GraphClientFactory.Create(handlers), auth, baseUrl.ToString().TrimEnd('/'));
    }
}
