using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// Issue 12: subscriptions only by IFKs and only to what exists (an unknown team silently stopped every alert), enum
/// values only by name, and a recorded exit is final (a replay with another reason overwrote it).
/// </summary>
public sealed class SubscriptionAndExitRulesTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    private const string Open = "962-E-2026-0104"; // Bewerbungswerkstatt Digital, Musterstadt-Nord, Betreuer betr-04
    private const string Ifk = "ifk-nicole-busch";

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task Unknown_teams_locations_kinds_and_measures_are_refused_in_German_and_the_subscription_stays()
    {
        var client = app.As(Ifk);
        var (status, body) = await ReadAsync(client.PutAsJsonAsync("/api/freeplaces/subscription", new { teams = new[] { "team-u25", "team-gibts-nicht" } }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unknown_team", (string?)body["code"]);
        Assert.Contains("Das Team „team-gibts-nicht“ gibt es nicht", (string?)body["title"]);
        Assert.Contains("team-u25 (Team U25)", (string?)body["title"]);

        (status, body) = await ReadAsync(client.PutAsJsonAsync("/api/freeplaces/subscription", new { locations = new[] { "Atlantis" } }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unknown_location", (string?)body["code"]);
        Assert.Contains("Musterstadt-Nord", (string?)body["title"]);

        foreach (var kind in new[] { "1", "99", "Agh, DiaAm", "-1" }) // numbers and lists are no names
        {
            (status, body) = await ReadAsync(client.PutAsJsonAsync("/api/freeplaces/subscription", new { kinds = new[] { kind } }));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("Unbekannte Maßnahmeart", (string?)body["title"]);
        }

        (status, body) = await ReadAsync(client.PutAsync("/api/freeplaces/subscription/mutes/962-X-0000-0000", null));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("unknown_measure", (string?)body["code"]);
        Assert.Contains("kann nicht stummgeschaltet werden", (string?)body["title"]);

        var stored = (await client.GetFromJsonAsync<JsonObject>("/api/freeplaces/subscription"))!;
        Assert.True((bool)stored["isDefault"]!); // nothing of the above was saved
        Assert.Empty(stored["muted"]!.AsArray());

        // Unmuting is always possible (a measure that is gone must not stay stuck); what exists is accepted.
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/freeplaces/subscription/mutes/962-X-0000-0000")).StatusCode);
        (status, body) = await ReadAsync(client.PutAsJsonAsync("/api/freeplaces/subscription",
            new { teams = new[] { "team-ue25-nord" }, locations = new[] { "Musterstadt-Nord" }, kinds = new[] { "diaam", "Einkaufsmassnahme" } }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["DiaAm", "Einkaufsmassnahme"], body["kinds"]!.AsArray().Select(k => (string?)k));
        (status, body) = await ReadAsync(client.PutAsync($"/api/freeplaces/subscription/mutes/{Open}", null));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Open], body["muted"]!.AsArray().Select(k => (string?)k));
    }

    [Theory]
    [InlineData("koord-weber")] // Koordinator
    [InlineData("tl-wolf")]     // Teamleitung
    public async Task Only_IFKs_subscribe(string user)
    {
        var client = app.As(user);
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => client.GetAsync("/api/freeplaces/subscription"),
                     () => client.PutAsJsonAsync("/api/freeplaces/subscription", new { enabled = true }),
                     () => client.PutAsync($"/api/freeplaces/subscription/mutes/{Open}", null),
                 })
        {
            var (status, body) = await ReadAsync(call());
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("not_ifk", (string?)body["code"]);
            Assert.Contains("nur Integrationsfachkräfte", (string?)body["title"]);
        }
        var subs = await app.Service<TeamsAmdl.Functions.FreePlaces.SubscriptionRepository>()
            .ListAsync((await app.Service<StaffRepository>().ListAsync()).ToDictionary(s => s.Id), CancellationToken.None);
        Assert.False(subs.ContainsKey(user));
    }

    [Fact]
    public async Task Numeric_enum_values_are_refused_on_every_route_that_takes_a_name()
    {
        var coordinator = app.As("koord-weber");
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/api/measures?kind=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/measures?kind=DiaAm")).StatusCode);
        var digest = await ReadAsync(coordinator.GetAsync("/api/digest/weeks/2026-W47?kind=1"));
        Assert.Equal(HttpStatusCode.BadRequest, digest.Status);
        Assert.Equal("unknown_kind", (string?)digest.Body["code"]);
        Assert.Contains("DiaAm (DIA-AM)", (string?)digest.Body["title"]);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/digest/weeks/2026-W47?kind=diaam")).StatusCode);

        var exit = await ReadAsync(app.As("betr-04").PostAsJsonAsync($"/api/measures/{Open}/exits", new { customerRef = "TN-0104-01", reason = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, exit.Status);
        Assert.Contains("reguläres Ende, Abbruch, Nichtantritt", (string?)exit.Body["title"]);
        Assert.Null((await ParticipationAsync("TN-0104-01")).ExitReason);
    }

    [Fact]
    public async Task A_recorded_exit_is_final_the_same_replay_answers_alike_another_is_409_naming_the_recorded_one()
    {
        var betreuer = app.As("betr-04");
        var first = await ReadAsync(betreuer.PostAsJsonAsync($"/api/measures/{Open}/exits",
            new { customerRef = "TN-0104-02", exitDate = "2026-11-20", reason = "RegulaeresEnde" }));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True((bool)first.Body["changed"]!);

        var replay = await ReadAsync(betreuer.PostAsJsonAsync($"/api/measures/{Open}/exits",
            new { customerRef = "TN-0104-02", exitDate = "2026-11-20", reason = "RegulaeresEnde" }));
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.False((bool)replay.Body["changed"]!); // nothing happens twice, no second alert
        Assert.Contains("bereits erfasst", (string?)replay.Body["message"]);

        foreach (var other in new object[]
                 {
                     new { customerRef = "TN-0104-02", exitDate = "2026-11-20", reason = "Abbruch" },        // another reason
                     new { customerRef = "TN-0104-02", exitDate = "2026-11-18", reason = "RegulaeresEnde" }, // another day
                 })
        {
            var conflict = await ReadAsync(betreuer.PostAsJsonAsync($"/api/measures/{Open}/exits", other));
            Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
            Assert.Equal("exit_already_recorded", (string?)conflict.Body["code"]);
            var title = (string?)conflict.Body["title"];
            Assert.Contains("zum 20.11.2026 (reguläres Ende)", title);
            Assert.DoesNotContain("RegulaeresEnde", title);
        }
        var stored = await ParticipationAsync("TN-0104-02");
        Assert.Equal((new DateOnly(2026, 11, 20), ExitReason.RegulaeresEnde), (stored.Exit, stored.ExitReason));
    }

    private async Task<Participation> ParticipationAsync(string reference) =>
        (await app.Service<MeasureRepository>().ParticipationsAsync(Open)).Single(p => p.CustomerRef == reference);
}
