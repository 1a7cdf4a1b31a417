using Microsoft.Playwright;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Bot;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>
/// Issue 14, item 1: the coordinator's "Bewertungen" tab in Chromium, without any API call of the coordinator: start a
/// request for two assessors, the duplicate refused and shown, one assessor answers in the dev inbox (real invokes),
/// "1 von 2 beantwortet", the next automatic reminder, "Jetzt erinnern", close, and the results with the auffällig value,
/// its texts and the filed Bewertungsbogen. Screenshots: artifacts/tab/tab-ratings*.png.
/// </summary>
public sealed class RatingsTabBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string Measure = "962-E-2026-0101";    // Aktivcenter Jugend, Bildungswerk Rheinaue gGmbH
    private const string Answering = "betr-01";          // Katrin Fischer
    private const string Silent = "betr-02";             // Jan Becker, never answers

    [Fact]
    public async Task Coordinator_starts_a_request_sees_one_of_two_answered_reminds_closes_and_reads_the_results()
    {
        SetDefaultExpectTimeout(20_000);
        await using var browser = await BrowserFixture.LaunchAsync("tab", 1366, 1000);
        var page = await browser.NewPageAsync(allowedStatus: 409); // 409: the duplicate is refused on purpose
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(app.BaseUrl + "/tab?user=koord-weber");
        await Expect(page.Locator("#who")).ToHaveTextAsync("Angemeldet als Julia Weber");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Bewertungen", Exact = true }).ClickAsync();
        var panel = page.Locator("#panel-ratings");
        var form = panel.GetByRole(AriaRole.Form, new() { Name = "Neue Bewertungsanfrage", Exact = true });
        await Expect(form.GetByLabel("Katrin Fischer", new() { Exact = true })).ToBeVisibleAsync();

        // 1. Start: measure, kind, two assessors.
        await form.GetByLabel("Zu bewertende Maßnahme", new() { Exact = true }).SelectOptionAsync(Measure);
        await form.GetByLabel("Bewertungsart", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Während der Maßnahme" });
        await form.GetByLabel("Katrin Fischer", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Jan Becker", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Anfrage senden", Exact = true }).ClickAsync();
        await Expect(page.Locator("#rt-status")).ToContainTextAsync("Bewertungsanfrage für „Aktivcenter Jugend“ an 2 Bewerter:innen gesendet");
        await Expect(page.Locator("#rt-status")).ToContainTextAsync("Frist: 19.12.2026.");
        await Expect(page.Locator("#rt-progress")).ToHaveTextAsync("0 von 2 beantwortet");
        var row = page.Locator("#rt-table tbody tr").Filter(new() { HasText = "Aktivcenter Jugend" });
        await Expect(row).ToHaveCountAsync(1);
        var id = (await row.GetAttributeAsync("data-id"))!;

        // 2. The same measure and assessor again: the open request is shown, and the API refuses it (German 409).
        await form.GetByLabel("Zu bewertende Maßnahme", new() { Exact = true }).SelectOptionAsync(Measure);
        await Expect(page.Locator("#rt-open-hint")).ToHaveTextAsync(
            "Offene Anfrage für diese Maßnahme an: Katrin Fischer (" + id + ", gesendet am 21.11.2026, offen); Jan Becker (" + id +
            ", gesendet am 21.11.2026, offen). Diese Personen werden nicht noch einmal angefragt.");
        await form.GetByLabel("Katrin Fischer", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Anfrage senden", Exact = true }).ClickAsync();
        await Expect(page.Locator("#rt-form-error")).ToContainTextAsync(
            "Für diese Maßnahme ist bereits eine offene Bewertungsanfrage an Katrin Fischer unterwegs (" + id + ", gesendet am 21.11.2026).");
        await Expect(row).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "tab-ratings-duplicate.png");

        // 3. Katrin Fischer answers in her chat (dev inbox: the official renderer, real invokes), with one bad value.
        await app.DeliverAsync(RatingRequests.InvitationKey(id, Answering), RatingRequests.InvitationKey(id, Silent));
        var inbox = await browser.NewPageAsync();
        inbox.SetDefaultTimeout(20_000);
        await inbox.GotoAsync(app.BaseUrl + "/dev/inbox?user=" + Answering);
        var card = inbox.Locator(".teams-card").Filter(new() { HasText = "Bildungswerk Rheinaue gGmbH" }).First;
        var slot = inbox.Locator(".card-slot").Filter(new() { Has = card }).First;
        async Task ClickAsync(string button, string expect)
        {
            await Expect(slot).Not.ToHaveAttributeAsync("aria-busy", "true");
            await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Expect(card).ToContainTextAsync(expect);
            await Expect(slot).Not.ToHaveAttributeAsync("aria-busy", "true");
        }
        await ClickAsync("Bewertung starten", "Seite 1 von 3 · Hard Facts");
        var selects = card.Locator("select");
        await Expect(selects).ToHaveCountAsync(7);
        for (var i = 0; i < 7; i++) await selects.Nth(i).SelectOptionAsync("3");
        await ClickAsync("Speichern und weiter", "Seite 2 von 3 · Soft Facts");
        await Expect(selects).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++) await selects.Nth(i).SelectOptionAsync(i == 1 ? "1" : "4");
        await ClickAsync("Speichern und zur Zusammenfassung", "Zusammenfassung");
        await card.GetByLabel("Begründung/Erläuterung", new() { Exact = true }).FillAsync("Rückrufe dauern oft eine Woche.");
        await card.GetByLabel("Handlungsempfehlung", new() { Exact = true }).FillAsync("Feste Sprechzeit mit dem Träger vereinbaren.");
        await ClickAsync("Bewertung absenden", "Bewertung abgegeben");

        // 4. The coordinator sees who has answered and when the other one is reminded next.
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktualisieren", Exact = true }).ClickAsync();
        await Expect(page.Locator("#rt-progress")).ToHaveTextAsync("1 von 2 beantwortet");
        await Expect(row).ToContainTextAsync("1 von 2 beantwortet");
        var fischer = page.Locator($"#rt-assessor-table tr[data-assessor='{Answering}']");
        var becker = page.Locator($"#rt-assessor-table tr[data-assessor='{Silent}']");
        await Expect(fischer).ToContainTextAsync("beantwortet am 21.11.2026");
        await Expect(fischer).ToContainTextAsync("auffällig");
        await Expect(becker).ToContainTextAsync("nicht beantwortet (0 von 15 Fragen)");
        await Expect(becker).ToContainTextAsync("zugestellt ab Sa 05.12.2026, 07:00 Uhr"); // 14 days before the deadline, first run of the job
        await browser.ScreenshotAsync(page, "tab-ratings.png");

        // 5. "Jetzt erinnern": only Jan Becker, at once.
        var outbox = app.Service<Proactive>().Outbox;
        var remindPrefix = $"rating:{id}:{Silent}:remind:";
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt erinnern", Exact = true }).ClickAsync();
        await Expect(page.Locator("#rt-status")).ToHaveTextAsync("Erinnerung an Jan Becker gesendet – wird sofort zugestellt.");
        var reminders = (await outbox.ListAsync()).Where(m => m.MessageKey.StartsWith($"rating:{id}:", StringComparison.Ordinal) && m.MessageKey.Contains(":remind:", StringComparison.Ordinal)).ToList();
        Assert.Equal(remindPrefix, Assert.Single(reminders).MessageKey[..remindPrefix.Length]);

        // 6. Close: the open assignment ends, the answered one stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage schließen", Exact = true }).ClickAsync();
        var dialog = page.Locator("#rt-close-dialog");
        await Expect(dialog).ToContainTextAsync("1 von 2 beantwortet. 1 offene Bewertung(en) werden beendet");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Anfrage schließen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#rt-status")).ToHaveTextAsync("Bewertungsanfrage „Aktivcenter Jugend“ geschlossen (1 von 2 beantwortet).");
        await Expect(row).ToContainTextAsync("geschlossen");
        await Expect(becker).ToContainTextAsync("nicht beantwortet (Anfrage geschlossen)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Jetzt erinnern", Exact = true })).ToBeHiddenAsync();
        Assert.Equal(RatingStatus.Closed, (await app.SnapshotAsync(id)).Request.Status);

        // 7. Results: averages, the auffällig value with both texts, the filed Bewertungsbogen.
        var result = page.GetByRole(AriaRole.Article, new() { Name = "Ergebnis von Katrin Fischer", Exact = true });
        await Expect(result).ToContainTextAsync("Katrin Fischer – auffällig");
        await Expect(result).ToContainTextAsync("Durchschnitt Hard Facts: 3,00 · Durchschnitt Soft Facts: 3,62");
        await Expect(result).ToContainTextAsync("Frage 9");
        await Expect(result).ToContainTextAsync("Begründung/Erläuterung: Rückrufe dauern oft eine Woche.");
        await Expect(result).ToContainTextAsync("Handlungsempfehlung: Feste Sprechzeit mit dem Träger vereinbaren.");
        await Expect(result).ToContainTextAsync("/962-E-2026-0101/Bewertungsbögen TM/2026-11-21_Bewertungsbogen Katrin Fischer " + id + ".pdf");
        var link = result.GetByRole(AriaRole.Link, new() { Name = "Bewertungsbogen von Katrin Fischer (PDF)", Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^blob:"));
        var head = await link.EvaluateAsync<string>("async a => { const b = await (await fetch(a.href)).arrayBuffer(); return String.fromCharCode(...new Uint8Array(b.slice(0, 5))); }");
        Assert.Equal("%PDF-", head);
        await browser.ScreenshotAsync(page, "tab-ratings-results.png");
        browser.AssertNoProblems();
    }
}
