using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// A local stand-in for Entra ID (login.microsoftonline.com): OpenID metadata of the v2.0 endpoint and a JWKS with
/// this test's own RSA key, on a free loopback port.
/// </summary>
public sealed class FakeEntraId : IAsyncDisposable
{
    private WebApplication? _app;

    public RSA Key { get; } = RSA.Create(2048);
    public string Kid { get; } = "entra-test-key";
    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/common/v2.0/.well-known/openid-configuration";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["authorization_endpoint"] = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            ["token_endpoint"] = "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            ["jwks_uri"] = BaseUrl + "/common/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/common/discovery/v2.0/keys", () =>
        {
            var p = Key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = Kid, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>The app in Production: no demo login; Teams SSO tokens validated against <see cref="FakeEntraId"/>.</summary>
public sealed class TabProductionFactory : AppFactory, IAsyncLifetime
{
    public const string Tenant = "6f1c3d2b-0a9e-4b8f-9c7d-2e5a4b3c1d0f";
    public const string ClientId = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d";

    protected override string Environment => "Production";

    public FakeEntraId Entra { get; } = new();

    public Task InitializeAsync() => Entra.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Entra.DisposeAsync();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:MetadataUrl", Entra.MetadataUrl);
        builder.UseSetting("Auth:Audience", ClientId);
        builder.UseSetting("Auth:TenantId", Tenant);
    }

    /// <summary>A token as Teams SSO (authentication.getAuthToken) gets it for the tab: v2.0, aud = client id, scope access_as_user.</summary>
    public string Token(string staffId, string audience = ClientId, string tenant = Tenant, string? issuerTenant = null, TimeSpan? expiresIn = null,
        RSA? signWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0",
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tenant, ["oid"] = DigestTestSupport.Aad(staffId), ["scp"] = "access_as_user", ["ver"] = "2.0",
                ["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", // the Teams web client
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? Entra.Key) { KeyId = Entra.Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}

/// <summary>R-SEC-3: the tab API accepts only valid Teams SSO tokens of the Jobcenter's tenant (401 otherwise).</summary>
public sealed class TabAuthTests(TabProductionFactory app) : IClassFixture<TabProductionFactory>
{
    private const string Week = "/api/digest/weeks/current";

    [Fact]
    public async Task Valid_sso_token_of_a_coordinator_opens_the_week()
    {
        var res = await app.GetAsync(Week, app.Token("koord-weber"));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("\"week\":\"2026-W47\"", await res.Content.ReadAsStringAsync());
        var me = await app.GetAsync("/api/digest/me", app.Token("koord-weber"));
        Assert.Contains("Julia Weber", await me.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_audience_is_401()
    {
        var res = await app.GetAsync(Week, app.Token("koord-weber", audience: "api://evil.example/11111111-2222-3333-4444-555555555555"));
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Contains("not_authenticated", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Expired_token_is_401_beyond_the_five_minutes_clock_skew()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(Week, app.Token("koord-weber", expiresIn: TimeSpan.FromMinutes(-6)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync(Week, app.Token("koord-weber", expiresIn: TimeSpan.FromMinutes(-2)))).StatusCode);
    }

    [Fact]
    public async Task Token_of_another_tenant_is_401()
    {
        const string other = "0b2e4c6d-8f1a-4b3c-9d5e-7f9a1b3c5d7e";
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(Week, app.Token("koord-weber", tenant: other))).StatusCode);
        // Issuer of the right tenant but tid of another (or the other way round): refused as well.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(Week, app.Token("koord-weber", tenant: other, issuerTenant: TabProductionFactory.Tenant))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(Week, app.Token("koord-weber", issuerTenant: other))).StatusCode);
    }

    [Fact]
    public async Task No_token_a_forged_signature_or_the_dev_header_are_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(Week, null)).StatusCode);
        using var otherKey = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(Week, app.Token("koord-weber", signWith: otherKey))).StatusCode);
        var devHeader = app.CreateClient();
        devHeader.DefaultRequestHeaders.Add("X-Dev-User", "koord-weber");
        Assert.Equal(HttpStatusCode.Unauthorized, (await devHeader.GetAsync(Week)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await devHeader.GetAsync("/api/dev/users")).StatusCode);
        // The page itself is served without a token (it signs in with Teams SSO), and says there is no demo login.
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/tab", null)).StatusCode);
        Assert.Contains("\"devLogin\":false", await (await app.GetAsync("/api/digest/env", null)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Valid_token_of_an_IFK_reads_the_history_but_may_not_edit_or_publish()
    {
        var token = app.Token("ifk-anna-zimmermann");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.GetAsync(Week, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/digest/history", token)).StatusCode);
    }
}
