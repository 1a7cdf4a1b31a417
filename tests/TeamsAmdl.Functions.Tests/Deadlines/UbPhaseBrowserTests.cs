using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// UB phases in the tab (Chromium, the app on Kestrel and Azurite, today 21.11.2026): the Betreuer sees a participant still in
/// the Einstiegsphase after 8 weeks with the hint, meets a future date refused in German, records the Qualifizierungsphase from
/// Monday 16.11., and the LuV at the end of the Einstiegsphase appears in Fristen (ended Sunday 15.11., due 16.11.). In a LAP
/// project the same Betreuer records since when a Nachbetreuung runs: a future date is refused in German, a past one shows in
/// the row, and an earlier correction more than 7 months ago shows the hint that it is over.
/// </summary>
public sealed class UbPhaseBrowserTests(FreePlacesKestrelFactory app) : IClassFixture<FreePlacesKestrelFactory>
{
    private const string Measure = "962-U-2026-0301"; // UB/InbeQ Musterstadt from 01.06.2026, Betreuer betr-05; TN-0301-05 entered 29.06.
    private const string Betreuer = "betr-05";
    private const string Lap = "962-L-2026-0501"; // LAP Brücke in Arbeit, Betreuer betr-05; TN-0501-03 participates

    [Fact]
    public async Task Betreuer_records_a_phase_change_and_the_LuV_of_the_ended_phase_shows_in_Fristen()
    {
        SetDefaultExpectTimeout(15_000);
        await using var browser = await BrowserFixture.LaunchAsync("", 1280, 1000);
        var page = await browser.NewPageAsync(allowedStatus: 404, alsoAllowed: 400); // 400: the refused future date below
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(app.BaseUrl + $"/tab?user={Betreuer}&massnahme={Measure}");

        var row = page.Locator("#participants-table tr[data-ref='TN-0301-05']");
        await Expect(row).ToContainTextAsync("Einstiegsphase seit 29.06.2026");
        await Expect(row).ToContainTextAsync("Einstiegsphase länger als 8 Wochen – über eine Verlängerung entscheidet die IFK");

        await page.GetByRole(AriaRole.Button, new() { Name = "Phasenwechsel erfassen: TN-0301-05", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Neue Phase", new() { Exact = true })).ToHaveValueAsync("Qualifizierung");
        await page.GetByLabel("Erster Tag der neuen Phase", new() { Exact = true }).FillAsync("2026-11-23");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phasenwechsel speichern", Exact = true }).ClickAsync();
        await Expect(page.Locator("#phase-error")).ToContainTextAsync("liegt in der Zukunft");

        await page.GetByLabel("Erster Tag der neuen Phase", new() { Exact = true }).FillAsync("2026-11-16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phasenwechsel speichern", Exact = true }).ClickAsync();
        await Expect(page.Locator("#participants-message")).ToHaveTextAsync("TN-0301-05: Qualifizierungsphase ab 16.11.2026 erfasst.");
        await Expect(row).ToContainTextAsync("Qualifizierungsphase seit 16.11.2026");
        await Expect(row).ToContainTextAsync("Einstiegsphase länger als 8 Wochen"); // it did last 20 weeks

        await page.ReloadAsync();
        var luv = page.Locator($"#deadlines-table tr[data-key='{Measure}|LuVEinstiegsphase:TN-0301-05:2026-11-15']");
        await Expect(luv).ToContainTextAsync("LuV Ende Einstiegsphase");
        await Expect(luv).ToContainTextAsync("16.11.2026");
        await Expect(luv).ToContainTextAsync("überfällig");
        await Expect(luv.GetByRole(AriaRole.Button, new() { Name = $"Eingegangen: LuV Ende Einstiegsphase TN-0301-05 ({Measure})", Exact = true }))
            .ToBeVisibleAsync();

        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Betreuer_records_since_when_a_Nachbetreuung_runs_in_a_LAP_project()
    {
        SetDefaultExpectTimeout(15_000);
        await using var browser = await BrowserFixture.LaunchAsync("", 1280, 1000);
        var page = await browser.NewPageAsync(allowedStatus: 404, alsoAllowed: 400); // 400: the refused future date below
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(app.BaseUrl + $"/tab?user={Betreuer}&massnahme={Lap}");

        var row = page.Locator("#participants-table tr[data-ref='TN-0501-03']");
        var stand = row.Locator("td").Nth(2); // entry, last day, Stand
        await Expect(stand).ToHaveTextAsync("nimmt teil");
        var since = page.GetByLabel("Nachbetreuung seit", new() { Exact = true });
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Nachbetreuung speichern", Exact = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Nachbetreuung seit erfassen: TN-0501-03", Exact = true }).ClickAsync();
        await Expect(page.Locator("#nachbetreuung-current")).ToHaveTextAsync("Bisher ist keine Nachbetreuung erfasst.");
        await since.FillAsync("2026-11-22");
        await save.ClickAsync();
        await Expect(page.Locator("#nachbetreuung-error")).ToHaveTextAsync("Der Beginn der Nachbetreuung (22.11.2026) liegt in der Zukunft.");
        await Expect(page.Locator("#nachbetreuung-dialog")).ToBeVisibleAsync();
        await page.Locator("#nachbetreuung-dialog").GetByRole(AriaRole.Button, new() { Name = "Abbrechen", Exact = true }).ClickAsync();
        await page.ReloadAsync(); // nothing was stored
        await Expect(stand).ToHaveTextAsync("nimmt teil");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nachbetreuung seit erfassen: TN-0501-03", Exact = true }).ClickAsync();

        await since.FillAsync("2026-06-01");
        await save.ClickAsync();
        await Expect(page.Locator("#participants-message")).ToHaveTextAsync("TN-0501-03: Nachbetreuung seit 01.06.2026 erfasst.");
        await Expect(row).ToContainTextAsync("Nachbetreuung seit 01.06.2026");
        await Expect(row).Not.ToContainTextAsync("Die Nachbetreuung ist beendet");

        // A correction to 01.03.: 7 months including the predecessor project are over, the row says so (the API's hint).
        await page.GetByRole(AriaRole.Button, new() { Name = "Nachbetreuung seit erfassen: TN-0501-03", Exact = true }).ClickAsync();
        await Expect(page.Locator("#nachbetreuung-current")).ToHaveTextAsync("Bisher: Nachbetreuung seit 01.06.2026.");
        await Expect(since).ToHaveValueAsync("2026-06-01");
        await since.FillAsync("2026-03-01");
        await save.ClickAsync();
        await Expect(row).ToContainTextAsync("Nachbetreuung seit 01.03.2026");
        await Expect(row).ToContainTextAsync("Die Nachbetreuung ist beendet");

        // Only LAP: a UB row offers no Nachbetreuung.
        await page.GotoAsync(app.BaseUrl + $"/tab?user={Betreuer}&massnahme={Measure}");
        await Expect(page.Locator("#participants-table tr[data-ref='TN-0301-05']")).ToContainTextAsync("Einstiegsphase");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nachbetreuung seit erfassen: TN-0301-05", Exact = true })).ToHaveCountAsync(0);

        browser.AssertNoProblems();
    }
}
