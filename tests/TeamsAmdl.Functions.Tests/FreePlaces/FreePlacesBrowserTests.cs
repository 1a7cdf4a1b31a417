using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>/dev/inbox in Chromium: an IFK requests a place from the alert card, the Betreuer confirms, the IFK sees it.</summary>
public sealed class FreePlacesBrowserTests(FreePlacesKestrelFactory app) : IClassFixture<FreePlacesKestrelFactory>
{
    private const string Measure = "962-E-2026-0102";

    [Fact]
    public async Task An_IFK_requests_a_place_in_the_inbox_and_sees_the_confirmation()
    {
        SetDefaultExpectTimeout(15_000); // a busy test machine renders slowly; the steps are awaited, not timed
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "betr-02");
        var exit = await http.PostAsJsonAsync($"/api/measures/{Measure}/exits", new { customerRef = "TN-0102-02", exitDate = "2026-11-20", reason = "Abbruch" });
        Assert.True(exit.IsSuccessStatusCode, await exit.Content.ReadAsStringAsync());
        Assert.Single(await app.WaitForInboxAsync("ifk-lukas-braun", Measure));

        await using var browser = await BrowserFixture.LaunchAsync("inbox", 1280, 1000);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        await page.GotoAsync(app.BaseUrl + "/dev/inbox");
        var messages = page.Locator("#messages");
        var cards = page.Locator(".teams-card");
        async Task ShowInboxOfAsync(string user, string name)
        {
            await page.GetByLabel("Demo-Benutzer").SelectOptionAsync(user);
            await Expect(page.Locator("#chat-sub")).ToHaveTextAsync("Persönlicher Chat mit " + name);
            await Expect(messages).ToHaveAttributeAsync("aria-busy", "false");
        }

        // The IFK opens the alert and requests the place for a pseudonymous customer reference.
        await ShowInboxOfAsync("ifk-lukas-braun", "Lukas Braun");
        await Expect(cards).ToHaveCountAsync(1);
        var card = cards.First;
        await Expect(card).ToContainTextAsync("Freie Plätze: Coaching Neustart 50+");
        await Expect(card).ToContainTextAsync("freier Platz");
        await card.GetByRole(AriaRole.Button, new() { Name = "Platz anfragen" }).ClickAsync();
        await card.GetByLabel("Kundenreferenz (pseudonym)").FillAsync("TN-7002-XY");
        await card.GetByLabel("Notiz (optional)").FillAsync("Eintritt ab Montag");
        await card.GetByRole(AriaRole.Button, new() { Name = "Anfrage senden" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Karte aktualisiert.");
        await Expect(card).ToContainTextAsync("Anfrage gesendet – Platz vorgemerkt");
        await Expect(card).ToContainTextAsync("TN-7002-XY");
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        // The Betreuer confirms in their chat (the decision card comes through the outbox: wait until it is there).
        Assert.Single(await app.WaitForInboxAsync("betr-02", "TN-7002-XY"));
        await ShowInboxOfAsync("betr-02", "Jan Becker");
        var decision = cards.Filter(new() { HasText = "Platzanfrage entscheiden" });
        await Expect(decision).ToHaveCountAsync(1);
        await Expect(decision).ToContainTextAsync("TN-7002-XY");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
        await Expect(decision).ToContainTextAsync("Bestätigt von Jan Becker");
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        // Back with the IFK: the card now shows the confirmation.
        await ShowInboxOfAsync("ifk-lukas-braun", "Lukas Braun");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First).ToContainTextAsync("Platz bestätigt");
        await Expect(cards.First).ToContainTextAsync("Jan Becker hat den Platz für TN-7002-XY bestätigt.");
        await Expect(page.Locator(".message time").First).ToContainTextAsync("bearbeitet");
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        await browser.ScreenshotAsync(page, "inbox-free-place-confirmed.png");
        browser.AssertNoProblems();
    }
}
