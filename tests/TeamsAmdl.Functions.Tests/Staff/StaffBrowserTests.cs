using Microsoft.Playwright;
using TeamsAmdl.Functions.Staffing;
using static Microsoft.Playwright.Assertions;
using static TeamsAmdl.Functions.Tests.Staffing.FakeEntraGraph;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary><see cref="StaffAppFactory"/> on a real Kestrel port, for the browser; the first sync (the timer's) has run.</summary>
public sealed class StaffKestrelFactory : StaffAppFactory
{
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        await Service<StaffSync>().RunAsync(CancellationToken.None);
    }
}

/// <summary>The tab's staff button (wwwroot/tab/staff.js) in Chromium: coordinators see it and get the German summary; others do not see it.</summary>
public sealed class StaffBrowserTests(StaffKestrelFactory app) : IClassFixture<StaffKestrelFactory>
{
    [Fact]
    public async Task A_coordinator_syncs_staff_from_the_tab_and_sees_what_changed()
    {
        await using var browser = await BrowserFixture.LaunchAsync("staff", 1366, 900);
        var tab = await browser.NewPageAsync();
        await tab.GotoAsync($"{app.BaseUrl}/tab?user={U(1)}");
        await Expect(tab.Locator("#who")).ToHaveTextAsync("Angemeldet als Julia Weber");
        var button = tab.GetByRole(AriaRole.Button, new() { Name = "Mitarbeitende jetzt abgleichen" });
        await Expect(button).ToBeVisibleAsync();

        await button.ClickAsync();
        await Expect(tab.Locator("#staff-sync-result")).ToHaveTextAsync(
            "Mitarbeitende aus Entra ID abgeglichen: 0 neu, 0 geändert, 0 deaktiviert, 12 unverändert.");

        // Someone leaves the IFK group in Entra ID; the next click deactivates them.
        app.Graph.Remove(Ifk, U(8));
        await button.ClickAsync();
        await Expect(tab.Locator("#staff-sync-result")).ToHaveTextAsync(
            "Mitarbeitende aus Entra ID abgeglichen: 0 neu, 0 geändert, 1 deaktiviert, 11 unverändert.");
        await browser.ScreenshotAsync(tab, "01-tab-staff-sync.png");

        // An IFK does not see the button.
        var ifk = await browser.NewPageAsync(allowedStatus: 404); // nothing published yet on this empty storage: api/digest/latest is 404
        await ifk.GotoAsync($"{app.BaseUrl}/tab?user={U(3)}");
        await Expect(ifk.Locator("#who")).ToHaveTextAsync("Angemeldet als Laura Krüger");
        await Expect(ifk.Locator("#staff")).ToBeHiddenAsync();
        browser.AssertNoProblems();
    }
}
