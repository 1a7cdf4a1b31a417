using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Bot;
using static Microsoft.Playwright.Assertions;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>
/// An assessor answers a full questionnaire in /dev/inbox (the official renderer, real invokes with dev-issuer tokens):
/// request card → page 1 → page 2 → summary "auffällig" → submit refused until both texts are there → submitted.
/// </summary>
public sealed class RatingInboxBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string Assessor = "betr-06";           // Tobias Richter, Betreuer of 962-E-2026-0106
    private const string Measure = "962-E-2026-0106";    // Stabilisierung und Teilhabe, Perspektive Plus gGmbH

    [Fact]
    public async Task An_assessor_answers_the_whole_questionnaire_in_the_dev_inbox()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Dev-User", Coordinator);
        var created = await http.PostAsJsonAsync("/api/ratings/requests", new { measureNumber = Measure, assessorIds = new[] { Assessor } });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await app.DeliverAsync(RatingRequests.InvitationKey(id, Assessor));

        await using var browser = await BrowserFixture.LaunchAsync("inbox", 1280, 1000);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/dev/inbox?user=" + Assessor);
        var card = page.Locator(".teams-card").First;
        await Expect(card).ToContainTextAsync("Trägerbewertung: Perspektive Plus gGmbH");
        await Expect(card).ToContainTextAsync("19.12.2026 (noch 28 Tage)");
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        var slot = page.Locator(".card-slot").First;
        async Task ClickAsync(string button, string expect)
        {
            // Like Teams, the inbox ignores clicks while the card's last action is still running.
            await Expect(slot).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 20_000 });
            await card.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Expect(card).ToContainTextAsync(expect, new() { Timeout = 20_000 });
            await Expect(slot).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 20_000 });
            await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0); // the official renderer reports nothing
        }

        await ClickAsync("Bewertung starten", "Seite 1 von 3 · Hard Facts");
        var selects = card.Locator("select");
        await Expect(selects).ToHaveCountAsync(7);
        // Teams checks required inputs before sending: with one left open the card stays and nothing is sent.
        for (var i = 0; i < 6; i++) await selects.Nth(i).SelectOptionAsync("3");
        await Expect(slot).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 20_000 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Speichern und weiter" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Bitte bewerten Sie Frage 7.");
        Assert.Equal(0, (await app.SnapshotAsync(id)).AssignmentOf(Assessor)!.Answered);
        await selects.Nth(6).SelectOptionAsync("2");
        await card.GetByPlaceholder("Anmerkung zu Frage 1 (optional)").FillAsync("Alle Plätze besetzt.");
        await browser.ScreenshotAsync(page, "rating-page1.png");
        await ClickAsync("Speichern und weiter", "Seite 2 von 3 · Soft Facts");
        await Expect(card).ToContainTextAsync("7 von 15 Fragen beantwortet");

        await Expect(selects).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++) await selects.Nth(i).SelectOptionAsync(i == 1 ? "1" : "4"); // Erreichbarkeit: 1
        await ClickAsync("Speichern und zur Zusammenfassung", "Zusammenfassung");
        await Expect(card).ToContainTextAsync("Auffällig");
        await Expect(card).ToContainTextAsync("Frage 9 (Soft Facts): 1 – Erreichbarkeit");

        await ClickAsync("Bewertung absenden", "Nicht abgesendet: Für einen schlechten Wert fehlen Angaben.");
        await Expect(card).ToContainTextAsync("Frage 9 (Soft Facts, Wert 1): Es fehlen Begründung/Erläuterung und Handlungsempfehlung.");
        await card.GetByLabel("Begründung/Erläuterung").FillAsync("Ansprechpartner seit Wochen nicht erreichbar.");
        await ClickAsync("Bewertung absenden", "Frage 9 (Soft Facts, Wert 1): Es fehlt die Handlungsempfehlung.");
        await Expect(card.GetByLabel("Begründung/Erläuterung")).ToHaveValueAsync("Ansprechpartner seit Wochen nicht erreichbar.");
        await card.GetByLabel("Handlungsempfehlung").FillAsync("Erreichbarkeit im Qualitätsgespräch vereinbaren.");
        await browser.ScreenshotAsync(page, "rating-summary.png");
        await ClickAsync("Bewertung absenden", "Bewertung abgegeben");
        await Expect(card).ToContainTextAsync("Erreichbarkeit im Qualitätsgespräch vereinbaren.");
        await browser.ScreenshotAsync(page, "rating-submitted.png");

        var a = (await app.SnapshotAsync(id)).AssignmentOf(Assessor)!;
        Assert.Equal(RatingStatus.Submitted, a.Status);
        Assert.True(a.Auffaellig);
        Assert.Equal(["q-s2"], a.BadValues.Select(b => b.Key));
        Assert.Equal("Alle Plätze besetzt.", (await app.SnapshotAsync(id)).AnswersOf(Assessor).Single(x => x.QuestionId == "h1").Comment);

        // Teams keeps the last card: after a reload the message shows the confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Posteingang aktualisieren" }).ClickAsync();
        await Expect(page.Locator(".teams-card").First).ToContainTextAsync("Bewertung abgegeben");
        browser.AssertNoProblems();
    }
}
