using Microsoft.Playwright;
using TeamsAmdl.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Addin;

/// <summary>
/// The Outlook task pane in Chromium (issue 18) with office-addin-mock standing in for Office.js (<see cref="OfficeStandIn"/>),
/// the app on Kestrel and Azurite, the dev e-Akte folder a temp folder. Outlook's task pane is about 350 px wide.
/// </summary>
public sealed class AddinBrowserTests(AddinKestrelFactory app) : IClassFixture<AddinKestrelFactory>
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);

    private async Task<IPage> OpenAsync(BrowserFixture browser, TestMail mail, string user, bool dark = false)
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.RouteAsync(OfficeStandIn.OfficeJsUrl, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "application/javascript", Body = "/* office.js: office-addin-mock stands in (init script) */",
        }));
        await page.AddInitScriptAsync(OfficeStandIn.Script(mail, dark));
        await page.GotoAsync(app.BaseUrl + "/addin?user=" + user);
        return page;
    }

    [Fact]
    public async Task Mail_of_a_known_Traeger_with_two_attachments_is_proposed_filed_marked_and_not_filed_twice()
    {
        SetDefaultExpectTimeout(20_000);
        await using var browser = await BrowserFixture.LaunchAsync("addin", 380, 1100);
        var mail = new TestMail("Stellungnahme zu den Mängeln 962-E-2026-0101", "Büro Bildungswerk Rheinaue", "buero@bw-rheinaue.example",
            Received, "Sehr geehrte Damen und Herren,\n\nanbei unsere Stellungnahme und die Anwesenheitsliste.\n\nMit freundlichen Grüßen\nIhr Bildungswerk",
            [
                new("att-1", "Stellungnahme.pdf", "application/pdf", TestFiles.Pdf("Stellungnahme")),
                new("att-2", "Anwesenheitsliste.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TestFiles.Xlsx()),
            ]);
        var page = await OpenAsync(browser, mail, "koord-weber");

        // What the pane shows and proposes.
        await Expect(page.Locator("#mail-subject")).ToHaveTextAsync(mail.Subject);
        await Expect(page.Locator("#mail-sender")).ToHaveTextAsync("Büro Bildungswerk Rheinaue <buero@bw-rheinaue.example>");
        await Expect(page.GetByLabel("Träger", new() { Exact = true })).ToHaveValueAsync("tr-rheinaue");
        await Expect(page.GetByLabel("Maßnahme", new() { Exact = true })).ToHaveValueAsync("962-E-2026-0101");
        await Expect(page.GetByLabel("Kategorie", new() { Exact = true })).ToHaveValueAsync("SchriftverkehrMaengel");
        await Expect(page.Locator("#proposal-hint")).ToHaveTextAsync("Absender-Domain bw-rheinaue.example gehört zu Bildungswerk Rheinaue gGmbH.");
        await Expect(page.GetByLabel("Stellungnahme.pdf")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Anwesenheitsliste.xlsx")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ablegen" })).ToBeFocusedAsync(); // Enter files at once

        // Keyboard: the proposal is confirmed with Enter.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#message")).ToHaveTextAsync("Abgelegt. Die E-Mail ist mit der Kategorie „e-Akte“ markiert.");
        var rows = page.Locator("#progress li");
        await Expect(rows).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++) await Expect(rows.Nth(i).Locator(".state")).ToHaveTextAsync("abgelegt");
        await Expect(page.Locator("#location")).ToHaveTextAsync("Ablageort in der e-Akte: Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Schriftverkehr Mängel");
        Assert.Equal(["e-Akte"], await page.EvaluateAsync<string[]>("Office.context.mailbox.item.categories.applied"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDir("."), "addin-taskpane.png"), FullPage = true });

        var folder = "Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Schriftverkehr Mängel/2026-11-20_";
        var expected = new[]
        {
            folder + "Stellungnahme zu den Mängeln 962-E-2026-0101 – Anwesenheitsliste.xlsx",
            folder + "Stellungnahme zu den Mängeln 962-E-2026-0101 – Stellungnahme.pdf",
            folder + "Stellungnahme zu den Mängeln 962-E-2026-0101.eml",
            folder + "Stellungnahme zu den Mängeln 962-E-2026-0101.pdf",
        };
        var files = (await app.WaitForFilesAsync(4)).Where(f => f.StartsWith(folder, StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, files);
        Assert.Equal(mail.Eml, await File.ReadAllTextAsync(Path.Combine(app.EAkteFolder, expected[2])));

        // Again, in a new pane: nothing new is filed.
        var again = await OpenAsync(browser, mail, "koord-weber");
        await again.GetByRole(AriaRole.Button, new() { Name = "Ablegen" }).ClickAsync();
        await Expect(again.Locator("#message")).ToContainTextAsync("Diese E-Mail liegt bereits in der e-Akte – es wurde nichts Neues abgelegt.");
        await Expect(again.Locator("#progress li")).ToHaveCountAsync(4);
        Assert.Equal(expected, (await app.WaitForFilesAsync(4)).Where(f => f.StartsWith(folder, StringComparison.Ordinal)));
        Assert.Empty(Directory.GetDirectories(app.EAkteFolder, ".versionen", SearchOption.AllDirectories));

        browser.AssertNoProblems();
    }

    [Fact]
    public async Task Unknown_sender_needs_a_manual_choice_and_an_exe_attachment_is_refused()
    {
        SetDefaultExpectTimeout(20_000);
        await using var browser = await BrowserFixture.LaunchAsync("addin", 380, 1000);
        var mail = new TestMail("Rückfrage zur Rechnung", "Buchhaltung", "info@unbekannt.example", Received, "Bitte prüfen Sie die Rechnung.",
            [
                new("att-1", "Rechnung.pdf", "application/pdf", TestFiles.Pdf("Rechnung")),
                new("att-2", "setup.exe", "application/octet-stream", TestFiles.Exe()),
            ]);
        var page = await OpenAsync(browser, mail, "sqs-krause", dark: true);

        await Expect(page.Locator("#proposal-hint")).ToHaveTextAsync("Absender unbekannt: Bitte Träger und Maßnahme wählen.");
        var traeger = page.GetByLabel("Träger", new() { Exact = true });
        await Expect(traeger).ToHaveValueAsync("");
        await Expect(traeger).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Maßnahme", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Kategorie", new() { Exact = true })).ToHaveValueAsync("Massnahmebetreuung");
        var exe = page.GetByLabel("setup.exe");
        await Expect(exe).ToBeDisabledAsync();
        await Expect(exe).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#attachment-list li.refused")).ToContainTextAsync("Programm oder Skript – wird nicht abgelegt");
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        await browser.ScreenshotAsync(page, "addin-taskpane-unknown-sender-dark.png");

        // Filing without a choice is refused in the pane; nothing is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ablegen" }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Bitte einen Träger wählen.");
        await Expect(traeger).ToBeFocusedAsync();
        await Expect(traeger).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#progress-section")).ToBeHiddenAsync();

        await traeger.SelectOptionAsync("tr-kompass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ablegen" }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Bitte eine Maßnahme wählen.");
        await page.GetByLabel("Maßnahme", new() { Exact = true }).SelectOptionAsync("962-E-2026-0102");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ablegen" }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Abgelegt. Die E-Mail ist mit der Kategorie „e-Akte“ markiert.");
        await Expect(page.Locator("#progress li")).ToHaveCountAsync(3); // .eml, PDF, Rechnung.pdf — never setup.exe
        await Expect(page.Locator("#progress")).Not.ToContainTextAsync("setup.exe");

        var files = await app.WaitForFilesAsync(3);
        var mine = files.Where(f => f.Contains("Rückfrage zur Rechnung", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mine.Count);
        Assert.All(mine, f => Assert.StartsWith("Kompass Coaching GmbH/962-E-2026-0102/Maßnahmebetreuung/2026-11-20_Rückfrage zur Rechnung", f, StringComparison.Ordinal));
        Assert.DoesNotContain(app.EAkteFiles(), f => f.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || f.Contains("setup", StringComparison.Ordinal));
        browser.AssertNoProblems();
    }
}
