using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints;

/// <summary>Development only (mapped in Program.cs when the environment is Development).</summary>
public static class DevEndpoints
{
    public static void MapDevEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dev/users", async (StaffRepository staff, CancellationToken ct) =>
        {
            var teams = (await staff.ListTeamsAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
            return Results.Json((await staff.ListAsync(ct)).OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new
            {
                id = s.Id, displayName = s.DisplayName, email = s.Email, teamId = s.TeamId, team = teams.GetValueOrDefault(s.TeamId),
                roles = s.Roles.Order().Select(r => r.ToString()),
            }));
        }).AllowAnonymous();
}
