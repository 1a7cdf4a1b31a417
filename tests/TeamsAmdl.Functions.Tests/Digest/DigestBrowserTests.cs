using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.Bot;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// The whole week in the browser (Debian's Chromium via Playwright) against the app on Azurite: the Betreuer answers
/// the weekly card in /dev/inbox; the coordinator opens the tab, sees the answer, edits a measure (and meets a
/// colleague's concurrent change), previews and publishes; the digest card arrives for an IFK in /dev/inbox.
/// Screenshots go to artifacts/tab/ for review.
/// </summary>
public sealed class DigestBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(app.BaseUrl) };

    [Fact]
    public async Task Betreuer_answers_in_the_inbox_coordinator_edits_previews_publishes_and_the_IFK_gets_the_digest()
    {
        var clock = Stopwatch.StartNew();
        await using var browser = await BrowserFixture.LaunchAsync("tab", 1366, 900);

        // Monday's timer (the clock stands on Saturday 21.11.2026, week 47): request cards to every Betreuer.
        Assert.True((await _http.PostAsync("/api/dev/timers/digest-requests", null)).IsSuccessStatusCode);
        await app.DrainOutboxAsync();

        // 1. The Betreuer (Katrin Fischer) answers the weekly card in the dev inbox: one correction and a remark.
        var inbox = await browser.NewPageAsync(allowedStatus: 409); // 409: the stale edit in step 3 is expected
        await inbox.GotoAsync(app.BaseUrl + "/dev/inbox?user=betr-01");
        var weekly = inbox.Locator(".teams-card").Filter(new() { HasText = "Wochenmeldung KW 47/2026" }).First;
        await Expect(weekly).ToBeVisibleAsync();
        await Expect(weekly).ToContainTextAsync("Laut System");
        await Expect(weekly).ToContainTextAsync("9 von 12 Plätzen belegt · 3 frei");
        await weekly.GetByLabel("Belegte Plätze (von 12)").First.FillAsync("8"); // Aktivcenter Jugend (962-E-2026-0101)
        await weekly.GetByLabel("Bemerkungen (ohne Kundendaten)").Nth(2).FillAsync("Zwei Abbrüche in KW 46, Nachbesetzung läuft");
        await browser.ScreenshotAsync(inbox, "01-inbox-betreuer-weekly-card.png");
        await weekly.GetByRole(AriaRole.Button, new() { Name = "Angaben senden" }).ClickAsync();
        await Expect(inbox.Locator("#status")).ToHaveTextAsync("Karte aktualisiert.");
        var done = inbox.Locator(".teams-card").First;
        await Expect(done).ToContainTextAsync("Wochenmeldung KW 47/2026 eingegangen");
        await Expect(done).ToContainTextAsync("korrigiert");
        await Expect(inbox.Locator(".card-problems")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(inbox, "02-inbox-betreuer-answered.png");

        // 2. The coordinator opens the tab (outside Teams in Development: demo-user picker) and sees the answer.
        var tab = await browser.NewPageAsync(allowedStatus: 409);
        await tab.GotoAsync(app.BaseUrl + "/tab?user=koord-weber");
        await Expect(tab.GetByLabel("Demo-Benutzer")).ToHaveValueAsync("koord-weber");
        await Expect(tab.Locator("#who")).ToHaveTextAsync("Angemeldet als Julia Weber");
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Maßnahmeinfo KW 47/2026 (aktuelle Woche)" })).ToBeVisibleAsync();
        var jugend = tab.Locator("#measures tr[data-number='962-E-2026-0101']");
        await Expect(jugend).ToContainTextAsync("korrigiert");
        await Expect(jugend).ToContainTextAsync("8/12");
        await Expect(jugend).ToContainTextAsync("System: 9");
        await Expect(jugend).ToContainTextAsync("Zwei Abbrüche in KW 46, Nachbesetzung läuft");
        await Expect(tab.Locator("#counts")).ToContainTextAsync("4 eingegangen");

        // Filters by team and measure kind.
        await tab.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Team U25" });
        await Expect(tab.Locator("#measures-caption")).ToContainTextAsync("7 von 26 angezeigt");
        await tab.GetByLabel("Maßnahmeart").SelectOptionAsync(new SelectOptionValue { Label = "DIA-AM" });
        await Expect(tab.Locator("#measures tbody tr")).ToHaveCountAsync(1);
        await tab.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync("");
        await tab.GetByLabel("Maßnahmeart").SelectOptionAsync("");
        await Expect(tab.Locator("#measures tbody tr")).ToHaveCountAsync(26);
        await browser.ScreenshotAsync(tab, "03-tab-weekly-inputs.png");

        // 3. Edit one measure in the dialog (keyboard: the dialog opens with the focus in the first field).
        await tab.GetByRole(AriaRole.Button, new() { Name = "Bearbeiten: Coaching Neustart 50+ (962-E-2026-0102)" }).ClickAsync();
        var dialog = tab.Locator("#edit-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(tab.GetByLabel("Belegte Plätze (von 15)")).ToBeFocusedAsync();
        await tab.GetByLabel("Belegte Plätze (von 15)").FillAsync("13");
        await tab.GetByLabel("Bemerkung (ohne Kundendaten)").FillAsync("Zwei Plätze ab Dezember frei");
        await browser.ScreenshotAsync(tab, "04-tab-edit-dialog.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(tab.Locator("#status")).ToHaveTextAsync("Gespeichert: Coaching Neustart 50+.");
        var coaching = tab.Locator("#measures tr[data-number='962-E-2026-0102']");
        await Expect(coaching).ToContainTextAsync("bearbeitet");
        await Expect(coaching).ToContainTextAsync("13/15");

        // A second coordinator changes the same measure meanwhile; saving the stale view shows who, nothing is overwritten.
        var yilmaz = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        yilmaz.DefaultRequestHeaders.Add("X-Dev-User", "koord-yilmaz");
        var week = (await yilmaz.GetFromJsonAsync<JsonObject>("/api/digest/weeks/2026-W47"))!;
        var etag = (string?)DigestTestSupport.Measure(week, "962-E-2026-0102")["input"]!["etag"];
        Assert.True((await yilmaz.PutAsJsonAsync("/api/digest/weeks/2026-W47/measures/962-E-2026-0102",
            new { occupied = 14, remarks = "Ein Platz ab Dezember frei", etag })).IsSuccessStatusCode);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Bearbeiten: Coaching Neustart 50+ (962-E-2026-0102)" }).ClickAsync();
        await tab.GetByLabel("Belegte Plätze (von 15)").FillAsync("12");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(tab.Locator("#edit-conflict")).ToContainTextAsync("Inzwischen geändert von Deniz Yılmaz");
        await Expect(tab.GetByLabel("Belegte Plätze (von 15)")).ToHaveValueAsync("14"); // the current values are loaded
        await browser.ScreenshotAsync(tab, "05-tab-edit-conflict.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" }).ClickAsync();
        await Expect(coaching).ToContainTextAsync("14/15");

        // 4. Preview (tabs work with the keyboard: arrow right from "Wochenmeldungen").
        await tab.GetByRole(AriaRole.Tab, new() { Name = "Wochenmeldungen" }).FocusAsync();
        await tab.Keyboard.PressAsync("ArrowRight");
        await Expect(tab.GetByRole(AriaRole.Tab, new() { Name = "Vorschau & Veröffentlichen" })).ToHaveAttributeAsync("aria-selected", "true");
        var preview = tab.Locator("#preview .card-frame");
        await Expect(preview.First).ToContainTextAsync("Maßnahmeinfo KW 47/2026", new() { Timeout = 15_000 });
        await Expect(preview.First).ToContainTextAsync("Vorschau – noch nicht veröffentlicht");
        await Expect(tab.Locator("#preview")).ToContainTextAsync("Zwei Abbrüche in KW 46, Nachbesetzung läuft");
        await Expect(tab.Locator("#preview")).ToContainTextAsync("Ein Platz ab Dezember frei");
        await Expect(tab.Locator("#preview-missing")).ToContainTextAsync("Meldungen fehlen noch");
        await Expect(tab.Locator(".card-problems")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(tab, "06-tab-preview.png");

        // 5. Publish 1:1 to the IFKs: the missing inputs are named and must be confirmed.
        await tab.GetByLabel("Alle IFKs").CheckAsync();
        await tab.GetByRole(AriaRole.Button, new() { Name = "Veröffentlichen", Exact = true }).ClickAsync();
        var confirm = tab.Locator("#confirm-dialog");
        await Expect(confirm).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(confirm).ToContainTextAsync("Meldungen fehlen noch");
        await Expect(confirm).ToContainTextAsync("962-A-2026-0402 – AGH Sozialkaufhaus");
        await browser.ScreenshotAsync(tab, "07-tab-confirm-missing.png", fullPage: false);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Trotzdem veröffentlichen" }).ClickAsync();
        // Publishing runs as a job: the tab follows its progress until every message and document is final.
        await Expect(tab.Locator("#publish-progress-text")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(tab.Locator("#publish-result")).ToContainTextAsync("Maßnahmeinfo KW 47/2026 veröffentlicht.", new() { Timeout = 60_000 });
        await Expect(tab.Locator("#publish-progress-text")).ToContainTextAsync("(100 %)");
        await Expect(tab.Locator("#publish-progress-text")).ToContainTextAsync(new Regex(@"^(\d+) von \1 zugestellt · 26 von 26 Dokumenten abgelegt"));
        await Expect(tab.GetByLabel("Fortschritt der Veröffentlichung")).ToHaveAttributeAsync("value", "100");
        await Expect(tab.Locator("#publish-result")).ToContainTextAsync("26 von 26 Maßnahmeinfo-Dokumenten (je Maßnahme) in der e-Akte abgelegt");
        await Expect(tab.Locator("#publish-result")).ToContainTextAsync("Veröffentlicht am 21.11.2026, 11:00 Uhr");
        await browser.ScreenshotAsync(tab, "08-tab-published.png");

        // The preview now says when the week went out; publishing it again asks whether to send a correction.
        await tab.GetByRole(AriaRole.Button, new() { Name = "Vorschau aktualisieren" }).ClickAsync();
        await Expect(preview.First).ToContainTextAsync("Vorschau – veröffentlicht am 21.11.2026, 11:00 Uhr", new() { Timeout = 15_000 });
        await Expect(tab.Locator("#preview-info")).ToContainTextAsync("Diese Woche wurde veröffentlicht am 21.11.2026, 11:00 Uhr (von Julia Weber)");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Veröffentlichen", Exact = true }).ClickAsync();
        await Expect(confirm).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Trotzdem veröffentlichen" }).ClickAsync();
        await Expect(confirm).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(confirm.GetByRole(AriaRole.Heading, new() { Name = "Diese Woche ist bereits veröffentlicht" })).ToBeVisibleAsync();
        await Expect(confirm).ToContainTextAsync("Als Korrektur erneut senden?");
        await browser.ScreenshotAsync(tab, "08b-tab-correction-question.png", fullPage: false);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Als Korrektur erneut senden" }).ClickAsync();
        await Expect(tab.Locator("#publish-result")).ToContainTextAsync("Maßnahmeinfo KW 47/2026 (Korrektur) veröffentlicht.", new() { Timeout = 60_000 });
        await Expect(tab.Locator("#publish-progress-text")).ToContainTextAsync("(100 %)");

        // History: the published digest can be opened again.
        await tab.GetByRole(AriaRole.Tab, new() { Name = "Verlauf" }).ClickAsync();
        await tab.Locator("#history tbody tr").Filter(new() { HasText = "KW 47/2026" }).First.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Expect(tab.Locator("#history-cards .card-frame").First).ToContainTextAsync("veröffentlicht von Julia Weber");
        await Expect(tab.Locator("#history")).ToContainTextAsync("26 von 26 Dokumenten abgelegt");
        await Expect(tab.Locator("#history")).ToContainTextAsync("als Korrektur");
        await browser.ScreenshotAsync(tab, "09-tab-history.png");

        // 6. The digest card arrives for an IFK.
        await app.DrainOutboxAsync();
        await inbox.GotoAsync(app.BaseUrl + "/dev/inbox?user=ifk-anna-zimmermann");
        var digest = inbox.Locator(".teams-card").Filter(new() { HasText = "Maßnahmeinfo KW 47/2026" });
        await Expect(digest.First).ToBeVisibleAsync();
        await Expect(inbox.Locator("#messages")).ToContainTextAsync("Zwei Abbrüche in KW 46, Nachbesetzung läuft");
        await Expect(inbox.Locator("#messages")).ToContainTextAsync("Coaching Neustart 50+");
        await Expect(inbox.Locator("#messages")).Not.ToContainTextAsync("Vorschau – noch nicht veröffentlicht");
        await Expect(inbox.Locator("#messages")).ToContainTextAsync("Korrektur: ersetzt die Maßnahmeinfo vom 21.11.2026, 11:00 Uhr");
        await Expect(inbox.Locator(".card-problems")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(inbox, "10-inbox-ifk-digest.png");

        browser.AssertNoProblems();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
    }
}
