using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Tests.Bot;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// The real app (Development: dev connector, demo Jobcenter) on Azurite for the free-place tests: Bot Connector
/// tokens signed by a local test key, alerts sent at once at any hour (bundling window 0, working hours all week),
/// and workers that poll fast. Tests that check bundling or working hours configure their own factory.
/// </summary>
public class FreePlacesAppFactory : AppFactory, IAsyncLifetime
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public TestOpenIdServer OpenId { get; } = new();

    /// <summary>Settings on top of the defaults above (e.g. a bundling window).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual Task InitializeAsync() => OpenId.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await OpenId.DisposeAsync();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:AppId", AppId);
        builder.UseSetting("Bot:OpenIdMetadataUrl", OpenId.MetadataUrl);
        builder.UseSetting("FreePlaces:BundlingWindow", "00:00:00");
        builder.UseSetting("FreePlaces:WorkingDays", "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday");
        builder.UseSetting("FreePlaces:WorkingHoursStart", "00:00");
        builder.UseSetting("FreePlaces:WorkingHoursEnd", "24:00");
        foreach (var (k, v) in Settings) builder.UseSetting(k, v);
        builder.ConfigureServices(FastOutboxWorker);
    }

    /// <summary>The hosted outbox worker, polling every 50–200 ms instead of backing off to 30 s while idle.</summary>
    public static void FastOutboxWorker(IServiceCollection s) =>
        s.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new OutboxWorker(sp.GetRequiredService<Outbox>(), sp.GetRequiredService<ConversationReferenceStore>(),
                sp.GetRequiredService<ConnectorClient>(),
                new OutboxWorkerOptions
                {
                    BotId = "28:" + o.EffectiveAppId, ServiceUrl = o.ServiceUrl, PollInterval = TimeSpan.FromMilliseconds(50),
                    MaxPollInterval = TimeSpan.FromMilliseconds(200),
                },
                sp.GetRequiredService<ILogger<OutboxWorker>>(), sp.GetRequiredService<TimeProvider>());
        }));

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public string Token()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(OpenId.Key.Rsa) { KeyId = OpenId.Key.Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Posts an activity to /api/messages with a signed Bot Connector token; returns the invoke body (or null).</summary>
    public async Task<JsonObject?> PostActivityAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
    }

    /// <summary>An "adaptiveCard/action" invoke from <paramref name="staffId"/>'s personal chat, on the message <paramref name="replyToId"/>.</summary>
    public async Task<JsonObject> InvokeAsync(string staffId, string verb, JsonObject data, string? replyToId = null)
    {
        var activity = TestActivities.Invoke(staffId, verb, data);
        if (replyToId is not null) activity["replyToId"] = replyToId;
        var body = await PostActivityAsync(activity);
        Assert.NotNull(body);
        return body!;
    }

    public async Task<IReadOnlyList<DevInboxEntity>> InboxAsync(string staffId) =>
        await Service<DevInboxStore>().ListAsync(TestActivities.Aad(staffId), 50, CancellationToken.None);

    /// <summary>Waits until the user's dev inbox holds <paramref name="count"/> messages containing <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<DevInboxEntity>> WaitForInboxAsync(string staffId, string text, int count = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var rows = (await InboxAsync(staffId)).Where(r => Text(r.ReadActivity()).Contains(text, StringComparison.Ordinal)).ToList();
            if (rows.Count >= count || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(100);
        }
    }

    public HttpClient As(string staffId) => ClientAs(staffId);

    public async Task<JsonObject> MeasureAsync(string number) =>
        (await As("koord-weber").GetFromJsonAsync<JsonObject>($"/api/measures/{number}"))!;

    /// <summary>The card of an invoke response ({statusCode: 200, type: card, value: card}).</summary>
    public static JsonObject Card(JsonObject invokeBody)
    {
        Assert.True((int?)invokeBody["statusCode"] == 200, invokeBody.ToJsonString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invokeBody["type"]);
        return invokeBody["value"]!.AsObject();
    }

    /// <summary>All Action.Execute actions in a card, also inside ShowCard sub-cards.</summary>
    public static IEnumerable<JsonObject> Executes(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.Where(p => p.Key != "fallback" && p.Key != "refresh").SelectMany(p => Executes(p.Value)),
        JsonArray a => a.SelectMany(Executes),
        _ => [],
    };

    public static JsonObject ExecuteData(JsonNode card, string verb) =>
        Executes(card).First(a => (string?)a["verb"] == verb)["data"]!.DeepClone().AsObject();

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON text with umlauts and dashes as they are (for substring checks).</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Unescaped) ?? "";

    public static JsonNode? AttachmentCard(DevInboxEntity row) => row.ReadActivity()["attachments"]?[0]?["content"];
}

/// <summary>The same app on a real Kestrel port, for the browser (the in-memory TestServer has no socket).</summary>
public sealed class FreePlacesKestrelFactory : FreePlacesAppFactory
{
    public string BaseUrl { get; private set; } = "";

    public override Task InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The browser talks to the app's own dev issuer (the default in Development), not to the test OpenID server.
        builder.UseSetting("Bot:AppId", "");
        builder.UseSetting("Bot:OpenIdMetadataUrl", "");
    }
}
