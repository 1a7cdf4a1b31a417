using Azure.Core;
using Microsoft.Graph;
using TeamsAmdl.Filing.Graph;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// The Graph client of the staff sync and the app installation: app-only with the bot's identity (installing the app
/// "for itself" needs TeamsAppInstallation.ReadWriteSelfForUser.All on the app the Teams app belongs to), token sent to
/// the configured Graph host only (<see cref="GraphClients"/>).
/// </summary>
public static class StaffGraph
{
    /// <summary>DI key of the <see cref="TokenCredential"/> used for Graph (default: the bot's credential).</summary>
    public const string CredentialKey = "staff-graph";

    public static GraphServiceClient CreateClient(StaffOptions options, TokenCredential credential) =>
        GraphClients.Create(options.GraphBaseUrl, credential, options.GraphMaxRetries, options.GraphRetryDelaySeconds);
}
