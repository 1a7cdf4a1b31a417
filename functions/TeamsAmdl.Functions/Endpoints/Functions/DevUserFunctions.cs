using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints.Functions;

public sealed class DevUserFunctions(StaffRepository staff)
{
    /// <summary>GET api/dev/users (Development only): the demo users and their roles, for X-Dev-User.</summary>
    [Function("dev-users"), AllowAnonymous, DevelopmentOnly]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/users")] HttpRequest req, CancellationToken cancellationToken)
    {
        var teams = (await staff.ListTeamsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
        return Results.Json((await staff.ListAsync(cancellationToken)).OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new
        {
            id = s.Id, displayName = s.DisplayName, email = s.Email, teamId = s.TeamId, team = teams.GetValueOrDefault(s.TeamId),
            roles = s.Roles.Order().Select(r => r.ToString()),
        }));
    }
}
