using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>Who uses the tab and which teams exist (any authenticated staff member).</summary>
public sealed class DigestProfileFunctions(StaffRepository staff)
{
    /// <summary>GET api/digest/me: the caller, their team and roles.</summary>
    [Function("digest-me")]
    public async Task<IResult> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/me")] HttpRequest req, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(req.HttpContext.User);
        var s = await staff.GetAsync(user.StaffId, cancellationToken);
        return Results.Json(new
        {
            id = user.StaffId, displayName = user.DisplayName, teamId = s?.TeamId, roles = user.Roles.Order().Select(r => r.ToString()),
            isCoordinator = user.Has(StaffRole.Koordinator),
        });
    }

    /// <summary>GET api/digest/teams: the teams, by name.</summary>
    [Function("digest-teams")]
    public async Task<IResult> Teams(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/teams")] HttpRequest req, CancellationToken cancellationToken) =>
        Results.Json((await staff.ListTeamsAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new { id = t.Id, name = t.Name }));
}
