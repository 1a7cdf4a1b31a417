using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// UB phases in the tab (Chromium, the app on Kestrel and Azurite, today 21.11.2026): the Betreuer sees a participant still in
/// the Einstiegsphase after 8 weeks with the hint, meets a future date refused in German, records the Qualifizierungsphase from
/// Monday 16.11., and the LuV at the end of the Einstiegsphase appears in Fristen (ended Sunday 15.11., due 16.11.).
/// </summary>
public sealed class UbPhaseBrowserTests(FreePlacesKestrelFactory app) : IClassFixture<FreePlacesKestrelFactory>
{
    private const string Measure = "962-U-2026-0301"; // UB/InbeQ Musterstadt from 01.06.2026, Betreuer betr-05; TN-0301-05 entered 29.06.
    private const string Betreuer = "betr-05";

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
}
