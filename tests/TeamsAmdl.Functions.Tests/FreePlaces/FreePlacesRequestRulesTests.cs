using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// Bad input on the card and the API: every refusal is a clear German message and reserves nothing. Plus the
/// authorisation of decisions (R-SEC-2) and Nichtantritt giving a held place back.
/// </summary>
public sealed class FreePlacesRequestRulesTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    private const string Open = "962-E-2026-0104";   // Bewerbungswerkstatt Digital: 10 places, 3 taken, Betreuer betr-04
    private const string Full = "962-E-2026-0106";   // Stabilisierung und Teilhabe: 8 of 8
    private const string UbClosed = "962-U-2026-0302"; // UB started 14 months ago: intake closed

    private async Task<int> ReservedAsync(string number) =>
        (await app.Service<MeasureRepository>().GetAsync(number, BerlinCalendar.Today(app.Time)))!.ReservedRefs.Count;

    private async Task<JsonObject> RequestCardAsync(string ifk, string number, string customerRef, string? note = null)
    {
        var data = new JsonObject
        {
            ["fpMeasures"] = number, ["measureNumber"] = number, ["fpCustomerRef"] = customerRef, ["requestId"] = Guid.NewGuid().ToString("N"),
        };
        if (note is not null) data["fpNote"] = note;
        return FreePlacesAppFactory.Card(await app.InvokeAsync(ifk, "freePlaces.request", data));
    }

    [Theory]
    [InlineData("Anna Schmidt")]          // a name
    [InlineData("MUELLER")]               // a name in capitals: no digits
    [InlineData("12.03.1987")]            // a birth date
    [InlineData("123A456789")]            // a BA customer number: the right shape, but real customer data
    [InlineData("TN-4711-AB-ZUSATZ-ZU-LANG-0815")] // longer than the pattern allows
    public async Task A_customer_reference_that_is_not_pseudonymous_is_refused_on_the_card_and_nothing_is_reserved(string customerRef)
    {
        _ = app.CreateClient();
        var before = await ReservedAsync(Open);
        var card = FreePlacesAppFactory.Text(await RequestCardAsync("ifk-daniel-hartwig", Open, customerRef));
        Assert.Contains("Ungültige Kundenreferenz", card);
        Assert.Contains("keine Namen oder Geburtsdaten", card);
        Assert.DoesNotContain(customerRef, card); // the refused input is not echoed back into the form
        Assert.Equal(before, await ReservedAsync(Open));
    }

    [Fact]
    public async Task A_note_with_personal_data_is_refused()
    {
        var card = FreePlacesAppFactory.Text(await RequestCardAsync("ifk-daniel-hartwig", Open, "TN-5001-AA", "geb. 01.02.1980"));
        Assert.Contains("keine personenbezogenen Daten", card);
        Assert.DoesNotContain(await app.Service<PlaceRequestRepository>().ListAsync(Open, CancellationToken.None), r => r.CustomerRef == "TN-5001-AA");
    }

    [Theory]
    [InlineData("geb. 1990-03-01", "Geburtsdatum", "TN-5101-AA")]                                    // issue 12: all four passed before
    [InlineData("+49 (171) 123 45 67", "Telefonnummer", "TN-5102-AA")]
    [InlineData("Handy (0171) 1234567", "Telefonnummer", "TN-5103-AA")]
    [InlineData("geboren am 1. März 1990, wohnt Hauptstr. 5", "Geburtsdatum", "TN-5104-AA")]
    public async Task Notes_with_personal_data_from_the_probe_are_a_German_400_and_nothing_is_reserved(string note, string kind, string reference)
    {
        var before = await ReservedAsync(Open);
        var response = await app.As("ifk-daniel-hartwig").PostAsJsonAsync($"/api/measures/{Open}/requests", new { customerRef = reference, note });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_input", text);
        Assert.Contains("„Notiz“", text);
        Assert.Contains(kind, text);
        Assert.DoesNotContain("1990", text); // the data is not echoed
        Assert.DoesNotContain("1234567", text);
        Assert.Equal(before, await ReservedAsync(Open));
        Assert.DoesNotContain(await app.Service<PlaceRequestRepository>().ListAsync(Open, CancellationToken.None), r => r.CustomerRef == reference);
    }

    [Fact]
    public async Task A_decline_reason_with_personal_data_is_refused_and_the_request_stays_pending()
    {
        var created = await app.As("ifk-daniel-hartwig").PostAsJsonAsync($"/api/measures/{Open}/requests", new { customerRef = "TN-5105-AA" });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var declined = await app.As("betr-04").PostAsJsonAsync($"/api/freeplaces/requests/{Open}/{id}/decline",
            new { reason = "Kunde ist unter 0171-1234567 nicht erreichbar" });
        Assert.Equal(HttpStatusCode.BadRequest, declined.StatusCode);
        var text = await declined.Content.ReadAsStringAsync();
        Assert.Contains("„Begründung der Ablehnung“", text);
        Assert.Contains("Telefonnummer", text);
        var request = (await app.Service<PlaceRequestRepository>().GetAsync(Open, id, CancellationToken.None))!;
        Assert.Equal(PlaceRequestStatus.Pending, request.State);
        Assert.Null(request.DeclineReason);
    }

    [Fact]
    public async Task Closed_intake_window_unknown_measure_and_non_IFK_are_refused_with_german_problems()
    {
        var before = await ReservedAsync(UbClosed);
        var closed = await app.As("ifk-daniel-hartwig").PostAsJsonAsync($"/api/measures/{UbClosed}/requests", new { customerRef = "TN-5002-AA" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        var problem = (await closed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("intake_closed", (string?)problem["code"]);
        Assert.Contains("Aufnahmefrist ist abgelaufen", (string?)problem["title"]);
        Assert.Contains("nichts reserviert", (string?)problem["title"]);
        Assert.Equal(before, await ReservedAsync(UbClosed));

        var onCard = FreePlacesAppFactory.Text(await RequestCardAsync("ifk-daniel-hartwig", UbClosed, "TN-5002-AA"));
        Assert.Contains("Aufnahmefrist ist abgelaufen", onCard);
        Assert.Contains("Keine Aufnahme mehr möglich", onCard);

        var unknown = await app.As("ifk-daniel-hartwig").PostAsJsonAsync("/api/measures/GIBTS-NICHT/requests", new { customerRef = "TN-5003-AA" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("gibt es nicht", (string?)(await unknown.Content.ReadFromJsonAsync<JsonObject>())!["title"]);

        var lead = await app.As("tl-wolf").PostAsJsonAsync($"/api/measures/{Open}/requests", new { customerRef = "TN-5004-AA" });
        Assert.Equal(HttpStatusCode.Forbidden, lead.StatusCode);
        Assert.Contains("Integrationsfachkräfte", (string?)(await lead.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }

    [Fact]
    public async Task A_measure_without_free_places_refuses_clearly_and_offers_the_waiting_list()
    {
        var before = await ReservedAsync(Full);
        var card = await RequestCardAsync("ifk-marcel-berger", Full, "TN-5005-AA");
        var text = FreePlacesAppFactory.Text(card);
        Assert.Contains("Kein Platz mehr frei", text);
        Assert.Contains("Es wurde nichts reserviert", text);
        Assert.Contains(FreePlacesAppFactory.Executes(card), a => (string?)a["verb"] == "placeRequest.waitlist");
        Assert.Equal(before, await ReservedAsync(Full));

        var api = await app.As("ifk-marcel-berger").PostAsJsonAsync($"/api/measures/{Full}/requests", new { customerRef = "TN-5006-AA" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("Refused", (string?)(await api.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    [Fact]
    public async Task A_second_request_for_the_same_customer_and_measure_is_refused()
    {
        var first = FreePlacesAppFactory.Text(await RequestCardAsync("ifk-kevin-werner", Open, "TN-5007-AA"));
        Assert.Contains("Anfrage gesendet", first);
        var reserved = await ReservedAsync(Open);
        var second = FreePlacesAppFactory.Text(await RequestCardAsync("ifk-dennis-jung", Open, "tn-5007-aa"));
        Assert.Contains("Für TN-5007-AA gibt es in dieser Maßnahme bereits eine Anfrage", second);
        Assert.Equal(reserved, await ReservedAsync(Open));
    }

    [Fact]
    public async Task Foreign_and_unknown_requests_are_refused_and_coordinators_may_decide_every_measure()
    {
        var created = await app.As("ifk-jonas-albrecht").PostAsJsonAsync($"/api/measures/{Open}/requests", new { customerRef = "TN-5008-AA" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        // Another IFK cannot withdraw it, on the card or the API.
        var foreign = await app.InvokeAsync("ifk-dennis-jung", "placeRequest.withdraw",
            new JsonObject { ["measureNumber"] = Open, ["placeRequestId"] = id, ["requestId"] = "w-1" });
        Assert.Equal(400, (int)foreign["statusCode"]!);
        Assert.Contains("gehört einer anderen IFK", FreePlacesAppFactory.Text(foreign));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.As("ifk-dennis-jung").PostAsync($"/api/freeplaces/requests/{Open}/{id}/withdraw", null)).StatusCode);

        // The Betreuer of another measure cannot decide it; an unknown request is unknown.
        var other = await app.InvokeAsync("betr-01", "placeRequest.confirm",
            new JsonObject { ["measureNumber"] = Open, ["placeRequestId"] = id, ["requestId"] = "c-1" });
        Assert.Equal(400, (int)other["statusCode"]!);
        Assert.Contains("entscheiden ihre Betreuung und die Koordination", FreePlacesAppFactory.Text(other));
        var unknown = await app.InvokeAsync("betr-04", "placeRequest.confirm",
            new JsonObject { ["measureNumber"] = Open, ["placeRequestId"] = "0000000000000000000-000000", ["requestId"] = "c-2" });
        Assert.Contains("Diese Platzanfrage gibt es nicht", FreePlacesAppFactory.Text(unknown));

        // The IFK sees only their own requests; a Koordinator of another team may decide (all measures of the Jobcenter).
        var mine = (await app.As("ifk-dennis-jung").GetFromJsonAsync<JsonArray>("/api/freeplaces/requests"))!;
        Assert.DoesNotContain(mine, r => (string?)r!["id"] == id);
        var yilmaz = await app.As("koord-yilmaz").PostAsync($"/api/freeplaces/requests/{Open}/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, yilmaz.StatusCode);
        Assert.Equal("Confirmed", (string?)(await yilmaz.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        var twice = await app.As("betr-04").PostAsync($"/api/freeplaces/requests/{Open}/{id}/decline", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("bereits bestätigt", (string?)(await twice.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }

    [Fact]
    public async Task Nichtantritt_gives_the_held_place_back_and_announces_it()
    {
        var created = await app.As("ifk-matthias-sommer").PostAsJsonAsync($"/api/measures/{Open}/requests", new { customerRef = "TN-5009-AA" });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var reserved = await ReservedAsync(Open);
        var exit = await app.As("betr-04").PostAsJsonAsync($"/api/measures/{Open}/exits", new { customerRef = "TN-5009-AA", reason = "Nichtantritt" });
        var body = (await exit.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(exit.IsSuccessStatusCode, FreePlacesAppFactory.Text(body));
        Assert.True((bool)body["alert"]!["alerted"]!, FreePlacesAppFactory.Text(body));
        Assert.Equal(reserved - 1, await ReservedAsync(Open));
        var request = (await app.Service<PlaceRequestRepository>().GetAsync(Open, id, CancellationToken.None))!;
        Assert.Equal(PlaceRequestStatus.Withdrawn, request.State);
        Assert.Equal("Nichtantritt", request.DeclineReason);

        // Only the measure's Betreuer or Koordinator records exits.
        var ifk = await app.As("ifk-matthias-sommer").PostAsJsonAsync($"/api/measures/{Open}/exits", new { customerRef = "TN-0104-01", reason = "Abbruch" });
        Assert.Equal(HttpStatusCode.Forbidden, ifk.StatusCode);
        var badReason = await app.As("betr-04").PostAsJsonAsync($"/api/measures/{Open}/exits", new { customerRef = "TN-0104-01", reason = "Urlaub" });
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.Contains("Unbekannter Austrittsgrund", (string?)(await badReason.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }

    [Fact]
    public async Task Mute_from_the_card_stops_alerts_for_that_measure_and_can_be_undone()
    {
        var muted = FreePlacesAppFactory.Card(await app.InvokeAsync("ifk-kevin-werner", "freePlaces.mute",
            new JsonObject { ["fpMeasures"] = Open, ["measureNumber"] = Open, ["requestId"] = "m-1" }));
        Assert.Contains($"Benachrichtigungen für Maßnahme {Open} sind stummgeschaltet.", FreePlacesAppFactory.Text(muted));
        Assert.Contains(FreePlacesAppFactory.Executes(muted), a => (string?)a["verb"] == "freePlaces.unmute");
        var sub = (await app.As("ifk-kevin-werner").GetFromJsonAsync<JsonObject>("/api/freeplaces/subscription"))!;
        Assert.Contains(Open, sub["muted"]!.AsArray().Select(x => (string?)x));
        Assert.True((bool)sub["isDefault"]!); // muting keeps the team default

        var staff = (await app.Service<StaffRepository>().GetAsync("ifk-kevin-werner"))!;
        var state = (await app.Service<MeasureRepository>().GetAsync(Open, BerlinCalendar.Today(app.Time)))!;
        var subs = await app.Service<SubscriptionRepository>().ListAsync((await app.Service<StaffRepository>().ListAsync()).ToDictionary(s => s.Id), CancellationToken.None);
        Assert.DoesNotContain(FreePlaceRecipients.Select(state.Measure, [staff], subs), s => s.Id == staff.Id);

        var unmuted = FreePlacesAppFactory.Card(await app.InvokeAsync("ifk-kevin-werner", "freePlaces.unmute",
            new JsonObject { ["fpMeasures"] = Open, ["measureNumber"] = Open, ["requestId"] = "m-2" }));
        Assert.Contains("Sie erhalten wieder Benachrichtigungen", FreePlacesAppFactory.Text(unmuted));

        var bad = await app.As("ifk-kevin-werner").PutAsJsonAsync("/api/freeplaces/subscription", new { kinds = new[] { "Zauberei" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Unbekannte Maßnahmeart", (string?)(await bad.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }
}
