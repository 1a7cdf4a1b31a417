using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TeamsAmdl.Functions.Bot;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>
/// The app on a real Kestrel port (a browser cannot reach the in-memory TestServer), Development mode: the
/// BotAuthenticator fetches the dev issuer's metadata over HTTP from the app itself, the dev connector fills the inbox.
/// </summary>
public sealed class KestrelAppFactory : AppFactory, IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

public sealed class DevInboxBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(app.BaseUrl) };

    [Fact]
    public async Task Dev_issuer_tokens_pass_the_real_authentication_over_http()
    {
        var context = (await _http.GetFromJsonAsync<JsonObject>("/dev/inbox/api/context?user=tl-wolf"))!;
        var serviceUrl = (string)context["serviceUrl"]!;
        Assert.Equal(app.BaseUrl + "/dev/connector/", serviceUrl);
        var token = (string)(await (await _http.PostAsJsonAsync("/dev/token", new { serviceUrl })).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;

        JsonObject Install() => new()
        {
            ["type"] = "installationUpdate", ["action"] = "add", ["id"] = Guid.NewGuid().ToString("N"), ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams", ["from"] = context["from"]!.DeepClone(), ["recipient"] = context["bot"]!.DeepClone(),
            ["conversation"] = context["conversation"]!.DeepClone(),
        };
        async Task<HttpStatusCode> PostAsync(JsonObject activity, string? bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
            if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
            return (await _http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Install(), token));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Install(), null));
        var otherServiceUrl = Install();
        otherServiceUrl["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(otherServiceUrl, token)); // the token names the dev serviceUrl
        var otherChannel = Install();
        otherChannel["channelId"] = "webchat";
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(otherChannel, token));
    }

    [Fact]
    public async Task Install_then_meine_aufgaben_in_the_browser_and_the_task_button_replaces_the_card_with_the_decision_card()
    {
        const string user = "betr-01";
        var today = TeamsAmdl.Domain.BerlinCalendar.Today(app.Time);
        var measure = (await app.Services.GetRequiredService<TeamsAmdl.Functions.Repositories.MeasureRepository>().ListAsync(today))
            .First(m => m.Measure.BetreuerId == user).Measure;
        await app.Services.GetRequiredService<TeamsAmdl.Functions.FreePlaces.PlaceRequestRepository>().AddAsync(new TeamsAmdl.Functions.FreePlaces.PlaceRequestEntity
        {
            PartitionKey = measure.Number, RowKey = "pr-browser-0001", IfkId = "ifk-anna-zimmermann", CustomerRef = "K-BRW-0001",
            Status = nameof(TeamsAmdl.Domain.PlaceRequestStatus.Pending), RequestedAt = app.Time.GetUtcNow(),
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await using var browser = await BrowserFixture.LaunchAsync("inbox", 1280, 900);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/dev/inbox");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TeamsAmdl Entwicklungs-Posteingang" })).ToBeVisibleAsync();
        await page.GetByLabel("Demo-Benutzer").SelectOptionAsync(user);
        await Expect(page.Locator("#chat-sub")).ToHaveTextAsync("Persönlicher Chat mit Katrin Fischer");
        await Expect(page.GetByText("Noch keine Nachrichten vom Bot.")).ToBeVisibleAsync();

        var messages = page.Locator("#messages");
        await page.GetByRole(AriaRole.Button, new() { Name = "App installieren (Demo)" }).ClickAsync();
        var cards = page.Locator(".teams-card");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First).ToContainTextAsync("Willkommen bei TeamsAmdl!");
        await Expect(cards.First).ToContainTextAsync("Hallo Katrin Fischer!");
        await Expect(cards.First.GetByRole(AriaRole.Button, new() { Name = "Verbindung testen" })).ToHaveCountAsync(0); // no ping for end users
        await Expect(messages).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0); // the official renderer found nothing to report

        // Unknown text: the short help, no second welcome card.
        await page.Locator("#text").FillAsync("was geht?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Senden" }).ClickAsync();
        await Expect(messages).ToContainTextAsync("meine aufgaben");
        await Expect(cards).ToHaveCountAsync(1);

        await page.Locator("#text").FillAsync("meine aufgaben");
        await page.GetByRole(AriaRole.Button, new() { Name = "Senden" }).ClickAsync();
        await Expect(cards).ToHaveCountAsync(2);
        var tasks = cards.Filter(new() { HasText = "Platzanfragen zur Entscheidung" }); // the welcome card names the command too
        await Expect(tasks).ToContainTextAsync("Meine Aufgaben");
        await Expect(tasks).ToContainTextAsync("K-BRW-0001");
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        // The entry's own button (the innermost container holding the reference): Action.Execute replaces the card.
        var entry = tasks.Locator(".ac-container").Filter(new() { HasText = "K-BRW-0001" }).Last;
        await entry.GetByRole(AriaRole.Button, new() { Name = "Anfrage öffnen" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Karte aktualisiert.");
        await Expect(cards).ToHaveCountAsync(2);
        var decision = cards.Filter(new() { HasText = "K-BRW-0001" });
        await Expect(decision).ToContainTextAsync("Platzanfrage entscheiden");
        await Expect(decision.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" })).ToBeVisibleAsync();
        await Expect(cards.Filter(new() { HasText = "Platzanfragen zur Entscheidung" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        // Teams keeps the replaced card: after a reload the (edited) message still shows it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Posteingang aktualisieren" }).ClickAsync();
        await Expect(messages).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.Locator(".message time").Filter(new() { HasText = "bearbeitet" })).ToHaveCountAsync(1);
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.Filter(new() { HasText = "Platzanfrage entscheiden" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".card-problems")).ToHaveCountAsync(0);

        var screenshot = await browser.ScreenshotAsync(page, "inbox-my-tasks.png");
        Assert.True(File.Exists(screenshot));
        browser.AssertNoProblems();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }
}
