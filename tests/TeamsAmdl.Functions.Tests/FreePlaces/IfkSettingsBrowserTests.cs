using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Tests.Bot;
using TeamsAmdl.Functions.Tests.Ratings;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// Issue 14, items 2 and 5: an IFK changes her free-place subscription in the tab (locations instead of her team, a
/// muted measure with undo, a German error for a measure that does not exist) — no API call of hers — and then receives
/// only the matching alert. The Betreuer's exits (Saturday, outside working hours) answer when the cards are delivered:
/// Monday 07:30, and that is when they arrive. Screenshots: artifacts/tab/tab-ifk-settings.png, artifacts/tab/inbox-ifk-alert.png.
/// </summary>
public sealed class IfkSettingsBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string Ifk = "ifk-anna-zimmermann";        // team of 962-E-2026-0101 (her default subscription)
    private const string Matching = "962-E-2026-0102";       // Coaching Neustart 50+, Musterstadt-Nord, another team
    private const string OwnTeam = "962-E-2026-0101";        // Aktivcenter Jugend, Musterstadt-Mitte: her team, but no longer her filter
    private const string Muted = "962-E-2026-0104";          // Bewerbungswerkstatt Digital, Musterstadt-Nord: muted

    [Fact]
    public async Task IFK_changes_the_subscription_in_the_tab_and_receives_only_the_matching_alert_at_the_announced_time()
    {
        SetDefaultExpectTimeout(20_000);
        await using var browser = await BrowserFixture.LaunchAsync("tab", 1280, 1000);
        var page = await browser.NewPageAsync(allowedStatus: 404); // 404: the unknown measure is refused on purpose
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(app.BaseUrl + "/tab?user=" + Ifk);
        await Expect(page.Locator("#who")).ToHaveTextAsync("Angemeldet als Anna Zimmermann");
        var settings = page.GetByRole(AriaRole.Region, new() { Name = "Meine Benachrichtigungen über freie Plätze", Exact = true });
        await Expect(settings).ToBeVisibleAsync();
        await Expect(settings).ToContainTextAsync("Sie erhalten zurzeit die Voreinstellung: alle Maßnahmen Ihres Teams.");
        await Expect(settings).ToContainTextAsync("Zustellung: Mo–Fr, 07:30–17:00 Uhr; außerhalb davon ab dem nächsten Arbeitstag um 07:30 Uhr");

        // 1. Instead of her team: every team, only Musterstadt-Nord.
        var teams = settings.GetByRole(AriaRole.Group, new() { Name = "Teams", Exact = true });
        foreach (var box in await teams.GetByRole(AriaRole.Checkbox).AllAsync()) await box.UncheckAsync();
        await settings.GetByRole(AriaRole.Group, new() { Name = "Orte", Exact = true }).GetByLabel("Musterstadt-Nord", new() { Exact = true }).CheckAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Einstellungen speichern", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ifk-status")).ToContainTextAsync("Einstellungen gespeichert.");
        await Expect(page.Locator("#ifk-default")).ToHaveTextAsync("");

        // 2. A measure that does not exist: the server's German error; then mute, undo, and mute again (undo of the undo).
        var number = settings.GetByLabel("Maßnahmenummer stummschalten", new() { Exact = true });
        await number.FillAsync("962-E-2099-9999");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Stummschalten", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ifk-error")).ToHaveTextAsync("Die Maßnahme „962-E-2099-9999“ gibt es nicht; sie kann nicht stummgeschaltet werden.");
        await number.FillAsync(Muted);
        await settings.GetByRole(AriaRole.Button, new() { Name = "Stummschalten", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ifk-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#ifk-status")).ToContainTextAsync("„Bewerbungswerkstatt Digital (962-E-2026-0104)“ stummgeschaltet.");
        var muted = page.Locator("#ifk-muted li");
        await Expect(muted).ToHaveCountAsync(1);
        await page.Locator("#ifk-status").GetByRole(AriaRole.Button, new() { Name = "Rückgängig", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ifk-status")).ToContainTextAsync("Stummschaltung für „Bewerbungswerkstatt Digital (962-E-2026-0104)“ aufgehoben.");
        await Expect(muted).ToHaveCountAsync(0);
        await page.Locator("#ifk-status").GetByRole(AriaRole.Button, new() { Name = "Rückgängig", Exact = true }).ClickAsync();
        await Expect(muted).ToHaveCountAsync(1);
        await Expect(muted).ToContainTextAsync("Bewerbungswerkstatt Digital (962-E-2026-0104)");
        await browser.ScreenshotAsync(page, "tab-ifk-settings.png");

        // 3. Saturday 11:00: three Betreuer record an exit each. Every answer says when the alerts arrive.
        foreach (var (measure, betreuer, customer) in new[] { (Matching, "betr-02", "TN-0102-02"), (OwnTeam, "betr-01", "TN-0101-01"), (Muted, "betr-04", "TN-0104-01") })
        {
            using var http = app.ClientAs(betreuer);
            var res = await http.PostAsJsonAsync($"/api/measures/{measure}/exits", new { customerRef = customer, exitDate = "2026-11-20", reason = "Abbruch" });
            var body = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(res.IsSuccessStatusCode, body.ToJsonString());
            Assert.True((bool)body["alert"]!["alerted"]!, body.ToJsonString());
            Assert.Equal("zugestellt ab Mo 23.11.2026, 07:30 Uhr", (string?)body["alert"]!["delivery"]);
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)body["alert"]!["deliverAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        }

        // Nothing goes out over the weekend.
        await app.Service<AlertFlusher>().FlushDueAsync(CancellationToken.None, grace: TimeSpan.Zero);
        Assert.DoesNotContain(await app.Service<Proactive>().Outbox.ListAsync(), m => m.MessageKey.StartsWith("fp:alert:", StringComparison.Ordinal));

        // 4. Monday 07:40: the cards go out. Hers names only the matching measure; her team's measure went to others.
        app.Time.Set(new DateTimeOffset(2026, 11, 23, 6, 40, 0, TimeSpan.Zero));
        await app.Service<AlertFlusher>().FlushDueAsync(CancellationToken.None, grace: TimeSpan.Zero);
        var alerts = (await app.Service<Proactive>().Outbox.ListAsync()).Where(m => m.MessageKey.StartsWith("fp:alert:", StringComparison.Ordinal)).ToList();
        Assert.Single(alerts, m => m.MessageKey.StartsWith($"fp:alert:{Ifk}:", StringComparison.Ordinal));
        Assert.Contains(alerts, m => m.MessageKey.StartsWith("fp:alert:ifk-lukas-braun:", StringComparison.Ordinal)); // 0102's team, default subscription
        await app.DeliverAsync(alerts.Select(m => m.MessageKey).ToArray());
        var card = FreePlacesAppFactory.Text(Assert.Single(await app.InboxCardsAsync(Ifk)));
        Assert.Contains("Coaching Neustart 50+", card);
        Assert.DoesNotContain("Aktivcenter Jugend", card);
        Assert.DoesNotContain("Bewerbungswerkstatt Digital", card);
        var ownTeamReached = false;
        foreach (var other in alerts.Select(m => m.MessageKey.Split(':')[2]).Distinct().Where(i => i != Ifk))
            ownTeamReached |= (await app.InboxCardsAsync(other)).Any(c => FreePlacesAppFactory.Text(c).Contains("Aktivcenter Jugend", StringComparison.Ordinal));
        Assert.True(ownTeamReached, "the alert of her team's measure reached the IFKs who still follow that team");

        var inbox = await browser.NewPageAsync();
        inbox.SetDefaultTimeout(20_000);
        await inbox.GotoAsync(app.BaseUrl + "/dev/inbox");
        await inbox.GetByLabel("Demo-Benutzer", new() { Exact = true }).SelectOptionAsync(Ifk);
        await Expect(inbox.Locator("#chat-sub")).ToHaveTextAsync("Persönlicher Chat mit Anna Zimmermann");
        await Expect(inbox.Locator("#messages")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(inbox.Locator(".teams-card")).ToHaveCountAsync(1);
        await Expect(inbox.Locator(".teams-card").First).ToContainTextAsync("Coaching Neustart 50+");
        await browser.ScreenshotAsync(inbox, "inbox-ifk-alert.png");
        browser.AssertNoProblems();
    }
}
