using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Participants;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// UB phase changes and the LAP Nachbetreuung on Azurite (today Saturday 21.11.2026): a recorded phase change makes the LuV at
/// the end of the previous phase due in /api/deadlines, tickable like the other Träger reports; the wrong measure kind, caller,
/// day or transition is refused in German with nothing stored; of two concurrent changes one wins. A Nachbetreuung begun in
/// the predecessor project decides which months owe contacts (R-TN-3).
/// </summary>
public sealed class UbPhaseApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Ub = "962-U-PHA-0001";
    private const string Lap = "962-L-PHA-0001";
    private const string Betreuer = "betr-03", Koordinator = "koord-weber";

    private async Task<(HttpStatusCode Status, JsonNode Body)> PutAsync(string user, string measure, string customerRef, string route, object body)
    {
        using var r = await app.ClientAs(user).PutAsJsonAsync($"/api/measures/{measure}/participants/{customerRef}/{route}", body);
        return (r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync())!);
    }

    private async Task<PlaceEntity> RowAsync(string measure, string customerRef, string entry) =>
        (await app.Services.GetRequiredService<Tables>().Measures.GetEntityAsync<PlaceEntity>(measure,
            PlaceEntity.ParticipationKey(customerRef, D(entry)))).Value;

    private async Task SetUpAsync()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        if (await app.Services.GetRequiredService<MeasureRepository>().GetAsync(Ub, D("2026-11-21")) is not null) return;
        await app.AddMeasureAsync(Ub, MeasureKind.UbInbeq, Betreuer, Koordinator, D("2026-01-01"), D("2028-12-31"));
        foreach (var n in new[] { "01", "02", "03" })
            await app.AddParticipationAsync(new Participation(Ub, $"TN-9300-{n}", D("2026-08-03"), IfkId: "ifk-anna-zimmermann"));
        await app.AddMeasureAsync(Lap, MeasureKind.LapProjekt, Betreuer, Koordinator, D("2026-01-01"), D("2027-12-31"));
        await app.AddParticipationAsync(new Participation(Lap, "TN-9301-01", D("2026-05-04"), D("2026-07-31"), ExitReason.Abbruch, "ifk-lukas-braun"));
    }

    [Fact]
    public async Task A_phase_change_makes_the_LuV_of_the_ended_phase_due_and_the_Betreuer_ticks_it()
    {
        await SetUpAsync();
        var (status, view) = await PutAsync(Betreuer, Ub, "TN-9300-01", "phase", new { phase = "Qualifizierung", from = "2026-11-16" });
        Assert.True(status == HttpStatusCode.OK, view.ToJsonString());
        Assert.Equal("Qualifizierung", (string?)view["phase"]);
        Assert.Equal("2026-11-16", (string?)view["phaseSince"]);
        Assert.Equal(PhaseTexts.EinstiegTooLong, (string?)view["phaseHint"]); // 03.08.–15.11.: 15 weeks
        Assert.Equal("Qualifizierung:2026-11-16", (await RowAsync(Ub, "TN-9300-01", "2026-08-03")).Phases);

        // The same change again: nothing new.
        (status, _) = await PutAsync(Betreuer, Ub, "TN-9300-01", "phase", new { phase = "qualifizierung", from = "2026-11-16" });
        Assert.Equal(HttpStatusCode.OK, status);

        const string key = "LuVEinstiegsphase:TN-9300-01:2026-11-15"; // ended Sunday 15.11. → due Monday 16.11.
        var item = (await app.ClientAs(Betreuer).GetFromJsonAsync<JsonArray>("/api/deadlines"))!.Single(d => (string?)d!["key"] == key)!;
        Assert.Equal("LuV Ende Einstiegsphase", (string?)item["label"]);
        Assert.Equal("2026-11-16", (string?)item["due"]);
        Assert.Equal("Overdue", (string?)item["status"]);
        Assert.True((bool)item["canMark"]!);
        // The other UB participants are still in the Einstiegsphase: no phase LuV, and the list shows the hint for them too.
        var list = (await app.ClientAs(Betreuer).GetFromJsonAsync<JsonArray>($"/api/measures/{Ub}/participants"))!;
        var other = list.Single(p => (string?)p!["customerRef"] == "TN-9300-02")!;
        Assert.Equal("Einstieg", (string?)other["phase"]);
        Assert.Equal("Einstiegsphase", (string?)other["phaseLabel"]);
        Assert.Equal("2026-08-03", (string?)other["phaseSince"]);

        using var ticked = await app.ClientAs(Betreuer).PostAsJsonAsync($"/api/deadlines/{Ub}/received", new { key });
        Assert.True(ticked.IsSuccessStatusCode, await ticked.Content.ReadAsStringAsync());
        item = (await app.ClientAs(Betreuer).GetFromJsonAsync<JsonArray>("/api/deadlines"))!.Single(d => (string?)d!["key"] == key)!;
        Assert.Equal("Done", (string?)item["status"]);
    }

    [Theory]
    [InlineData(Betreuer, Lap, "TN-9301-01", "Qualifizierung", "2026-11-16", HttpStatusCode.Conflict, "wrong_measure_kind")]   // LAP: no phases
    [InlineData("ifk-anna-zimmermann", Ub, "TN-9300-02", "Qualifizierung", "2026-11-16", HttpStatusCode.Forbidden, "forbidden")] // the IFK
    [InlineData("betr-02", Ub, "TN-9300-02", "Qualifizierung", "2026-11-16", HttpStatusCode.Forbidden, "forbidden")]            // another Betreuer
    [InlineData(Betreuer, Ub, "TN-9300-02", "Qualifizierung", "2026-11-23", HttpStatusCode.BadRequest, "invalid_phase_date")]   // in the future
    [InlineData(Betreuer, Ub, "TN-9300-02", "Qualifizierung", "2026-08-02", HttpStatusCode.BadRequest, "invalid_phase_date")]   // before the entry
    [InlineData(Betreuer, Ub, "TN-9300-02", "Qualifizierung", "2026-08-03", HttpStatusCode.BadRequest, "invalid_phase_date")]   // on the entry day
    [InlineData(Betreuer, Ub, "TN-9300-02", "Stabilisierung", "2026-11-16", HttpStatusCode.Conflict, "phase_transition_not_allowed")] // Q first
    [InlineData(Betreuer, Ub, "TN-9300-02", "Einstieg", "2026-11-16", HttpStatusCode.Conflict, "phase_transition_not_allowed")]
    [InlineData(Betreuer, Ub, "TN-9300-02", "Praktikum", "2026-11-16", HttpStatusCode.BadRequest, "invalid_input")]
    [InlineData(Betreuer, Ub, "TN-9300-02", "1", "2026-11-16", HttpStatusCode.BadRequest, "invalid_input")]
    [InlineData(Betreuer, Ub, "TN-9399-99", "Qualifizierung", "2026-11-16", HttpStatusCode.NotFound, "not_participating")]
    public async Task Wrong_kind_caller_day_or_transition_is_refused_in_German_and_nothing_is_stored(string user, string measure, string customerRef,
        string phase, string from, HttpStatusCode expected, string code)
    {
        await SetUpAsync();
        var (status, body) = await PutAsync(user, measure, customerRef, "phase", new { phase, from });
        Assert.Equal(expected, status);
        Assert.Equal(code, (string?)body["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]));
        Assert.Null((await RowAsync(Ub, "TN-9300-02", "2026-08-03")).Phases);
        Assert.Null((await RowAsync(Lap, "TN-9301-01", "2026-05-04")).Phases);
    }

    [Fact]
    public async Task Back_to_Qualifizierung_is_allowed_back_to_Einstieg_is_not()
    {
        await SetUpAsync();
        foreach (var (phase, from) in new[] { ("Qualifizierung", "2026-09-01"), ("Stabilisierung", "2026-10-01"), ("Qualifizierung", "2026-11-02") })
        {
            var (status, body) = await PutAsync(Koordinator, Ub, "TN-9300-03", "phase", new { phase, from });
            Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        }
        var (refused, problem) = await PutAsync(Koordinator, Ub, "TN-9300-03", "phase", new { phase = "Einstieg", from = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.StartsWith("Eine Rückkehr in die Einstiegsphase gibt es nicht", (string?)problem["title"]);
        Assert.Equal("Qualifizierung:2026-09-01,Stabilisierung:2026-10-01,Qualifizierung:2026-11-02", (await RowAsync(Ub, "TN-9300-03", "2026-08-03")).Phases);
        var keys = (await app.ClientAs(Betreuer).GetFromJsonAsync<JsonArray>("/api/deadlines"))!.Select(d => (string?)d!["key"]).ToList();
        Assert.Contains("LuVEinstiegsphase:TN-9300-03:2026-08-31", keys);
        Assert.Contains("LuVQualifizierungsphase:TN-9300-03:2026-09-30", keys);
        Assert.Contains("LuVStabilisierungsphase:TN-9300-03:2026-11-01", keys);
    }

    [Fact]
    public async Task Of_two_concurrent_phase_changes_one_wins_and_the_other_is_refused()
    {
        await SetUpAsync();
        // A fresh participant per run of this test class's fixture: the row starts in the Einstiegsphase.
        await app.AddParticipationAsync(new Participation(Ub, "TN-9300-04", D("2026-08-03")));
        var calls = await Task.WhenAll(
            PutAsync(Betreuer, Ub, "TN-9300-04", "phase", new { phase = "Qualifizierung", from = "2026-10-05" }),
            PutAsync(Koordinator, Ub, "TN-9300-04", "phase", new { phase = "Qualifizierung", from = "2026-10-12" }));
        Assert.Single(calls, c => c.Status == HttpStatusCode.OK);
        var loser = Assert.Single(calls, c => c.Status != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.Status);
        Assert.StartsWith("TN-9300-04 ist seit dem", (string?)loser.Body["title"]);
        var stored = (await RowAsync(Ub, "TN-9300-04", "2026-08-03")).Phases;
        Assert.Contains(stored, new[] { "Qualifizierung:2026-10-05", "Qualifizierung:2026-10-12" });
    }

    [Fact]
    public async Task A_Nachbetreuung_from_the_predecessor_project_decides_which_months_owe_contacts()
    {
        await SetUpAsync();
        const string october = "Kundenreferenz;Monat;Art;Anzahl;Bemerkung\nTN-9301-01;10.2026;persönlich;2;\n";
        async Task<bool> ImportAsync()
        {
            using var r = await app.ClientAs(Betreuer).PostAsync($"/api/deadlines/{Lap}/contacts", Csv(october));
            return r.IsSuccessStatusCode;
        }

        // Abbruch on 31.07.: without a Nachbetreuung no contacts are owed in October.
        var (refused, problem) = await PutAsync(Betreuer, Lap, "TN-9301-01", "nachbetreuung", new { since = "2026-11-22" });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.StartsWith("Der Beginn der Nachbetreuung (22.11.2026) liegt in der Zukunft", (string?)problem["title"]);
        (refused, _) = await PutAsync(Betreuer, Ub, "TN-9300-02", "nachbetreuung", new { since = "2026-06-01" });
        Assert.Equal(HttpStatusCode.Conflict, refused);
        (refused, _) = await PutAsync("ifk-lukas-braun", Lap, "TN-9301-01", "nachbetreuung", new { since = "2026-06-01" });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Null((await RowAsync(Lap, "TN-9301-01", "2026-05-04")).NachbetreuungSince);
        Assert.False(await ImportAsync());

        // Begun 01.06. in the predecessor project: 7 months, until 31.12.2026 — October is owed.
        var (status, view) = await PutAsync(Betreuer, Lap, "TN-9301-01", "nachbetreuung", new { since = "2026-06-01" });
        Assert.True(status == HttpStatusCode.OK, view.ToJsonString());
        Assert.Equal("2026-06-01", (string?)view["nachbetreuungSince"]);
        Assert.Null(view["nachbetreuungHint"]);
        Assert.True(await ImportAsync());

        // Begun 01.03.: over on 30.09. — a German hint, and October is no longer owed.
        (status, view) = await PutAsync(Betreuer, Lap, "TN-9301-01", "nachbetreuung", new { since = "2026-03-01" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(PhaseTexts.NachbetreuungOverHint(D("2026-03-01"), D("2026-11-21")), (string?)view["nachbetreuungHint"]);
        Assert.StartsWith("Die Nachbetreuung ist beendet", (string?)view["nachbetreuungHint"]);
        Assert.False(await ImportAsync());
    }
}
