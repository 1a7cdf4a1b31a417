using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// The Auslastung view in the tab's Qualitätskalender (Chromium, the app on Kestrel and Azurite, today 21.11.2026): the
/// Teamleitung of the team with a UB below its Mindestplatzzahl sees their team's measures of November in the month-end card's
/// neutral wording, the UB row flagged; another month on request; the Geschäftsführung sees every measure; a Betreuer sees
/// the calendar but not the view (screenshot artifacts/quality-auslastung.png).
/// </summary>
public sealed class AuslastungBrowserTests(QualityKestrelFactory app) : IClassFixture<QualityKestrelFactory>
{
    [Fact]
    public async Task The_Teamleitung_sees_the_months_utilisation_of_their_team_with_the_UB_flagged_the_GF_sees_all()
    {
        SetDefaultExpectTimeout(15_000);
        app.Time.Set(AppFactory.Now);
        var data = await app.Services.GetRequiredService<MonthEndReport>().ComputeAsync(new ReportMonth(2026, 11), default);
        var flagged = data.Lines.First(l => l.Figures.PaidButEmpty > 0);
        var lead = (await app.Services.GetRequiredService<StaffRepository>().ListAsync(default))
            .First(s => s.Has(StaffRole.Teamleitung) && s.TeamId == flagged.Measure.TeamId);
        var team = data.Lines.Where(l => l.Measure.TeamId == lead.TeamId).ToList();
        await using var browser = await BrowserFixture.LaunchAsync("tab", 1280, 1400);

        var page = await browser.NewPageAsync(allowedStatus: 404); // no Maßnahmeinfo for the Teamleitung's read-only view
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(app.BaseUrl + $"/tab?user={lead.Id}");
        var view = page.Locator("#qu");
        await Expect(view.GetByRole(AriaRole.Heading, new() { Name = "Auslastung der Einkaufsmaßnahmen – November 2026", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#qu-scope")).ToHaveTextAsync($"{flagged.TeamName} · Stichtag 30.11.2026 (letzter Arbeitstag)");
        await Expect(page.Locator("#qu-neutral")).ToHaveTextAsync(CardTexts.Monitoring.MonthEndNeutral);
        await Expect(page.Locator("#qu-table tbody tr")).ToHaveCountAsync(team.Count);
        var ub = page.Locator($"#qu-table tbody tr[data-measure='{flagged.Measure.Number}']");
        await Expect(ub).ToHaveClassAsync("qu-flagged");
        await Expect(ub).ToContainTextAsync(CardTexts.Monitoring.PaidButEmptyNote(flagged.Figures.PaidButEmpty));
        await Expect(ub).ToContainTextAsync($"{flagged.Figures.Occupied}/{flagged.Figures.Places}");
        await Expect(page.Locator("#qu-totals")).ToContainTextAsync(CardTexts.Monitoring.PaidButEmptyTotal + ":");
        await page.Locator("#qu").ScrollIntoViewIfNeededAsync();
        await page.Locator("#qu").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDir(""), "quality-auslastung.png") });

        // Another month: October's report day is Friday 30.10.2026.
        await page.GetByLabel("Auslastung im Monat", new() { Exact = true }).FillAsync("2026-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Auslastung anzeigen", Exact = true }).ClickAsync();
        await Expect(view.GetByRole(AriaRole.Heading, new() { Name = "Auslastung der Einkaufsmaßnahmen – Oktober 2026", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#qu-scope")).ToHaveTextAsync($"{flagged.TeamName} · Stichtag 30.10.2026 (letzter Arbeitstag)");

        // The Geschäftsführung: every measure, all teams.
        var gf = await browser.NewPageAsync(allowedStatus: 404);
        gf.SetDefaultTimeout(15_000);
        await gf.GotoAsync(app.BaseUrl + "/tab?user=gf-hartmann");
        await Expect(gf.Locator("#qu-scope")).ToHaveTextAsync("Alle Teams · Stichtag 30.11.2026 (letzter Arbeitstag)");
        await Expect(gf.Locator("#qu-table tbody tr")).ToHaveCountAsync(data.Lines.Count);

        // A Betreuer has the calendar, not the utilisation.
        var betreuer = await browser.NewPageAsync(allowedStatus: 404);
        betreuer.SetDefaultTimeout(15_000);
        await betreuer.GotoAsync(app.BaseUrl + "/tab?user=betr-01");
        await Expect(betreuer.Locator("#quality")).ToBeVisibleAsync();
        await Expect(betreuer.Locator("#qu")).ToBeHiddenAsync();
        browser.AssertNoProblems();
    }
}
