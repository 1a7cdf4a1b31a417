using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// Capacity changes (issue 12): never above the kind's maximum nor below the places in use; a refused change stores
/// nothing and announces nothing. And the optimistic concurrency of capacity changes and exits against Azurite:
/// a writer that decided on a stale measure must not commit (the ETag condition), it reads and decides again.
/// </summary>
public sealed class CapacityChangeTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    private const string Digital = "962-E-2026-0104"; // demo: team Integration Süd, 7 free, IFKs subscribed

    private DateOnly Today => BerlinCalendar.Today(app.Time);

    /// <summary>A measure of <paramref name="places"/> places with <paramref name="participants"/> running participations.</summary>
    private async Task ArrangeAsync(string number, int places, int participants)
    {
        _ = app.CreateClient(); // host up, demo seeded
        await app.Service<MeasureRepository>().UpsertAsync(Measure.Create(number, "Platzzahl im Wettlauf", MeasureKind.Einkaufsmassnahme,
            "§ 45 SGB III", "tr-rheinaue", "Musterstadt-Mitte", Today.AddDays(-30), Today.AddDays(300),
            Capacity.Create(MeasureKind.Einkaufsmassnahme, places), null, "betr-01", "koord-weber", "team-u25"));
        var tables = app.Service<Tables>();
        foreach (var k in Enumerable.Range(1, participants))
            await tables.Measures.AddEntityAsync(PlaceEntity.From(new Participation(number, $"TN-{k:0000}-CP", Today.AddDays(-20)), app.Time.GetUtcNow()));
    }

    private async Task<MeasureState> StateAsync(string number) => (await app.Service<MeasureRepository>().GetAsync(number, Today))!;

    private async Task<int> ChangeRowsAsync(string number)
    {
        var changes = await app.Service<FreePlacesStore>().ChangesAsync(CancellationToken.None);
        return await changes.QueryAsync<TableEntity>(e => e.PartitionKey == number).CountAsync();
    }

    private async Task<Staff> IfkAsync(string id)
    {
        var ifk = new Staff(id, "IFK Wettlauf", $"{id}@jc.example", "team-u25", new HashSet<StaffRole> { StaffRole.Ifk },
            AadObjectId: Guid.NewGuid().ToString());
        await app.Service<StaffRepository>().UpsertAsync(ifk);
        return ifk;
    }

    private async Task<RequestOutcome> RequestPlaceAsync(string number, string customerRef, string ifkId)
    {
        var outcome = await app.Service<PlaceRequestService>().RequestAsync(await IfkAsync(ifkId), number, customerRef, null, null, null,
            CancellationToken.None);
        Assert.True(outcome.Ok, outcome.Error);
        Assert.Equal(PlaceRequestStatus.Pending, outcome.Request!.State);
        return outcome;
    }

    private static async Task<string> TitleAsync(HttpResponseMessage r) => (string)(await r.Content.ReadFromJsonAsync<JsonObject>())!["title"]!;

    [Fact]
    public async Task An_absurd_number_of_places_is_refused_with_400_and_neither_stored_nor_announced()
    {
        _ = app.CreateClient();
        var before = await StateAsync(Digital);
        var rows = await ChangeRowsAsync(Digital);

        var probe = await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{Digital}/capacity", new { places = int.MaxValue });

        Assert.Equal(HttpStatusCode.BadRequest, probe.StatusCode);
        Assert.Equal("2147483647 Plätze sind nicht plausibel: Eine Maßnahme der Art Einkaufsmaßnahme hat höchstens 250 Plätze.",
            await TitleAsync(probe));
        var after = await StateAsync(Digital);
        Assert.Equal(before.Measure.Capacity.Places, after.Measure.Capacity.Places);
        Assert.Equal(before.AllocationVersion, after.AllocationVersion);
        Assert.Equal(rows, await ChangeRowsAsync(Digital)); // no change recorded, so no alert planned
        Assert.Empty(await app.InboxAsync("ifk-daniel-hartwig"));

        // The maximum itself is a plausible (if large) measure.
        var largest = await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{Digital}/capacity", new { places = 250 });
        Assert.Equal(HttpStatusCode.OK, largest.StatusCode);
    }

    [Fact]
    public async Task A_capacity_below_participants_and_held_places_is_refused_with_409_naming_the_numbers()
    {
        const string number = "CAP-2026-09";
        await ArrangeAsync(number, places: 11, participants: 9);
        var rows = await ChangeRowsAsync(number);

        var overbooked = await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{number}/capacity", new { places = 2 });
        Assert.Equal(HttpStatusCode.Conflict, overbooked.StatusCode);
        var problem = (await overbooked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Die Platzzahl kann nicht auf 2 sinken: 9 Plätze sind belegt oder vorgemerkt.", (string?)problem["title"]);
        Assert.Equal("capacity_below_occupancy", (string?)problem["code"]);

        // A held place counts: 9 participants + 1 request = 10 in use.
        await RequestPlaceAsync(number, "TN-8001-CP", "ifk-cap-09");
        var belowHeld = await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{number}/capacity", new { places = 9 });
        Assert.Equal(HttpStatusCode.Conflict, belowHeld.StatusCode);
        Assert.Equal("Die Platzzahl kann nicht auf 9 sinken: 10 Plätze sind belegt oder vorgemerkt.", await TitleAsync(belowHeld));
        var state = await StateAsync(number);
        Assert.Equal(11, state.Measure.Capacity.Places);
        Assert.Equal(rows, await ChangeRowsAsync(number));

        // Exactly the places in use is allowed (a decrease: nothing to announce).
        var full = (await (await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{number}/capacity", new { places = 10 }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)full["changed"]!);
        Assert.False((bool)full["alert"]!["alerted"]!);
        Assert.Equal(10, (await StateAsync(number)).Measure.Capacity.Places);
    }

    [Fact]
    public async Task A_capacity_decrease_racing_the_last_place_is_decided_again_and_refused()
    {
        const string number = "CAP-2026-11";
        await ArrangeAsync(number, places: 4, participants: 3);
        var held = new HeldTransactionTables(app.TablePrefix);
        var changes = new PlaceStateChanges(held.Tables, new MeasureRepository(held.Tables), app.Time);

        // The coordinator's decrease to 3 has read "3 in use" and is about to commit …
        var decrease = Task.Run(() => changes.ChangeCapacityAsync(number, 3, CancellationToken.None));
        await held.Arrived;
        // … when an IFK gets the fourth place.
        await RequestPlaceAsync(number, "TN-8002-CP", "ifk-cap-11");
        held.Release();
        var result = await decrease;

        // The decrease's ETag is stale: it reads again, sees 4 in use and refuses; nobody is overbooked.
        Assert.False(result.Changed, result.Message);
        Assert.Equal(PlaceStateChanges.CapacityBelowOccupancy, result.ErrorCode);
        Assert.Equal("Die Platzzahl kann nicht auf 3 sinken: 4 Plätze sind belegt oder vorgemerkt.", result.Message);
        var state = await StateAsync(number);
        Assert.Equal(4, state.Measure.Capacity.Places);
        Assert.Single(state.ReservedRefs);
    }

    [Fact]
    public async Task Two_capacity_changes_at_once_both_count_and_the_later_one_sees_the_first()
    {
        const string number = "CAP-2026-12";
        await ArrangeAsync(number, places: 4, participants: 3);
        var version = (await StateAsync(number)).AllocationVersion;
        var held = new HeldTransactionTables(app.TablePrefix);
        var slow = new PlaceStateChanges(held.Tables, new MeasureRepository(held.Tables), app.Time);

        var toSix = Task.Run(() => slow.ChangeCapacityAsync(number, 6, CancellationToken.None));
        await held.Arrived;
        var toEight = await app.Service<PlaceStateChanges>().ChangeCapacityAsync(number, 8, CancellationToken.None);
        held.Release();
        var six = await toSix;

        Assert.True(toEight.Changed);
        Assert.True(six.Changed);
        Assert.Equal("Platzzahl von 8 auf 6 geändert.", six.Message); // decided on the state after the other change
        Assert.Equal($"8|v{version + 1}", toEight.Detail);
        Assert.Equal($"6|v{version + 2}", six.Detail);               // two changes, two versions: two alert keys
        var state = await StateAsync(number);
        Assert.Equal(6, state.Measure.Capacity.Places);
        Assert.Equal(version + 2, state.AllocationVersion);
    }

    [Fact]
    public async Task An_exit_racing_the_last_place_measures_its_before_state_after_that_place_was_given()
    {
        const string number = "CAP-2026-13";
        await ArrangeAsync(number, places: 4, participants: 3);
        var version = (await StateAsync(number)).AllocationVersion;
        var held = new HeldTransactionTables(app.TablePrefix);
        var changes = new PlaceStateChanges(held.Tables, new MeasureRepository(held.Tables), app.Time);

        // The exit has read "1 free" and is about to commit …
        var exit = Task.Run(() => changes.RecordExitAsync(number, "TN-0001-CP", null, ExitReason.RegulaeresEnde, null, CancellationToken.None));
        await held.Arrived;
        // … when an IFK takes that free place.
        await RequestPlaceAsync(number, "TN-8003-CP", "ifk-cap-13");
        held.Release();
        var result = await exit;

        // Decided again: before the exit no place was free, so the exit frees one (the alert decision rests on this).
        Assert.True(result.Changed, result.Message);
        Assert.Equal(0, result.Before!.Free);
        var state = await StateAsync(number);
        Assert.Equal(version + 2, state.AllocationVersion); // both changes counted
        Assert.Single(state.ReservedRefs);
        Assert.Equal(Today, state.Participations.Single(p => p.CustomerRef == "TN-0001-CP").Exit);
    }
}
