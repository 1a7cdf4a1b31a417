using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Staffing;
using static TeamsAmdl.Functions.Tests.Staffing.FakeEntraGraph;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>
/// Issue 13: staff and roles from Entra ID on empty storage, through Graph over real HTTP — paging, nested groups and
/// devices skipped, a 429 waited out for its Retry-After — then the coordinator's sync (POST api/staff/sync) changes nothing.
/// </summary>
public sealed class StaffSyncTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    [Fact]
    public async Task Sync_stores_the_12_members_with_their_roles_and_teams_and_a_second_sync_changes_nothing()
    {
        _ = app.CreateClient(); // host up: empty storage, nobody seeded
        Assert.Empty(await app.Service<StaffRepository>().ListAsync());
        app.Graph.ThrottleOnce(seconds: 2);

        var first = await app.Service<StaffSync>().RunAsync(CancellationToken.None); // what the hourly timer does

        Assert.Equal((12, 0, 0, 0), (first.Added, first.Changed, first.Deactivated, first.Unchanged));
        Assert.Equal("Mitarbeitende aus Entra ID abgeglichen: 12 neu, 0 geändert, 0 deaktiviert, 0 unverändert.", first.Summary);

        // The 429 was answered only after its Retry-After; then the same page again.
        var requests = app.Graph.Requests.ToList();
        var throttled = Assert.Single(requests, r => r.Status == 429);
        var retry = requests[requests.IndexOf(throttled) + 1];
        Assert.Equal(throttled.PathAndQuery, retry.PathAndQuery);
        Assert.True(retry.At - throttled.At >= TimeSpan.FromSeconds(1.9), $"retried after {retry.At - throttled.At}");
        // The IFK group (7 users + a nested group + a device) came in 3 pages of 4, via @odata.nextLink.
        Assert.Equal(3, requests.Count(r => r.Status == 200 && r.PathAndQuery.Contains($"/groups/{Ifk}/", StringComparison.Ordinal)));
        Assert.Contains(requests, r => r.PathAndQuery.Contains("$skiptoken=2", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal("Bearer " + Token, r.Authorization));

        var staff = (await app.Service<StaffRepository>().ListAsync()).ToDictionary(s => s.Id);
        Assert.Equal(12, staff.Count);
        (int User, string Team, StaffRole[] Roles)[] expected =
        [
            (1, "team-steuerung", [StaffRole.Koordinator, StaffRole.Bewerter]),
            // In Koordination and Betreuung: the roles of both, the team of the first listed group.
            (2, "team-steuerung", [StaffRole.Koordinator, StaffRole.Bewerter, StaffRole.Betreuer]),
            (3, "team-u25", [StaffRole.Ifk]), (4, "team-u25", [StaffRole.Ifk]), (5, "team-u25", [StaffRole.Ifk]),
            (6, "team-u25", [StaffRole.Ifk]), (7, "team-u25", [StaffRole.Ifk]), (8, "team-u25", [StaffRole.Ifk]), (9, "team-u25", [StaffRole.Ifk]),
            (10, "team-reha", [StaffRole.Betreuer]), (11, "team-reha", [StaffRole.Betreuer]), (12, "team-reha", [StaffRole.Betreuer]),
        ];
        foreach (var (n, team, roles) in expected)
        {
            var s = staff[U(n)];
            Assert.Equal(U(n), s.AadObjectId); // keyed by the object id
            Assert.Equal(Users[n - 1].Name, s.DisplayName);
            Assert.Equal(Mail(U(n)), s.Email);
            Assert.Equal(team, s.TeamId);
            Assert.True(roles.ToHashSet().SetEquals(s.Roles), $"{s.DisplayName}: {string.Join(",", s.Roles)}");
            Assert.True(s.Active);
        }
        Assert.Equal(["Steuerung", "Team Reha", "Team U25"], (await app.Service<StaffRepository>().ListTeamsAsync()).Select(t => t.Name).Order());
        Assert.DoesNotContain("9e8d7c6b-0000-4000-8000-000000000001", staff.Keys); // the nested group is no staff member

        // The bot's lookup by object id is a point read on these rows (no demo rows here: Seed:Demo=false).
        Assert.Equal("Laura Krüger", (await app.Service<StaffRepository>().FindByAadObjectIdAsync(U(3)))!.DisplayName);
        Assert.Null(await app.Service<StaffRepository>().FindByAadObjectIdAsync("not-a-guid"));

        // The coordinator's button: nothing changed in Entra, nothing changes here.
        var second = await app.As(U(1)).PostAsync("/api/staff/sync", null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((0, 0, 0, 12), ((int)body["added"]!, (int)body["changed"]!, (int)body["deactivated"]!, (int)body["unchanged"]!));
        Assert.Equal("Mitarbeitende aus Entra ID abgeglichen: 0 neu, 0 geändert, 0 deaktiviert, 12 unverändert.", (string?)body["summary"]);

        // Only coordinators may start it.
        var ifk = await app.As(U(3)).PostAsync("/api/staff/sync", null);
        Assert.Equal(HttpStatusCode.Forbidden, ifk.StatusCode);
        Assert.Equal(StaffTexts.CoordinatorsOnly, (string?)(await ifk.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }
}
