using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// The Qualitätskalender in the tab (Chromium, the app on Kestrel and Azurite, today 21.11.2026): the Koordinatorin records
/// the 3-month inspection of 962-E-2026-0101 with one Mangel; the Fachkraft S&amp;QS writes the Stufe-1 letter with a
/// Saturday deadline (moved to Monday); the timer finds the deadline missed on 08.12.; she informs the REZ (Stufe 2). The
/// Prüfbericht and the letter are in the dev e-Akte folder; the calendar view shows what is due (screenshot
/// artifacts/quality-calendar.png).
/// </summary>
public sealed class QualityBrowserTests(QualityKestrelFactory app) : IClassFixture<QualityKestrelFactory>
{
    private const string Measure = "962-E-2026-0101"; // Aktivcenter Jugend, Bildungswerk Rheinaue gGmbH, 01.07.2026–30.06.2027
    private const string Mangel = "Anwesenheitslisten nicht tagesaktuell";

    [Fact]
    public async Task Record_an_inspection_with_one_Mangel_walk_it_to_Stufe_2_and_see_the_documents_and_the_calendar()
    {
        SetDefaultExpectTimeout(15_000);
        app.Time.Set(AppFactory.Now);
        await using var browser = await BrowserFixture.LaunchAsync("tab", 1280, 1400);

        // The Koordinatorin: the calendar of September/October shows the 3-month inspection (01.10.2026, still planned).
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(app.BaseUrl + $"/tab?user=koord-weber&pruefung={Measure}");
        await Expect(page.Locator("#quality")).ToBeVisibleAsync();
        await page.GetByLabel("Kalender von", new() { Exact = true }).FillAsync("2026-09-01");
        await page.GetByLabel("Kalender bis", new() { Exact = true }).FillAsync("2026-10-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen", Exact = true }).ClickAsync();
        var planned = page.Locator($"#qc-table tbody tr[data-measure='{Measure}'][data-ref='regular-3']");
        await Expect(planned).ToContainTextAsync("01.10.2026");
        await Expect(planned).ToContainTextAsync("geplant");

        // Record it with one Mangel.
        var row = page.Locator("#qd-table tbody tr[data-id='regular-3']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Prüfung erfassen", Exact = true }).ClickAsync();
        await page.GetByLabel("Teilnehmende (Kennungen, durch Komma getrennt; leer: Sie)", new() { Exact = true }).FillAsync("koord-weber, betr-01");
        await page.GetByLabel("Feststellungen (ohne Kundendaten)", new() { Exact = true }).FillAsync("Gruppenraum ordentlich; Anwesenheit wird nur wöchentlich nachgetragen.");
        await page.GetByLabel("Mangel 1", new() { Exact = true }).FillAsync(Mangel);
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfung speichern", Exact = true }).ClickAsync();
        await Expect(page.Locator("#quality-message")).ToContainTextAsync("Prüfung vom 01.10.2026 erfasst; Prüfbericht in der e-Akte: Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Vor-Ort-Besuche und Prüfberichte/");
        await Expect(row).ToContainTextAsync("durchgeführt und erfasst");
        var mangel = page.Locator("#qd-maengel li[data-mangel='regular-3-m1']");
        await Expect(mangel).ToContainTextAsync("Erfasst");
        // The Koordinatorin writes no letter: the step is not offered to her.
        await Expect(mangel.GetByRole(AriaRole.Button, new() { Name = "Mängelschreiben mit Frist (Stufe 1)" })).ToHaveCountAsync(0);

        // The Fachkraft S&QS: letter with deadline Saturday 05.12.2026 → Monday 07.12.
        var sqs = await browser.NewPageAsync(allowedStatus: 404); // no Maßnahmeinfo published yet: the read-only view gets 404
        sqs.SetDefaultTimeout(15_000);
        await sqs.GotoAsync(app.BaseUrl + $"/tab?user=sqs-krause&pruefung={Measure}");
        var sqsMangel = sqs.Locator("#qd-maengel li[data-mangel='regular-3-m1']");
        await sqs.GetByLabel("Frist zur Behebung: " + Mangel, new() { Exact = true }).FillAsync("2026-12-05");
        await sqsMangel.GetByRole(AriaRole.Button, new() { Name = "Mängelschreiben mit Frist (Stufe 1)", Exact = true }).ClickAsync();
        await Expect(sqsMangel).ToContainTextAsync("Deeskalationsstufe 1 · Frist 07.12.2026");
        await Expect(sqsMangel).ToContainTextAsync("Mängelschreiben (Entwurf) in der e-Akte: Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Schriftverkehr Mängel/");
        // The calendar's default range (this week and three more) shows the deadline.
        await Expect(sqs.Locator("#qc-table tbody tr[data-ref='regular-3-m1']")).ToContainTextAsync("07.12.2026");

        // Tuesday 08.12.: the timer finds the deadline missed.
        app.Time.Set(new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero));
        var run = await app.Services.GetRequiredService<InspectionReminderJob>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, run.Escalations);
        await sqs.ReloadAsync();
        await Expect(sqsMangel).ToContainTextAsync("Frist versäumt – Fachkraft S&QS einbezogen");
        await sqsMangel.GetByRole(AriaRole.Button, new() { Name = "REZ unterrichten (Stufe 2)", Exact = true }).ClickAsync();
        await Expect(sqsMangel).ToContainTextAsync("Deeskalationsstufe 2 – REZ unterrichtet");
        await Expect(sqs.Locator("#quality-message")).ToContainTextAsync($"„{Mangel}“: Deeskalationsstufe 2 – REZ unterrichtet.");

        // The documents in the dev e-Akte folder (filed by the queue-triggered filing worker).
        var folder = Path.Combine(app.EAkte, "Bildungswerk Rheinaue gGmbH", Measure);
        var report = Path.Combine(folder, "Vor-Ort-Besuche und Prüfberichte", "2026-10-01_Prüfbericht Vor-Ort-Besuch 962-E-2026-0101 regular-3.docx");
        var letter = Path.Combine(folder, "Schriftverkehr Mängel", "2026-11-21_Mängelschreiben Entwurf regular-3-m1.docx");
        for (var i = 0; i < 150 && !(File.Exists(report) && File.Exists(letter)); i++) await Task.Delay(200);
        Assert.True(File.Exists(report), "Prüfbericht fehlt: " + string.Join(", ", Directory.Exists(app.EAkte) ? Directory.GetFiles(app.EAkte, "*", SearchOption.AllDirectories) : []));
        Assert.True(File.Exists(letter), "Mängelschreiben fehlt");
        Assert.True(new FileInfo(report).Length > 1000 && new FileInfo(letter).Length > 1000);

        // The calendar view: what is due from 07.12. to the end of January.
        await page.ReloadAsync();
        await page.GetByLabel("Kalender von", new() { Exact = true }).FillAsync("2026-12-07");
        await page.GetByLabel("Kalender bis", new() { Exact = true }).FillAsync("2027-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#qc-table tbody tr[data-measure='962-E-2026-0104']")).ToContainTextAsync("04.01.2027");
        await Expect(page.Locator("#qc-table tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#qd-maengel li[data-mangel='regular-3-m1']")).ToContainTextAsync("Deeskalationsstufe 2");
        await page.Locator("#quality").ScrollIntoViewIfNeededAsync();
        await page.Locator("#quality").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDir(""), "quality-calendar.png") });
        browser.AssertNoProblems();
        app.Time.Set(AppFactory.Now);
    }
}
