using System.Net.Http.Json;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// Fristen in the tab (Chromium, the app on Kestrel and Azurite, today 21.11.2026): an Abbruch on Friday 13.11. makes the
/// Feedbackbogen due on 20.11.; the IFK sees it overdue without a button, the Betreuer ticks it, and it is gone for both.
/// </summary>
public sealed class DeadlinesBrowserTests(FreePlacesKestrelFactory app) : IClassFixture<FreePlacesKestrelFactory>
{
    private const string Measure = "962-E-2026-0104"; // Bewerbungswerkstatt Digital: TN-0104-01..03 of ifk-daniel-hartwig, Betreuer betr-04
    private const string Ifk = "ifk-daniel-hartwig";
    private const string Betreuer = "betr-04";
    private const string RowKey = Measure + "|Feedbackbogen:TN-0104-02:2026-11-13";
    private const string Button = "Eingegangen: Feedbackbogen TN-0104-02 (" + Measure + ")";

    [Fact]
    public async Task IFK_sees_an_overdue_Feedbackbogen_the_Betreuer_marks_it_received_and_it_disappears_for_both()
    {
        SetDefaultExpectTimeout(15_000);
        using (var betreuer = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            betreuer.DefaultRequestHeaders.Add("X-Dev-User", Betreuer);
            var exit = await betreuer.PostAsJsonAsync($"/api/measures/{Measure}/exits",
                new { customerRef = "TN-0104-02", exitDate = "2026-11-13", reason = "Abbruch" });
            Assert.True(exit.IsSuccessStatusCode, await exit.Content.ReadAsStringAsync());
        }
        await using var browser = await BrowserFixture.LaunchAsync("", 1280, 1000);

        // The IFK: the Feedbackbogen of their customer, overdue since the due day 20.11., nothing to tick.
        var ifk = await browser.NewPageAsync(allowedStatus: 404, alsoAllowed: 400); // 400: the refused Erwartungsbogen below
        ifk.SetDefaultTimeout(15_000);
        await ifk.GotoAsync(app.BaseUrl + $"/tab?user={Ifk}");
        var ifkRow = ifk.Locator($"#deadlines-table tr[data-key='{RowKey}']");
        await Expect(ifkRow).ToContainTextAsync("Feedbackbogen");
        await Expect(ifkRow).ToContainTextAsync("20.11.2026");
        await Expect(ifkRow).ToContainTextAsync("überfällig");
        await Expect(ifkRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(ifk.GetByRole(AriaRole.Heading, new() { Name = "Fristen", Exact = true })).ToBeVisibleAsync();
        await ifk.Locator("#deadlines").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(ifk, "fristen.png");

        // The Betreuer ticks it: it leaves the list, and shows again as received under "Erledigte anzeigen".
        var page = await browser.NewPageAsync(allowedStatus: 404);
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(app.BaseUrl + $"/tab?user={Betreuer}");
        var row = page.Locator($"#deadlines-table tr[data-key='{RowKey}']");
        await Expect(row).ToContainTextAsync("überfällig");
        await page.GetByRole(AriaRole.Button, new() { Name = Button, Exact = true }).ClickAsync();
        await Expect(page.Locator("#deadlines-message")).ToHaveTextAsync("Feedbackbogen TN-0104-02 als eingegangen markiert.");
        await Expect(row).ToHaveCountAsync(0);
        await page.GetByLabel("Erledigte anzeigen", new() { Exact = true }).CheckAsync();
        await Expect(row).ToContainTextAsync("eingegangen am 21.11.2026");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // The IFK again: gone.
        await ifk.ReloadAsync();
        await Expect(ifk.Locator("#deadlines")).ToBeVisibleAsync();
        await Expect(ifk.Locator($"#deadlines-table tr[data-key='{RowKey}']")).ToHaveCountAsync(0);

        // The IFK records the Erwartungsbogen of TN-0104-01 in the tab: personal data is refused in German, then it is saved
        // (filed in the e-Akte) and leaves the open list; under "Erledigte anzeigen" the row shows the expectation.
        var expRow = ifk.Locator("#deadlines-table tr[data-key^='" + Measure + "|Erwartungsbogen:TN-0104-01:']");
        await Expect(expRow).ToContainTextAsync("überfällig");
        await expRow.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Erwartung erfassen: Erwartungsbogen TN-0104-01") }).ClickAsync();
        await ifk.GetByLabel("Erwartung der Kundin / des Kunden (eigene Worte, ohne persönliche Daten)", new() { Exact = true })
            .FillAsync("Wieder im Büro arbeiten, erreichbar unter 0171 2345678");
        await ifk.GetByLabel("Zieltermin", new() { Exact = true }).FillAsync("2027-03-01");
        await ifk.GetByRole(AriaRole.Button, new() { Name = "Erwartungsbogen speichern", Exact = true }).ClickAsync();
        await Expect(ifk.Locator("#deadlines-message [role=alert]")).ToContainTextAsync("wie");
        await Expect(expRow).ToContainTextAsync("überfällig");
        await ifk.GetByLabel("Erwartung der Kundin / des Kunden (eigene Worte, ohne persönliche Daten)", new() { Exact = true })
            .FillAsync("Wieder im Büro arbeiten, am liebsten in Teilzeit.");
        await ifk.GetByRole(AriaRole.Button, new() { Name = "Erwartungsbogen speichern", Exact = true }).ClickAsync();
        await Expect(ifk.Locator("#deadlines-message")).ToHaveTextAsync("Erwartungsbogen TN-0104-01 gespeichert und in der e-Akte abgelegt.");
        await Expect(expRow).ToHaveCountAsync(0);
        await ifk.GetByLabel("Erledigte anzeigen", new() { Exact = true }).CheckAsync();
        await Expect(expRow).ToContainTextAsync("Erwartung: „Wieder im Büro arbeiten, am liebsten in Teilzeit.“ bis 01.03.2027");

        browser.AssertNoProblems();
    }
}
