using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// Fristen in the tab, part two (Chromium, the demo Jobcenter on Kestrel and Azurite, today 21.11.2026):
/// "Überfällig im Team" for the Teamleitung of Team U25 (their team only; the demo's Erwartungsbögen are recorded, so none
/// is overdue there), the Koordinatorin picking another team (Team Integration Süd: the three open Erwartungsbögen of
/// 962-E-2026-0104, kept open by the demo seed), and the LAP contact form: personal data refused in German, then saved
/// and listed with the "unter 2" flag.
/// </summary>
public sealed class DeadlinesTeamBrowserTests(FreePlacesKestrelFactory app) : IClassFixture<FreePlacesKestrelFactory>
{
    private const string Dia = "962-D-2026-0201"; // DIA-AM Musterstadt Los 1, Team U25, started 01.08.2026
    private const string Werkstatt = "962-E-2026-0104"; // Bewerbungswerkstatt Digital, Team Integration Süd
    private const string Lap = "962-L-2026-0501"; // LAP Brücke in Arbeit, Betreuer betr-05

    [Fact]
    public async Task Teamleitung_sees_the_teams_overdue_list_Koordination_picks_a_team_and_the_Betreuer_enters_LAP_contacts()
    {
        SetDefaultExpectTimeout(15_000);
        await using var browser = await BrowserFixture.LaunchAsync("", 1280, 1000);

        // The Teamleitung: Team U25 only, per measure; the DIA-AM's October attendance (due 09.11.) is overdue.
        var lead = await browser.NewPageAsync(allowedStatus: 404);
        await lead.GotoAsync(app.BaseUrl + "/tab?user=tl-schubert");
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Überfällig im Team", Exact = true })).ToBeVisibleAsync();
        await Expect(lead.Locator("#overdue-team-summary")).ToContainTextAsync("Team U25: ");
        var dia = lead.Locator($"#overdue-team-table tbody[data-measure='{Dia}']");
        await Expect(dia.Locator("tr.group-row")).ToContainTextAsync($"DIA-AM Musterstadt Los 1 ({Dia})");
        await Expect(dia.Locator($"tr[data-key='{Dia}|Anwesenheit:2026-10']")).ToContainTextAsync("09.11.2026");
        await Expect(lead.Locator("#overdue-team-pick")).ToBeHiddenAsync();
        await Expect(lead.Locator("#overdue-team-table tr[data-key*='|Erwartungsbogen:']")).ToHaveCountAsync(0);
        await Expect(lead.Locator($"#overdue-team-table tbody[data-measure='{Werkstatt}']")).ToHaveCountAsync(0);
        await lead.Locator("#overdue-team").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(lead, "fristen-team.png");

        // The Koordinatorin: all teams first, then Team Integration Süd.
        var koord = await browser.NewPageAsync(allowedStatus: 404);
        await koord.GotoAsync(app.BaseUrl + "/tab?user=koord-weber&theme=dark");
        await Expect(koord.Locator("#overdue-team-summary")).ToContainTextAsync("Alle Teams: ");
        await koord.GetByLabel("Team der Liste", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Team Integration Süd" });
        await Expect(koord.Locator("#overdue-team-summary")).ToContainTextAsync("Team Integration Süd: ");
        var werkstatt = koord.Locator($"#overdue-team-table tbody[data-measure='{Werkstatt}']");
        await Expect(werkstatt.Locator("tr.group-row")).ToContainTextAsync("3 Erwartungsbogen");
        await Expect(werkstatt.Locator($"tr[data-key^='{Werkstatt}|Erwartungsbogen:TN-0104-01:']")).ToContainTextAsync("TN-0104-01");
        await Expect(koord.Locator($"#overdue-team-table tbody[data-measure='{Dia}']")).ToHaveCountAsync(0);
        await koord.Locator("#overdue-team").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(koord, "fristen-team-dark.png");

        // The LAP Betreuer enters October's personal contacts: a phone number in the remark is refused, nothing stored.
        var betr = await browser.NewPageAsync(allowedStatus: 404, alsoAllowed: 400);
        await betr.GotoAsync(app.BaseUrl + "/tab?user=betr-05");
        await Expect(betr.GetByRole(AriaRole.Heading, new() { Name = "Kontaktdichte (LAP)", Exact = true })).ToBeVisibleAsync();
        await betr.GetByLabel("LAP-Maßnahme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = Lap });
        await betr.GetByLabel("Teilnehmende (Kundenreferenz)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "TN-0501-01" });
        await betr.GetByLabel("Kontaktmonat", new() { Exact = true }).FillAsync("2026-10");
        await betr.GetByLabel("Persönliche Kontakte im Monat", new() { Exact = true }).FillAsync("1");
        var note = betr.GetByLabel("Bemerkung zu den Kontakten (ohne persönliche Daten)", new() { Exact = true });
        await note.FillAsync("Rückruf unter 0171 2345678");
        await betr.GetByRole(AriaRole.Button, new() { Name = "Kontakte speichern", Exact = true }).ClickAsync();
        await Expect(betr.Locator("#contact-message [role=alert]")).ToContainTextAsync("wie");
        var row = betr.Locator("#contact-table tr[data-key='TN-0501-01|2026-10']");
        await Expect(row).ToHaveCountAsync(0);

        await note.FillAsync("Hausbesuch");
        await betr.GetByRole(AriaRole.Button, new() { Name = "Kontakte speichern", Exact = true }).ClickAsync();
        await Expect(betr.Locator("#contact-message")).ToHaveTextAsync("Kontakte für TN-0501-01 im Monat 10.2026 gespeichert – weniger als 2 persönliche Kontakte.");
        await Expect(row).ToContainTextAsync("10.2026");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(row).ToContainTextAsync("unter 2");
        await Expect(row).ToContainTextAsync("Hausbesuch");
        await betr.Locator("#lap-contacts").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(betr, "fristen-lap-kontakte.png");

        browser.AssertNoProblems();
    }
}
