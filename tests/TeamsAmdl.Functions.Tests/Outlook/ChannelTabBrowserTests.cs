using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>The demo app with Outlook on (Bewerter default: Outlook) on a real Kestrel port, for the browser.</summary>
public sealed class OutlookTabKestrelFactory : AppFactory, IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outlook:Enabled", "true");
        builder.UseSetting("Outlook:Mailbox", FakeMailGraph.Mailbox);
        builder.UseSetting("Outlook:ProviderId", OutlookAppFactory.ProviderId);
        builder.UseSetting("Outlook:TabUrl", OutlookAppFactory.TabUrl);
        builder.UseSetting("Outlook:DefaultChannels:Bewerter", "Outlook");
    }

    public Task InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>The tab's "Benachrichtigungsweg" (wwwroot/tab/channel.js) in Chromium: the role default shown, a choice saved and kept.</summary>
public sealed class ChannelTabBrowserTests(OutlookTabKestrelFactory app) : IClassFixture<OutlookTabKestrelFactory>
{
    [Fact]
    public async Task A_staff_member_chooses_Teams_and_Outlook_in_the_tab()
    {
        await using var browser = await BrowserFixture.LaunchAsync("outlook", 1366, 900);
        var tab = await browser.NewPageAsync();
        await tab.GotoAsync($"{app.BaseUrl}/tab?user=koord-weber");
        await Expect(tab.Locator("#who")).ToHaveTextAsync("Angemeldet als Julia Weber");
        var section = tab.Locator("#channel");
        await Expect(section).ToBeVisibleAsync();
        await Expect(tab.Locator("#channel-current")).ToHaveTextAsync("Aktuell: Outlook-E-Mail (Voreinstellung Ihrer Rolle)");

        var select = section.GetByLabel("Bewertungsanfragen und Erinnerungen per", new() { Exact = true });
        await select.SelectOptionAsync(new SelectOptionValue { Label = "Teams-Chat und Outlook-E-Mail" });
        await section.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(tab.Locator("#channel-result")).ToHaveTextAsync("Gespeichert.");
        await Expect(tab.Locator("#channel-current")).ToHaveTextAsync("Aktuell: Teams-Chat und Outlook-E-Mail");
        await browser.ScreenshotAsync(tab, "01-tab-channel.png");

        // Kept: the API and a fresh page show the choice.
        using var http = app.ClientAs("koord-weber");
        var view = (await http.GetFromJsonAsync<JsonObject>("/api/me/notification-channel"))!;
        Assert.Equal(("Both", "Outlook", "Both"), ((string?)view["chosen"], (string?)view["default"], (string?)view["effective"]));
        await tab.ReloadAsync();
        await Expect(select).ToHaveValueAsync("Both");
        browser.AssertNoProblems();
    }

    [Fact]
    public async Task An_unknown_channel_is_refused_in_German()
    {
        using var http = app.ClientAs("betr-02");
        var res = await http.PutAsJsonAsync("/api/me/notification-channel", new { channel = "Brieftaube" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, res.StatusCode);
        var problem = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("unknown_channel", "„Brieftaube“ ist kein Benachrichtigungsweg. Erlaubt sind Teams, Outlook und Both (beides)."),
            ((string?)problem["code"], (string?)problem["title"]));
        var view = (await http.GetFromJsonAsync<JsonObject>("/api/me/notification-channel"))!;
        Assert.Null((string?)view["chosen"]);
        Assert.Equal("Outlook", (string?)view["effective"]); // betr-02 is a Bewerter: the role default
    }
}
