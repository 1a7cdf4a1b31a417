using System.Text;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.Bot;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Measures;

/// <summary>
/// "Maßnahmen verwalten" in the coordinator's tab, in Chromium against the app on Azurite (demo Jobcenter): creating a
/// measure (the API's German error shown at the field, then saved) and the CSV import (dry run table with the broken
/// lines, then applied). Screenshots go to artifacts/measures/.
/// </summary>
public sealed class MeasureAdminBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private static async Task<IPage> OpenAsync(BrowserFixture browser, string baseUrl)
    {
        var page = await browser.NewPageAsync(allowedStatus: 400); // 400: the refused first attempt is expected
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(baseUrl + "/tab?user=koord-weber");
        await Expect(page.Locator("#who")).ToHaveTextAsync("Angemeldet als Julia Weber");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Maßnahmen verwalten" }).ClickAsync();
        await Expect(page.Locator("#mm-table tbody tr")).ToHaveCountAsync(26);
        return page;
    }

    [Fact]
    public async Task Coordinator_creates_a_measure_in_the_tab_after_a_German_field_error()
    {
        SetDefaultExpectTimeout(15_000);
        await using var browser = await BrowserFixture.LaunchAsync("measures", 1366, 1000);
        var page = await OpenAsync(browser, app.BaseUrl);

        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Maßnahme" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Neue Maßnahme" });
        await Expect(form.GetByLabel("Maßnahmenummer")).ToBeFocusedAsync();
        await form.GetByLabel("Maßnahmenummer").FillAsync("962-E-2027-0901");
        await form.GetByLabel("Titel", new() { Exact = true }).FillAsync("Sprungbrett Pflege");
        await form.GetByLabel("Träger").SelectOptionAsync(new SelectOptionValue { Label = "Bildungswerk Rheinaue gGmbH" });
        await form.GetByLabel("Maßnahmeort").FillAsync("Musterstadt-Mitte");
        await form.GetByLabel("Beginn").FillAsync("2027-03-01");
        await form.GetByLabel("Ende", new() { Exact = true }).FillAsync("2027-02-01");
        await form.GetByLabel("Plätze", new() { Exact = true }).FillAsync("14");
        await form.GetByLabel("Betreuung (ID oder E-Mail)").FillAsync("betr-01");
        await Expect(form.GetByLabel("Höchstbelegung")).ToBeHiddenAsync(); // DIA-AM fields only for DIA-AM
        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        await Expect(page.Locator("#mf-end-error")).ToHaveTextAsync("Das Maßnahmeende (01.02.2027) liegt vor dem Beginn (01.03.2027).");
        await Expect(form.GetByLabel("Ende", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.GetByLabel("Ende", new() { Exact = true })).ToBeFocusedAsync();
        await browser.ScreenshotAsync(page, "01-create-field-error.png");

        await form.GetByLabel("Ende", new() { Exact = true }).FillAsync("2027-12-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.Locator("#mm-status")).ToHaveTextAsync("Maßnahme „962-E-2027-0901“ angelegt.");
        await Expect(page.Locator("#mm-form")).ToBeHiddenAsync();
        var row = page.Locator("#mm-table tr[data-number='962-E-2027-0901']");
        await Expect(row).ToContainTextAsync("Sprungbrett Pflege");
        await Expect(row).ToContainTextAsync("01.03.2027 – 31.12.2027");
        await Expect(row).ToContainTextAsync("Bildungswerk Rheinaue gGmbH");
        await browser.ScreenshotAsync(page, "02-created.png");

        // Close it again (archive): it leaves the list, and shows up with "Geschlossene anzeigen".
        await page.GetByRole(AriaRole.Button, new() { Name = "Schließen: Sprungbrett Pflege (962-E-2027-0901)" }).ClickAsync();
        await Expect(page.Locator("#mm-close-dialog")).ToBeVisibleAsync();
        await page.Locator("#mm-close-ok").ClickAsync();
        await Expect(page.Locator("#mm-status")).ToHaveTextAsync("Maßnahme „962-E-2027-0901“ geschlossen.");
        await Expect(row).ToHaveCountAsync(0);
        await page.GetByLabel("Geschlossene anzeigen").CheckAsync();
        await Expect(row).ToContainTextAsync("geschlossen seit 21.11.2026");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Coordinator_sees_the_import_dry_run_with_the_broken_lines_and_applies_the_fixed_file()
    {
        SetDefaultExpectTimeout(15_000);
        await using var browser = await BrowserFixture.LaunchAsync("measures", 1366, 1000);
        var page = await OpenAsync(browser, app.BaseUrl);

        const string header = "Maßnahmenummer;Maßnahmetitel;Maßnahmeart;Träger;Maßnahmeort;Maßnahmebeginn;Maßnahmeende;Plätze;Maßnahmebetreuer";
        string File(bool broken) => header + "\r\n" + string.Join("\r\n", Enumerable.Range(1, 4).Select(i =>
            $"962-E-2027-08{i:00};Importkurs {i};Einkaufsmaßnahme;{(broken && i == 2 ? "Niemand GmbH" : "Neue Wege Qualifizierung e.V.")};Musterstadt;" +
            $"01.02.2027;{(broken && i == 4 ? "01.01.2027" : "31.07.2027")};1{i};betr-0{i}")) + "\r\n";

        var upload = page.GetByLabel("CSV-Datei");
        await upload.SetInputFilesAsync(new FilePayload { Name = "massnahmen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File(broken: true)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Probelauf" }).ClickAsync();
        await Expect(page.Locator("#im-summary")).ToHaveTextAsync("Probelauf: 2 Fehler. Es wurde nichts gespeichert; bitte die Datei korrigieren.");
        await Expect(page.Locator("#im-table tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#im-table tr.im-row-error")).ToHaveCountAsync(2);
        await Expect(page.Locator("#im-table tr[data-line='3']")).ToContainTextAsync("Träger: Den Träger „Niemand GmbH“ gibt es nicht.");
        await Expect(page.Locator("#im-table tr[data-line='5']")).ToContainTextAsync("Maßnahmeende: Das Maßnahmeende (01.01.2027) liegt vor dem Beginn (01.02.2027).");
        await Expect(page.Locator("#im-table tr[data-line='2']")).ToContainTextAsync("neu");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import anwenden" })).ToBeDisabledAsync();
        await browser.ScreenshotAsync(page, "03-import-dry-run-errors.png");

        await upload.SetInputFilesAsync(new FilePayload { Name = "massnahmen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File(broken: false)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Probelauf" }).ClickAsync();
        await Expect(page.Locator("#im-summary")).ToHaveTextAsync("Probelauf: 4 neu, 0 geändert, 0 unverändert. Es wurde nichts gespeichert.");
        await Expect(page.Locator("#mm-table tbody tr")).ToHaveCountAsync(26); // nothing stored yet
        await page.GetByRole(AriaRole.Button, new() { Name = "Import anwenden" }).ClickAsync();
        await Expect(page.Locator("#im-summary")).ToHaveTextAsync("Import abgeschlossen: 4 neu, 0 geändert, 0 unverändert.");
        await Expect(page.Locator("#mm-table tbody tr")).ToHaveCountAsync(30);
        await Expect(page.Locator("#mm-table tr[data-number='962-E-2027-0803']")).ToContainTextAsync("Importkurs 3");
        await browser.ScreenshotAsync(page, "04-import-applied.png");
        browser.AssertNoProblems();
    }
}
