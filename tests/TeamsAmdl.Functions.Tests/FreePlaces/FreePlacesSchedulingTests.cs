using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>Office hours Monday–Friday 07:30–17:00, a 10-minute bundling window, one card per IFK and day; cards sent by the due-scan.</summary>
public sealed class ScheduledFreePlacesAppFactory : FreePlacesAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["FreePlaces:BundlingWindow"] = "00:10:00",
        ["FreePlaces:WorkingDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday",
        ["FreePlaces:WorkingHoursStart"] = "07:30",
        ["FreePlaces:WorkingHoursEnd"] = "17:00",
        ["FreePlaces:DailyCap"] = "1",
        ["AzureWebJobs.freeplaces-alerts.Disabled"] = "true",
    };
}

/// <summary>
/// No spam (R-FREE-3): nothing outside working hours (queued until the next working morning), changes within the
/// window bundled into one card per IFK, a daily cap. The clock is the test's; cards go out through the due-scan.
/// </summary>
public sealed class FreePlacesSchedulingTests(ScheduledFreePlacesAppFactory app) : IClassFixture<ScheduledFreePlacesAppFactory>
{
    private const string Digital = "962-E-2026-0104"; // team Integration Süd, Betreuer betr-04, 7 free
    private const string Logistik = "962-E-2026-0108"; // team Integration Süd, Betreuer betr-08, 3 free
    private const string Ifk = "ifk-daniel-hartwig"; // team Integration Süd

    private static DateTimeOffset Berlin(int d, int h, int mi) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, d, h, mi, 0, DateTimeKind.Unspecified), BerlinCalendar.Zone), TimeSpan.Zero);

    private async Task<AlertRowEntity?> FlushRowAsync(string ifk)
    {
        var table = await app.Service<FreePlacesStore>().AlertsAsync(CancellationToken.None);
        var row = await table.GetEntityIfExistsAsync<AlertRowEntity>(ifk, AlertRowEntity.FlushRow);
        return row.HasValue ? row.Value : null;
    }

    private Task<int> FlushDueAsync() => app.Service<AlertFlusher>().FlushDueAsync(CancellationToken.None);

    private async Task<List<string>> CardsAsync(string ifk) =>
        (await app.InboxAsync(ifk)).Select(r => (string?)FreePlacesAppFactory.AttachmentCard(r)!["body"]![0]!["text"] ?? "").ToList();

    [Fact]
    public async Task Saturday_changes_wait_for_monday_morning_are_bundled_into_one_card_and_the_daily_cap_holds_the_rest()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now); // Saturday 21.11.2026, 11:00 Berlin
        var open = await app.As("koord-weber").PostAsync($"/api/measures/{Digital}/open-for-assignment", null);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var flush = await FlushRowAsync(Ifk);
        Assert.Equal(Berlin(23, 7, 30), flush!.NotBefore); // not Saturday 11:10: the next working morning

        app.Time.Set(Berlin(21, 11, 5));
        var weekly = await app.As("betr-08").PostAsync($"/api/measures/{Logistik}/weekly-free-places", null);
        Assert.True((bool)(await weekly.Content.ReadFromJsonAsync<JsonObject>())!["alert"]!["alerted"]!);
        Assert.Equal(flush.FlushId, (await FlushRowAsync(Ifk))!.FlushId); // the scheduled card collects the second change
        // The same weekly input again is the same change: announced once.
        var repeated = (await (await app.As("betr-08").PostAsync($"/api/measures/{Logistik}/weekly-free-places", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)repeated["alert"]!["duplicate"]!);

        Assert.Equal(0, await FlushDueAsync()); // still the weekend
        app.Time.Set(Berlin(23, 7, 31));
        Assert.True(await FlushDueAsync() >= 1);
        var cards = await app.WaitForInboxAsync(Ifk, Digital);
        Assert.Equal(["Freie Plätze in 2 Maßnahmen"], await CardsAsync(Ifk));
        Assert.Contains(Logistik, FreePlacesAppFactory.Text(cards[0].ReadActivity()));
        Assert.Null(await FlushRowAsync(Ifk));

        // A third change on Monday: its card would be the second of the day, so it waits for Tuesday morning.
        app.Time.Set(Berlin(23, 8, 0));
        var capacity = await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{Digital}/capacity", new { places = 12 });
        Assert.True((bool)(await capacity.Content.ReadFromJsonAsync<JsonObject>())!["alert"]!["alerted"]!);
        Assert.Equal(Berlin(23, 8, 10), (await FlushRowAsync(Ifk))!.NotBefore);
        app.Time.Set(Berlin(23, 8, 11));
        await FlushDueAsync();
        var deferred = await FlushRowAsync(Ifk);
        Assert.Equal(Berlin(24, 7, 30), deferred!.NotBefore);
        Assert.Equal("DailyCap", deferred.DeferredBy);
        Assert.Single(await app.InboxAsync(Ifk));

        app.Time.Set(Berlin(24, 7, 30));
        await FlushDueAsync();
        Assert.Equal(2, (await app.WaitForInboxAsync(Ifk, "Freie Plätze", 2)).Count);
        Assert.Equal(["Freie Plätze in 2 Maßnahmen", "Freie Plätze: Bewerbungswerkstatt Digital"], (await CardsAsync(Ifk)).Order().ToList());
    }

    [Fact]
    public async Task Capacity_changes_are_for_coordinators_and_a_decrease_announces_nothing()
    {
        var betreuer = await app.As("betr-04").PutAsJsonAsync($"/api/measures/{Digital}/capacity", new { places = 20 });
        Assert.Equal(HttpStatusCode.Forbidden, betreuer.StatusCode);
        var invalid = await app.As("koord-weber").PutAsJsonAsync($"/api/measures/{Digital}/capacity", new { places = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("mindestens einen Platz", (string?)(await invalid.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        var lower = (await (await app.As("koord-weber").PutAsJsonAsync("/api/measures/962-A-2026-0403/capacity", new { places = 9 }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)lower["changed"]!);
        Assert.False((bool)lower["alert"]!["alerted"]!);
    }
}
