using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Staffing;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>What a sync changes, decided without I/O (<see cref="StaffSyncPlan"/>), and the start-up check of Staff:*.</summary>
public sealed class StaffSyncPlanTests
{
    private const string A = "11111111-0000-4000-8000-000000000001", B = "11111111-0000-4000-8000-000000000002",
        C = "11111111-0000-4000-8000-000000000003";

    private static StaffGroupMapping Group(string roles, string? team = null) =>
        new() { GroupId = Guid.NewGuid().ToString(), Roles = roles, TeamId = team };

    private static DirectoryUser User(string id, string name = "N", bool enabled = true) => new(id, name, name + "@JC.example", enabled);

    private static Staff Stored(string id, string name = "N", string team = "t", bool active = true, params StaffRole[] roles) =>
        new(id, name, name.ToLowerInvariant() + "@jc.example", team, roles.ToHashSet(), AadObjectId: id, Active: active);

    [Fact]
    public void Merge_unites_roles_takes_the_first_groups_team_and_skips_disabled_accounts()
    {
        var wanted = StaffSyncPlan.Merge([
            (Group("Koordinator", "team-a"), [User(A), User(B, enabled: false)]),
            (Group("Betreuer,Bewerter", "team-b"), [User(A), User(C)]),
            (Group("Ifk"), [User(C)]),
        ]);
        Assert.Equal([A, C], wanted.Select(w => w.ObjectId));
        Assert.True(wanted[0].Roles.SetEquals([StaffRole.Koordinator, StaffRole.Betreuer, StaffRole.Bewerter]));
        Assert.Equal("team-a", wanted[0].TeamId);          // the first listed group with a team
        Assert.Equal("team-b", wanted[1].TeamId);
        Assert.Equal("n@jc.example", wanted[0].Email);     // e-mail lower case
    }

    public static TheoryData<string, Staff[], (int Added, int Changed, int Deactivated, int Unchanged)> Plans => new()
    {
        // nothing stored: everyone is new
        { "new", [], (1, 0, 0, 0) },
        // stored exactly as wanted
        { "same", [Stored(A, roles: StaffRole.Ifk)], (0, 0, 0, 1) },
        // a role more in Entra
        { "role", [Stored(A, roles: StaffRole.Betreuer)], (0, 1, 0, 0) },
        // renamed in Entra
        { "name", [Stored(A, name: "Alt", roles: StaffRole.Ifk)], (0, 1, 0, 0) },
        // moved to another team
        { "team", [Stored(A, team: "x", roles: StaffRole.Ifk)], (0, 1, 0, 0) },
        // back after leaving: reactivated
        { "back", [Stored(A, active: false, roles: StaffRole.Ifk)], (0, 1, 0, 0) },
        // B left every group: deactivated; already deactivated C stays so
        { "leaver", [Stored(A, roles: StaffRole.Ifk), Stored(B, roles: StaffRole.Ifk), Stored(C, active: false)], (0, 0, 1, 2) },
        // a demo row (id ≠ object id) is not the sync's business
        { "demo", [new Staff("ifk-demo", "D", "d@jc.example", "t", new HashSet<StaffRole>(), AadObjectId: B)], (1, 0, 0, 0) },
    };

    [Theory, MemberData(nameof(Plans))]
    public void Plan_counts(string _, Staff[] stored, (int Added, int Changed, int Deactivated, int Unchanged) expected)
    {
        var wanted = new[] { new StaffSyncPlan.Wanted(A, "N", "n@jc.example", "t", new HashSet<StaffRole> { StaffRole.Ifk }) };
        var plan = StaffSyncPlan.Plan(stored, wanted);
        Assert.Equal(expected, (plan.Added.Count, plan.Changed.Count, plan.Deactivated.Count, plan.Unchanged));
        Assert.All(plan.Deactivated, s => Assert.False(s.Active));
        Assert.All(plan.Added.Concat(plan.Changed), s => Assert.True(s.Active && s.Id == s.AadObjectId));
    }

    [Fact]
    public void Options_are_checked_naming_the_setting()
    {
        var options = new StaffOptions
        {
            Groups =
            [
                new() { GroupId = "not-a-guid", Roles = "Ifk" },
                new() { GroupId = A, Roles = "Ifk, Chef" },
                new() { GroupId = A, Roles = "Betreuer" },
                new() { GroupId = B },
            ],
            GraphBaseUrl = "graph.microsoft.com",
            TeamsAppCatalogId = " ",
        };
        var failures = new StaffOptionsValidator().Validate(null, options).Failures!.ToList();
        Assert.Equal(
        [
            "Staff:Groups:0:GroupId ist keine Objekt-ID einer Entra-Sicherheitsgruppe (GUID): „not-a-guid“.",
            "Staff:Groups:1:Roles: unbekannte Rolle „Chef“ (erlaubt: Koordinator, Betreuer, Ifk, Bewerter, FachkraftSqs, Teamleitung, KoordinierendeFuehrungskraft, Geschaeftsleitung).",
            $"Staff:Groups:2:GroupId: Die Gruppe {A} ist mehrfach eingetragen.",
            "Staff:Groups:3: weder Roles noch TeamId gesetzt – die Gruppe hätte keine Wirkung.",
            "Staff:GraphBaseUrl ist keine absolute http(s)-Adresse: „graph.microsoft.com“.",
            "Staff:TeamsAppCatalogId ist keine App-ID aus dem App-Katalog: „ “.",
        ], failures);
        Assert.True(new StaffOptionsValidator().Validate(null, new StaffOptions()).Succeeded);
    }
}
