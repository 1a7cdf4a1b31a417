using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Participants;

/// <summary>
/// The participant list in the tab (Chromium, the app on Kestrel and Azurite, today 21.11.2026): the Betreuer sees every
/// participant, enters a customer from a confirmed place request and records an exit with its last day; the coordinator
/// meets a refused entry in German; the IFK sees only their own customer and no actions.
/// </summary>
public sealed class ParticipantsBrowserTests(FreePlacesKestrelFactory app) : IClassFixture<FreePlacesKestrelFactory>
{
    private const string Measure = "962-E-2026-0104"; // Bewerbungswerkstatt Digital: TN-0104-01..03, Betreuer betr-04 (Markus Schäfer)

    private async Task ConfirmedRequestAsync(string customerRef)
    {
        using var ifk = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        ifk.DefaultRequestHeaders.Add("X-Dev-User", "ifk-anna-zimmermann");
        var created = await ifk.PostAsJsonAsync($"/api/measures/{Measure}/requests", new { customerRef });
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(created.IsSuccessStatusCode, body.ToJsonString());
        using var betreuer = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        betreuer.DefaultRequestHeaders.Add("X-Dev-User", "betr-04");
        var confirmed = await betreuer.PostAsync($"/api/freeplaces/requests/{Measure}/{(string)body["id"]!}/confirm", null);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Betreuer_enters_and_exits_participants_in_the_tab_and_the_IFK_sees_only_their_own_customer()
    {
        SetDefaultExpectTimeout(15_000);
        await ConfirmedRequestAsync("TN-8701-AA");
        await ConfirmedRequestAsync("TN-8702-AA");
        await using var browser = await BrowserFixture.LaunchAsync("tab", 1280, 1000);

        // The Betreuer (no coordinator: the tab shows the latest Maßnahmeinfo, none yet → 404 expected) sees all three participants.
        var page = await browser.NewPageAsync(allowedStatus: 404);
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(app.BaseUrl + $"/tab?user=betr-04&massnahme={Measure}");
        var section = page.Locator("#participants");
        await Expect(section).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Maßnahme", new() { Exact = true })).ToHaveValueAsync(Measure);
        var rows = page.Locator("#participants-table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator("#participants-caption")).ToContainTextAsync("Bewerbungswerkstatt Digital");

        // Entry from a confirmed request, on the entry day.
        var requestSelect = page.GetByLabel("Bestätigte Platzanfrage");
        await Expect(requestSelect.Locator("option")).ToHaveCountAsync(2);
        await requestSelect.SelectOptionAsync("TN-8701-AA");
        await page.GetByLabel("Eintrittsdatum").FillAsync("2026-11-21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eintritt erfassen" }).ClickAsync();
        await Expect(page.Locator("#participants-message")).ToHaveTextAsync("Eintritt von TN-8701-AA zum 21.11.2026 erfasst.");
        await Expect(rows).ToHaveCountAsync(4);
        var entered = page.Locator("#participants-table tr[data-ref='TN-8701-AA']");
        await Expect(entered).ToContainTextAsync("21.11.2026");
        await Expect(entered).ToContainTextAsync("nimmt teil");
        await Expect(requestSelect.Locator("option")).ToHaveCountAsync(1); // TN-8701-AA is no longer offered

        // Exit with its last day: the place is free again and the IFKs are told.
        await page.GetByRole(AriaRole.Button, new() { Name = "Austritt erfassen: TN-0104-01" }).ClickAsync();
        var dialog = page.Locator("#exit-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Letzter Tag")).ToBeFocusedAsync();
        await page.GetByLabel("Letzter Tag").FillAsync("2026-11-20");
        await page.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync("Abbruch");
        await browser.ScreenshotAsync(page, "participants-exit-dialog.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Austritt speichern" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#participants-message")).ToContainTextAsync("Austritt von TN-0104-01 zum 20.11.2026 erfasst (Abbruch).");
        await Expect(page.Locator("#participants-message")).ToContainTextAsync("Die IFKs werden über den freien Platz informiert (wird sofort zugestellt).");
        var left = page.Locator("#participants-table tr[data-ref='TN-0104-01']");
        await Expect(left).ToContainTextAsync("ausgetreten (Abbruch)");
        await Expect(left.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(page, "participants-betreuer.png");

        // The coordinator: an entry ahead of its day is refused with the German rule, nothing is entered.
        var coordinator = await browser.NewPageAsync(allowedStatus: 400);
        coordinator.SetDefaultTimeout(15_000);
        await coordinator.GotoAsync(app.BaseUrl + $"/tab?user=koord-weber&massnahme={Measure}");
        await Expect(coordinator.Locator("#participants-table tbody tr")).ToHaveCountAsync(4);
        await coordinator.GetByLabel("Bestätigte Platzanfrage").SelectOptionAsync("TN-8702-AA");
        await coordinator.GetByLabel("Eintrittsdatum").FillAsync("2026-11-23");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Eintritt erfassen" }).ClickAsync();
        await Expect(coordinator.Locator("#participants-message [role=alert]"))
            .ToHaveTextAsync("Der Eintritt am 23.11.2026 liegt in der Zukunft. Eintritte werden am Eintrittstag oder danach erfasst; bis dahin bleibt der Platz reserviert.");
        await Expect(coordinator.Locator("#participants-table tbody tr")).ToHaveCountAsync(4);

        // The IFK sees only the customer of their own request, without actions.
        var ifk = await browser.NewPageAsync(allowedStatus: 404);
        ifk.SetDefaultTimeout(15_000);
        await ifk.GotoAsync(app.BaseUrl + $"/tab?user=ifk-anna-zimmermann&massnahme={Measure}");
        var ifkRows = ifk.Locator("#participants-table tbody tr");
        await Expect(ifkRows).ToHaveCountAsync(1);
        await Expect(ifkRows.First).ToContainTextAsync("TN-8701-AA");
        await Expect(ifkRows.First).ToContainTextAsync("Sie");
        await Expect(ifk.Locator("#participants-table button")).ToHaveCountAsync(0);
        await Expect(ifk.Locator("#entry-form")).ToBeHiddenAsync();
        await Expect(ifk.Locator("#participants-scope")).ToHaveTextAsync("Sie sehen die Teilnehmenden, für die Sie den Platz angefragt haben.");
        await browser.ScreenshotAsync(ifk, "participants-ifk.png");

        browser.AssertNoProblems();
    }
}
