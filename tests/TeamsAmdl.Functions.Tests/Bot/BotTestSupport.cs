using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Seeding;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>An RSA signing key as the Bot Framework JWKS lists it (kid, endorsements).</summary>
public sealed class TestSigningKey(string kid, params string[] endorsements)
{
    public string Kid { get; } = kid;
    public RSA Rsa { get; } = RSA.Create(2048);

    public object ToJwk()
    {
        var p = Rsa.ExportParameters(includePrivateParameters: false);
        return new { kty = "RSA", use = "sig", kid = Kid, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements };
    }
}

/// <summary>A local stand-in for login.botframework.com on a free loopback port: OpenID metadata + JWKS.</summary>
/// <param name="endorsements">Channels the key is endorsed for (default: Teams only).</param>
public sealed class TestOpenIdServer(params string[] endorsements) : IAsyncDisposable
{
    private WebApplication? _app;

    public TestSigningKey Key { get; } = new("test-key-1", endorsements.Length == 0 ? ["msteams"] : endorsements);
    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        _app.MapGet("/v1/.well-known/keys", () => Results.Json(new { keys = new[] { Key.ToJwk() } }));
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>
/// The app (Development, dev connector) on Azurite whose BotAuthenticator trusts <see cref="OpenId"/>; adds a
/// slow test verb that counts its runs, to see the idempotency guard under concurrency.
/// </summary>
public class BotAppFactory : AppFactory, IAsyncLifetime
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public BotAppFactory() => OpenId = new TestOpenIdServer(Endorsements);

    /// <summary>Channels the test key signs for.</summary>
    protected virtual string[] Endorsements => ["msteams"];

    public TestOpenIdServer OpenId { get; }
    public CountingHandler Counting { get; } = new();

    public Task InitializeAsync() => OpenId.StartAsync();

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
        builder.ConfigureServices(s => s.AddSingleton<ICardActionHandler>(Counting));
    }

    /// <summary>A Bot Connector token signed by the test key (every field can be bent for negative cases).</summary>
    public string Token(string? audience = AppId, string serviceUrl = ServiceUrl, RSA? signWith = null, string issuer = "https://api.botframework.com")
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? OpenId.Key.Rsa) { KeyId = OpenId.Key.Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async Task<HttpResponseMessage> PostAsync(object activity, string? token = "")
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity as string ?? JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        token = token == "" ? Token() : token;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}

/// <summary>Verb "test-count": counts how often it runs (slowly, so that concurrent deliveries overlap).</summary>
public sealed class CountingHandler : ICardActionHandler
{
    private int _runs;
    public string Verb => "test-count";
    public int Runs => Volatile.Read(ref _runs);

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var run = Interlocked.Increment(ref _runs);
        await Task.Delay(300, ct);
        return CardActionResult.Message($"run {run}");
    }
}

/// <summary>Activities as Teams sends them from a demo user's personal chat.</summary>
public static class TestActivities
{
    public static string Aad(string staffId) => DemoData.Staff.Single(s => s.Id == staffId).AadObjectId!;

    public static JsonObject Base(string type, string staffId, string serviceUrl = BotAppFactory.ServiceUrl, string? id = null)
    {
        var staff = DemoData.Staff.Single(s => s.Id == staffId);
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? "act-" + Guid.NewGuid().ToString("N")[..12],
            ["timestamp"] = "2026-11-21T10:00:00Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + staff.Id, ["name"] = staff.DisplayName, ["aadObjectId"] = staff.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:" + BotAppFactory.AppId, ["name"] = "TeamsAmdl" },
            ["conversation"] = new JsonObject
            {
                ["id"] = "a:personal-" + staff.Id, ["conversationType"] = "personal", ["tenantId"] = "tenant-1",
            },
        };
    }

    public static JsonObject Install(string staffId, string? id = null)
    {
        var a = Base("installationUpdate", staffId, id: id);
        a["action"] = "add";
        return a;
    }

    public static JsonObject Invoke(string staffId, string verb, JsonObject? data = null, string? id = null)
    {
        var a = Base("invoke", staffId, id: id);
        a["name"] = "adaptiveCard/action";
        a["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        return a;
    }
}
