using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;
using static TeamsAmdl.Functions.Tests.Quality.MonitoringTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// R-TN-2 "overdue list per team" on Azurite (today Saturday 21.11.2026, overdue: due 21.08.–20.11., not ticked). Team
/// "t-ovd" has a DIA-AM measure and a LAP project; a third measure belongs to the demo's Team U25:
/// <code>
/// 962-D-OVD-0001 (t-ovd) TN-9300-01 enters Thu 01.10.: Erwartungsbogen 01.10., Eintritt 01.10.;
///                        Anwesenheit Sep 09.10. (ticked below), Okt 09.11.; Bewirtschaftung Sep Mon 12.10., Okt 10.11.  = 6 → 5
/// 962-L-OVD-0002 (t-ovd) TN-9300-02 enters Mon 02.11.: Erwartungsbogen 02.11.                                          = 1
/// 962-E-OVD-0003 (U25)   TN-9300-03 enters Mon 02.11.: Erwartungsbogen 02.11. (not in t-ovd's list)
/// </code>
/// The team's Teamleitung and members see it; a Teamleitung, Betreuer or IFK of another team get a German 403; Koordination
/// and Geschäftsführung any team, and all at once.
/// </summary>
public sealed class TeamOverdueApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Team = "t-ovd";
    private const string Dia = "962-D-OVD-0001", Lap = "962-L-OVD-0002", Other = "962-E-OVD-0003";
    private static readonly Staff Lead = Person("t-ovd-tl", "Lena Test", Team, StaffRole.Teamleitung);
    private static readonly Staff Betreuer = Person("t-ovd-betr", "Bernd Test", Team, StaffRole.Betreuer, StaffRole.Ifk);

    private async Task SetUpAsync()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        var staff = app.Services.GetRequiredService<StaffRepository>();
        if (await staff.GetAsync(Lead.Id) is not null) return;
        await staff.UpsertTeamAsync(new Team(Team, "Team Fristen-Test", "Teststadt"));
        await staff.UpsertAsync(Lead);
        await staff.UpsertAsync(Betreuer);
        foreach (var (number, kind, team) in new[] { (Dia, MeasureKind.DiaAm, Team), (Lap, MeasureKind.LapProjekt, Team), (Other, MeasureKind.Einkaufsmassnahme, "team-u25") })
        {
            var capacity = kind == MeasureKind.DiaAm ? Capacity.Create(kind, 10, averageOccupancy: 8, contractedTm: 96) : Capacity.Create(kind, 10);
            await app.Services.GetRequiredService<MeasureRepository>().UpsertAsync(Measure.Create(number, "Überfällig " + number[^4..], kind, "§ 45 SGB III",
                "tr-integra", "Musterstadt", D("2026-09-01"), D("2027-08-31"), capacity, null, Betreuer.Id, "koord-weber", team));
        }
        await app.AddParticipationAsync(new Participation(Dia, "TN-9300-01", D("2026-10-01"), IfkId: "ifk-anna-zimmermann"));
        await app.AddParticipationAsync(new Participation(Lap, "TN-9300-02", D("2026-11-02"), IfkId: "ifk-anna-zimmermann"));
        await app.AddParticipationAsync(new Participation(Other, "TN-9300-03", D("2026-11-02"), IfkId: "ifk-anna-zimmermann"));
        var tick = await app.Services.GetRequiredService<DeadlineService>().MarkReceivedAsync(Betreuer, Dia, "Anwesenheit:2026-09", default);
        Assert.True(tick.Ok);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string user, string query = "")
    {
        using var response = await app.ClientAs(user).GetAsync("/api/deadlines/overdue" + query);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static string[] Keys(JsonNode view, string measure) =>
        view["measures"]!.AsArray().Single(m => (string?)m!["measure"] == measure)!["items"]!.AsArray().Select(i => (string)i!["key"]!).ToArray();

    [Fact]
    public async Task The_Teamleitung_sees_the_teams_overdue_deadlines_per_measure_with_counts_per_kind()
    {
        await SetUpAsync();
        foreach (var user in new[] { Lead.Id, Betreuer.Id })
        {
            var (status, view) = await GetAsync(user);
            Assert.True(status == HttpStatusCode.OK, view.ToJsonString());
            Assert.Equal(Team, (string?)view["team"]);
            Assert.Equal("Team Fristen-Test", (string?)view["teamName"]);
            Assert.Equal(6, (int?)view["total"]);
            Assert.False((bool?)view["allTeams"]);
            Assert.Equal([Team], view["teams"]!.AsArray().Select(t => (string)t!["id"]!));
            Assert.Equal("Erwartungsbogen 2, Anwesenheitszeiten 1, Bewirtschaftungsliste 2, Eintritts-/Nichteintrittsmeldung 1",
                string.Join(", ", view["counts"]!.AsArray().Select(c => $"{c!["label"]} {c["count"]}")));
            Assert.Equal([Dia, Lap], view["measures"]!.AsArray().Select(m => (string)m!["measure"]!));
            Assert.Equal(["Eintrittsmeldung:TN-9300-01:2026-10-01", "Erwartungsbogen:TN-9300-01:2026-10-01", "Bewirtschaftungsliste:2026-09",
                "Anwesenheit:2026-10", "Bewirtschaftungsliste:2026-10"], Keys(view, Dia));
            Assert.Equal(["Erwartungsbogen:TN-9300-02:2026-11-02"], Keys(view, Lap));
            var dia = view["measures"]!.AsArray().Single(m => (string?)m!["measure"] == Dia)!;
            Assert.Equal("Erwartungsbogen 1, Anwesenheit 1, Bewirtschaftungsliste 2, Eintrittsmeldung 1",
                string.Join(", ", dia["counts"]!.AsArray().Select(c => $"{c!["kind"]} {c["count"]}")));
            Assert.All(view["measures"]!.AsArray().SelectMany(m => m!["items"]!.AsArray()), i => Assert.Equal("Overdue", (string?)i!["status"]));
            Assert.DoesNotContain(Other, view.ToJsonString());
        }
        // Asking for the own team by name is the same list.
        Assert.Equal(6, (int?)(await GetAsync(Lead.Id, "?team=" + Team)).Body["total"]);
    }

    [Theory]
    [InlineData("tl-schubert")]          // Teamleitung of Team U25
    [InlineData("betr-01")]              // Betreuer
    [InlineData("ifk-anna-zimmermann")]  // IFK
    public async Task Another_teams_list_is_refused_in_German_for_everyone_but_Koordination_and_management(string user)
    {
        await SetUpAsync();
        var (status, body) = await GetAsync(user, "?team=" + Team);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(("forbidden", DeadlineTexts.OverdueOtherTeam), ((string?)body["code"], (string?)body["title"]));
        var (ownStatus, own) = await GetAsync(user);
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.NotEqual(Team, (string?)own["team"]);
        Assert.DoesNotContain(Dia, own.ToJsonString());
    }

    [Fact]
    public async Task Koordination_and_Geschaeftsfuehrung_see_any_team_and_all_teams()
    {
        await SetUpAsync();
        foreach (var user in new[] { "koord-weber", "gf-hartmann", "kfk-brandt" })
        {
            var (status, team) = await GetAsync(user, "?team=" + Team);
            Assert.True(status == HttpStatusCode.OK, team.ToJsonString());
            Assert.Equal(6, (int?)team["total"]);
            var (_, all) = await GetAsync(user);
            Assert.Null((string?)all["team"]);
            Assert.Equal(DeadlineTexts.AllTeams, (string?)all["teamName"]);
            Assert.True((bool?)all["allTeams"]);
            Assert.Contains(Team, all["teams"]!.AsArray().Select(t => (string)t!["id"]!));
            var measures = all["measures"]!.AsArray().Select(m => (string)m!["measure"]!).ToList();
            Assert.Contains(Dia, measures);
            Assert.Contains(Other, measures);
            Assert.Equal(all["measures"]!.AsArray().Sum(m => m!["items"]!.AsArray().Count), (int?)all["total"]);
        }
        var unknown = await GetAsync("koord-weber", "?team=t-gibt-es-nicht");
        Assert.Equal((HttpStatusCode.NotFound, DeadlineTexts.UnknownTeam("t-gibt-es-nicht")), (unknown.Status, (string?)unknown.Body["title"]));
    }
}
