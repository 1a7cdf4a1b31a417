using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Ratings;
using TeamsAmdl.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground's own web UI (Bot Framework Web Chat with Fluent UI) in Chromium, started with
/// infra/local/playground.sh as the Betreuer Tobias Richter against the app in Development with Bot:Playground on:
/// the welcome (once, also after a reload), a rating request card delivered by the outbox into the playground with one
/// page saved, and a free-place alert answered with a place request. No API call stands in for a click; the API only
/// creates the occasions (a rating request, an exit).
/// </summary>
public sealed class PlaygroundBrowserTests(PlaygroundKestrelFactory app) : IClassFixture<PlaygroundKestrelFactory>
{
    private const string User = "betr-06";                   // Tobias Richter: Betreuer, IFK and Bewerter, team of 0102
    private const string RatedMeasure = "962-E-2026-0106";   // his own measure (Perspektive Plus gGmbH)
    private const string FreedMeasure = "962-E-2026-0102";   // Coaching Neustart 50+, Betreuer Jan Becker, same team

    [Fact]
    public async Task Welcome_a_saved_rating_page_and_a_place_request_in_the_Agents_Playground()
    {
        SetDefaultExpectTimeout(20_000); // a busy test machine renders slowly; the steps are awaited, not timed
        await using var playground = await PlaygroundProcess.StartAsync(app.BaseUrl, User);
        await using var browser = await BrowserFixture.LaunchAsync("playground", 1280, 1000);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var consoleErrors = new List<string>(); // with the address, which BrowserFixture's list leaves out
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add($"console: {m.Text} @ {m.Location}"); };
        var cards = page.Locator(".ac-adaptiveCard");
        var log = page.GetByText("User Application installationUpdate 200");

        // Welcome: the page load installs the app; the card greets the demo user by name.
        await page.GotoAsync(playground.Url);
        var welcome = cards.Filter(new() { HasText = "Willkommen bei TeamsAmdl!" });
        await Expect(welcome).ToHaveCountAsync(1);
        await Expect(welcome).ToContainTextAsync("Hallo Tobias Richter!");

        // A reload installs again (new activity id); the app answers 200 and greets nobody twice. The welcome would be sent
        // inside that request, so once the playground logged the 200 the chat is final.
        await page.ReloadAsync();
        await Expect(page.GetByText("installationUpdate 200")).ToHaveCountAsync(1);
        await Expect(page.GetByText("message 201")).ToHaveCountAsync(0);
        await Expect(cards).ToHaveCountAsync(0);

        // A rating request: the outbox delivers the card to the playground's connector (proactive, stored conversation).
        using var coordinator = app.As(RatingTestSupport.Coordinator);
        var created = await coordinator.PostAsJsonAsync("/api/ratings/requests", new { measureNumber = RatedMeasure, assessorIds = new[] { User } });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var ratingId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var rating = cards.Filter(new() { HasText = "Trägerbewertung: Perspektive Plus gGmbH" });
        await Expect(rating).ToHaveCountAsync(1);
        await rating.GetByRole(AriaRole.Button, new() { Name = "Bewertung starten" }).ClickAsync();
        await Expect(rating).ToContainTextAsync("Seite 1 von 3 · Hard Facts");
        var choices = rating.GetByRole(AriaRole.Combobox);
        await Expect(choices).ToHaveCountAsync(7);
        for (var i = 0; i < 7; i++)
        {
            await choices.Nth(i).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "3 – gut", Exact = true }).ClickAsync();
        }
        await rating.GetByPlaceholder("Anmerkung zu Frage 1 (optional)").FillAsync("Alle Plätze besetzt.");
        await rating.GetByRole(AriaRole.Button, new() { Name = "Speichern und weiter" }).ClickAsync();
        await Expect(rating).ToContainTextAsync("Seite 2 von 3 · Soft Facts");
        await Expect(rating).ToContainTextAsync("7 von 15 Fragen beantwortet");
        var assignment = (await app.SnapshotAsync(ratingId)).AssignmentOf(User)!;
        Assert.Equal(7, assignment.Answered);
        Assert.Equal("Alle Plätze besetzt.", (await app.SnapshotAsync(ratingId)).AnswersOf(User).Single(a => a.QuestionId == "h1").Comment);

        // A free place in a measure of his team: the alert card reaches him in the playground; he requests the place.
        using var betreuer = app.As("betr-02");
        var exit = await betreuer.PostAsJsonAsync($"/api/measures/{FreedMeasure}/exits",
            new { customerRef = "TN-0102-02", exitDate = "2026-11-20", reason = "Abbruch" });
        Assert.True(exit.IsSuccessStatusCode, await exit.Content.ReadAsStringAsync());
        var alert = cards.Filter(new() { HasText = "Coaching Neustart 50+" }); // the answer replaces the card, title included
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert).ToContainTextAsync("Freie Plätze: Coaching Neustart 50+");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Platz anfragen" }).ClickAsync();
        await alert.GetByLabel("Kundenreferenz (pseudonym)").FillAsync("TN-7006-PG");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Anfrage senden" }).ClickAsync();
        await Expect(alert).ToContainTextAsync("Platzanfrage: Coaching Neustart 50+");
        await Expect(alert).ToContainTextAsync("Anfrage gesendet – Platz vorgemerkt");
        await Expect(alert).ToContainTextAsync("TN-7006-PG");
        var requests = await app.Service<TeamsAmdl.Functions.FreePlaces.PlaceRequestRepository>().ListAsync(FreedMeasure, CancellationToken.None);
        Assert.Contains(requests, r => r.CustomerRef == "TN-7006-PG" && r.IfkId == User);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDir("."), "playground.png") });
        // Problems of the app's cards or of the conversation, not of the playground's page: its UI loads Segoe UI and an
        // animation from Microsoft's CDN (the test network is closed) and its server has no favicon.
        bool Outside(string where) => where.Contains("cdn.office.net", StringComparison.Ordinal) || where.Contains(playground.Url + "/favicon.ico", StringComparison.Ordinal);
        var problems = browser.Problems.Where(p => !p.StartsWith("console: ", StringComparison.Ordinal) && !Outside(p))
            .Concat(consoleErrors.Where(e => !Outside(e))).ToList();
        Assert.True(problems.Count == 0, "Browser problems:\n" + string.Join("\n", problems) + "\nPlayground:\n" + playground.Output);
    }
}
