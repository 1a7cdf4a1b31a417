using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Tests.Bot;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// End to end over POST /api/messages with signed Bot Connector tokens and the dev connector as Teams: a participant
/// drops out, the subscribed IFKs get one card each, one requests the place, the Betreuer confirms, and the
/// requester's card and the free-place count follow.
/// </summary>
public sealed class FreePlacesEndToEndTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    private const string Measure = "962-E-2026-0102"; // Coaching Neustart 50+: 15 of 15 places taken, team Ü25 Nord, Betreuer betr-02
    private const string Betreuer = "betr-02";

    [Fact]
    public async Task Exit_alerts_subscribers_once_then_a_request_confirmed_by_the_Betreuer_updates_the_requesters_card_and_the_count()
    {
        // Subscriptions: one IFK of the team switched alerts off, one muted this measure, one of another team subscribed to its location.
        Assert.Equal(HttpStatusCode.OK, (await app.As("ifk-sebastian-lange").PutAsJsonAsync("/api/freeplaces/subscription", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.As("ifk-philipp-kaiser").PutAsync($"/api/freeplaces/subscription/mutes/{Measure}", null)).StatusCode);
        var anna = await app.As("ifk-anna-zimmermann").PutAsJsonAsync("/api/freeplaces/subscription", new { locations = new[] { "Musterstadt-Nord" } });
        Assert.Equal(HttpStatusCode.OK, anna.StatusCode);
        string[] subscribed = ["betr-06", "ifk-alexander-peters", "ifk-anna-zimmermann", "ifk-lukas-braun", "ifk-oliver-roth", "ifk-paul-seidel"];
        string[] notSubscribed = ["ifk-sebastian-lange", "ifk-philipp-kaiser", Betreuer, "ifk-laura-krueger", "koord-weber"];

        Assert.Equal(0, (int)(await app.MeasureAsync(Measure))["freePlaces"]!);

        // The Betreuer records an Abbruch (last day yesterday): one place is free today.
        var exit = await app.As(Betreuer).PostAsJsonAsync($"/api/measures/{Measure}/exits",
            new { customerRef = "TN-0102-01", exitDate = "2026-11-20", reason = "Abbruch" });
        var exitBody = (await exit.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(exit.IsSuccessStatusCode, FreePlacesAppFactory.Text(exitBody));
        Assert.True((bool)exitBody["alert"]!["alerted"]!, FreePlacesAppFactory.Text(exitBody));
        Assert.Equal(subscribed.Length, (int)exitBody["alert"]!["recipients"]!);
        Assert.Equal(1, (int)(await app.MeasureAsync(Measure))["freePlaces"]!);

        // The same exit recorded again is no new change: no second alert.
        var again = await app.As(Betreuer).PostAsJsonAsync($"/api/measures/{Measure}/exits",
            new { customerRef = "TN-0102-01", exitDate = "2026-11-20", reason = "Abbruch" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // a recorded exit answers its replay as before (issue 12) …
        Assert.False((bool)(await again.Content.ReadFromJsonAsync<JsonObject>())!["changed"]!); // … and changes nothing

        foreach (var ifk in subscribed)
        {
            var cards = await app.WaitForInboxAsync(ifk, Measure);
            var card = Assert.Single(cards);
            Assert.Equal("Freie Plätze: Coaching Neustart 50+", (string?)FreePlacesAppFactory.AttachmentCard(card)!["body"]![0]!["text"]);
        }
        var alertKeys = (await app.Service<Proactive>().Outbox.ListAsync()).Where(e => e.MessageKey.StartsWith("fp:alert:", StringComparison.Ordinal))
            .Select(e => e.MessageKey.Split(':')[2]).Order().ToList();
        Assert.Equal(subscribed.Order(), alertKeys);
        foreach (var ifk in notSubscribed)
            Assert.DoesNotContain(await app.InboxAsync(ifk), r => FreePlacesAppFactory.Text(r.ReadActivity()).Contains(Measure, StringComparison.Ordinal));

        // One IFK requests the place from the card (customer reference typed in lower case, note).
        var lukasCard = (await app.InboxAsync("ifk-lukas-braun")).Single();
        var data = FreePlacesAppFactory.ExecuteData(FreePlacesAppFactory.AttachmentCard(lukasCard)!, "freePlaces.request");
        Assert.Equal(Measure, (string?)data["measureNumber"]);
        data["fpCustomerRef"] = " tn-7001-ab ";
        data["fpNote"] = "Eintritt ab Montag möglich";
        var requested = FreePlacesAppFactory.Card(await app.InvokeAsync("ifk-lukas-braun", "freePlaces.request", data, lukasCard.RowKey));
        Assert.Contains("Anfrage gesendet – Platz vorgemerkt", FreePlacesAppFactory.Text(requested));
        Assert.Contains("TN-7001-AB", FreePlacesAppFactory.Text(requested));
        // A double click (same requestId) counts once.
        var twice = FreePlacesAppFactory.Card(await app.InvokeAsync("ifk-lukas-braun", "freePlaces.request", data, lukasCard.RowKey));
        Assert.Contains("Anfrage gesendet – Platz vorgemerkt", FreePlacesAppFactory.Text(twice));
        var requests = await app.Service<PlaceRequestRepository>().ListAsync(Measure, CancellationToken.None);
        var request = Assert.Single(requests);
        Assert.Equal("Eintritt ab Montag möglich", request.Note);
        Assert.Equal(0, (int)(await app.MeasureAsync(Measure))["freePlaces"]!);

        // The Betreuer gets the decision card and confirms.
        var decision = Assert.Single(await app.WaitForInboxAsync(Betreuer, "TN-7001-AB"));
        var confirmData = FreePlacesAppFactory.ExecuteData(FreePlacesAppFactory.AttachmentCard(decision)!, "placeRequest.confirm");
        confirmData["requestId"] = "confirm-1";
        var confirmed = FreePlacesAppFactory.Card(await app.InvokeAsync(Betreuer, "placeRequest.confirm", confirmData, decision.RowKey));
        Assert.Contains("Bestätigt von Jan Becker", FreePlacesAppFactory.Text(confirmed));
        Assert.Empty(FreePlacesAppFactory.Executes(confirmed));

        // The requester's card now shows the outcome; the place stays taken.
        var updated = (await app.InboxAsync("ifk-lukas-braun")).Single(r => r.RowKey == lukasCard.RowKey);
        Assert.NotNull(updated.UpdatedAt);
        var updatedJson = FreePlacesAppFactory.Text(updated.ReadActivity());
        Assert.Contains("Platz bestätigt", updatedJson);
        Assert.Contains("Jan Becker hat den Platz für TN-7001-AB bestätigt.", updatedJson);
        Assert.Equal(0, (int)(await app.MeasureAsync(Measure))["freePlaces"]!);

        // Everyone else's card shows the live numbers when viewed (refresh): the taken place is not free.
        var oliver = (await app.InboxAsync("ifk-oliver-roth")).Single();
        var refresh = (JsonObject)FreePlacesAppFactory.AttachmentCard(oliver)!["refresh"]!["action"]!["data"]!.DeepClone();
        var live = FreePlacesAppFactory.Card(await app.InvokeAsync("ifk-oliver-roth", "freePlaces.refresh", refresh, oliver.RowKey));
        Assert.Contains("Kein Platz mehr frei", FreePlacesAppFactory.Text(live));
        Assert.DoesNotContain("freier Platz", FreePlacesAppFactory.Text(live));
        // The requester's own view says where their request stands.
        var mine = FreePlacesAppFactory.Card(await app.InvokeAsync("ifk-lukas-braun", "freePlaces.refresh", refresh, lukasCard.RowKey));
        Assert.Contains("TN-7001-AB: Platz bestätigt", FreePlacesAppFactory.Text(mine));
    }
}
