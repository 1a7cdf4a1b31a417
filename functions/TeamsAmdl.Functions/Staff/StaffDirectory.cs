using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// What the app asks Microsoft Graph about staff: the users among a group's transitive members
/// (<c>GET /groups/{id}/transitiveMembers</c>, every page via @odata.nextLink; nested groups, devices and service
/// principals are skipped) and installing the Teams app for a user (<c>POST /users/{id}/teamwork/installedApps</c>).
/// Throttling (429/503/504) is retried by the client's retry handler with the server's Retry-After.
/// </summary>
public sealed class StaffDirectory(GraphServiceClient graph)
{
    /// <summary>The catalog reference Graph expects in teamsApp@odata.bind (always the public Graph URL, whatever host is called).</summary>
    public const string CatalogAppBindPrefix = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/";

    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName", "accountEnabled"];

    public async Task<IReadOnlyList<DirectoryUser>> UsersOfGroupAsync(string groupId, CancellationToken ct)
    {
        var users = new List<DirectoryUser>();
        var page = await graph.Groups[groupId].TransitiveMembers.GetAsync(r =>
        {
            r.QueryParameters.Select = UserFields;
            r.QueryParameters.Top = 999;
        }, ct);
        while (page is not null)
        {
            foreach (var user in (page.Value ?? []).OfType<User>().Where(u => !string.IsNullOrWhiteSpace(u.Id)))
                users.Add(new DirectoryUser(user.Id!, user.DisplayName ?? "", (user.Mail ?? user.UserPrincipalName ?? "").Trim(),
                    user.AccountEnabled ?? true));
            if (string.IsNullOrEmpty(page.OdataNextLink)) break;
            page = await graph.Groups[groupId].TransitiveMembers.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: ct);
        }
        return users;
    }

    /// <summary>Installs the app in the user's personal scope. Already installed (409) counts as done.</summary>
    public async Task<bool> InstallAppAsync(string userId, string catalogAppId, CancellationToken ct)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = CatalogAppBindPrefix + catalogAppId },
        };
        try
        {
            await graph.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: ct);
            return true;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 409)
        {
            return false;
        }
    }
}
