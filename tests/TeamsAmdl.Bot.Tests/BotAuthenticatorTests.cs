using System.Text.Json;
using TeamsAmdl.Bot.Tests.Support;

namespace TeamsAmdl.Bot.Tests;

public sealed class BotAuthenticatorFixture : IAsyncLifetime
{
    internal TestSigningKey TeamsKey { get; } = new("teams-key", "msteams", "webchat");
    internal TestSigningKey WebChatOnlyKey { get; } = new("webchat-key", "webchat");
    internal OpenIdTestServer Server { get; private set; } = null!;
    internal BotAuthenticator Authenticator { get; private set; } = null!;

    internal BotAuthOptions Options(Action<BotAuthOptions>? change = null)
    {
        var options = new BotAuthOptions { AppId = TestTokens.AppId, OpenIdMetadataUrl = Server.MetadataUrl, RequireHttpsMetadata = false };
        change?.Invoke(options);
        return options;
    }

    public async Task InitializeAsync()
    {
        Server = await OpenIdTestServer.StartAsync(TeamsKey, WebChatOnlyKey);
        Authenticator = new BotAuthenticator(Options());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class BotAuthenticatorTests(BotAuthenticatorFixture fixture) : IClassFixture<BotAuthenticatorFixture>
{
    private static Activity TeamsActivity(string serviceUrl = TestTokens.ServiceUrl, string channelId = "msteams", string? tenantId = "tenant-a") => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ServiceUrl = serviceUrl,
        ChannelId = channelId,
        Conversation = new ConversationAccount { Id = "a:conv", TenantId = tenantId },
        Text = "Hallo",
    };

    private Task<AuthResult> Authenticate(string? header, Activity? activity = null, BotAuthenticator? authenticator = null) =>
        (authenticator ?? fixture.Authenticator).AuthenticateAsync(header, activity ?? TeamsActivity());

    private static void AssertRejected(AuthResult result, int status, AuthFailure failure)
    {
        Assert.False(result.Succeeded, "expected rejection");
        Assert.Equal(status, result.Status);
        Assert.Equal(failure, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Valid_token_is_accepted_with_its_claims()
    {
        var result = await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(200, result.Status);
        Assert.Equal(AuthFailure.None, result.Failure);
        Assert.Equal(TestTokens.AppId, result.Identity!.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task Camel_case_serviceUrl_claim_is_accepted_too()
    {
        var result = await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey, serviceUrlClaim: "serviceUrl"));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Wrong_audience_is_rejected() =>
        AssertRejected(await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey, audience: "another-bot")), 401, AuthFailure.InvalidAudience);

    [Fact]
    public async Task Wrong_issuer_is_rejected() =>
        AssertRejected(await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey, issuer: "https://sts.windows.net/evil/")), 401, AuthFailure.InvalidIssuer);

    [Fact]
    public async Task Token_expired_beyond_clock_skew_is_rejected()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(fixture.TeamsKey, notBefore: now.AddHours(-1), expires: now.AddMinutes(-6));

        AssertRejected(await Authenticate("Bearer " + token), 401, AuthFailure.Expired);
    }

    [Fact]
    public async Task Token_expired_within_clock_skew_is_accepted()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(fixture.TeamsKey, notBefore: now.AddHours(-1), expires: now.AddMinutes(-2));

        var result = await Authenticate("Bearer " + token);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_clock_skew_is_rejected()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(fixture.TeamsKey, notBefore: now.AddMinutes(6), expires: now.AddHours(1));

        AssertRejected(await Authenticate("Bearer " + token), 401, AuthFailure.NotYetValid);
    }

    [Fact]
    public async Task Token_not_yet_valid_within_clock_skew_is_accepted()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Create(fixture.TeamsKey, notBefore: now.AddMinutes(2), expires: now.AddHours(1));

        Assert.True((await Authenticate("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task Lifetime_uses_the_injected_clock()
    {
        var authenticator = new BotAuthenticator(fixture.Options(), timeProvider: new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(2)));

        var result = await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey), authenticator: authenticator);

        AssertRejected(result, 401, AuthFailure.Expired);
    }

    [Fact]
    public async Task Signature_by_another_key_with_the_same_kid_is_rejected()
    {
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        var token = TestTokens.Create(fixture.TeamsKey, signWith: forger);

        AssertRejected(await Authenticate("Bearer " + token), 401, AuthFailure.InvalidSignature);
    }

    [Fact]
    public async Task Unknown_key_id_is_rejected()
    {
        var stranger = new TestSigningKey("stranger-key", "msteams");

        AssertRejected(await Authenticate("Bearer " + TestTokens.Create(stranger)), 401, AuthFailure.UnknownSigningKey);
    }

    [Fact]
    public async Task Key_without_the_channel_endorsement_is_forbidden()
    {
        var token = TestTokens.Create(fixture.WebChatOnlyKey);

        var result = await Authenticate("Bearer " + token);

        AssertRejected(result, 403, AuthFailure.MissingEndorsement);
        Assert.True((await Authenticate("Bearer " + token, TeamsActivity(channelId: "webchat"))).Succeeded, "same key is fine for webchat");
    }

    [Fact]
    public async Task Channel_outside_allowed_channels_is_forbidden()
    {
        var authenticator = new BotAuthenticator(fixture.Options(o => o.AllowedChannels = ["msteams"]));

        var result = await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey), TeamsActivity(channelId: "webchat"), authenticator);

        AssertRejected(result, 403, AuthFailure.ChannelNotAllowed);
    }

    [Fact]
    public async Task ServiceUrl_mismatch_is_forbidden()
    {
        var token = TestTokens.Create(fixture.TeamsKey, serviceUrl: "https://smba.trafficmanager.net/amer/");

        AssertRejected(await Authenticate("Bearer " + token), 403, AuthFailure.ServiceUrlMismatch);
    }

    [Fact]
    public async Task Missing_serviceUrl_claim_is_forbidden() =>
        AssertRejected(await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey, serviceUrl: null)), 403, AuthFailure.ServiceUrlMismatch);

    [Fact]
    public async Task Foreign_tenant_is_forbidden_when_a_tenant_is_configured()
    {
        var authenticator = new BotAuthenticator(fixture.Options(o => o.TenantId = "TENANT-A"));
        var token = "Bearer " + TestTokens.Create(fixture.TeamsKey);

        AssertRejected(await Authenticate(token, TeamsActivity(tenantId: "tenant-b"), authenticator), 403, AuthFailure.TenantNotAllowed);
        Assert.True((await Authenticate(token, TeamsActivity(tenantId: "tenant-a"), authenticator)).Succeeded);

        var viaChannelData = TeamsActivity(tenantId: null);
        viaChannelData.ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-a" } });
        Assert.True((await Authenticate(token, viaChannelData, authenticator)).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_header_is_rejected(string? header) =>
        AssertRejected(await Authenticate(header), 401, AuthFailure.MissingHeader);

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Bearer abc def")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task Malformed_header_is_rejected(string header) =>
        AssertRejected(await Authenticate(header), 401, AuthFailure.MalformedHeader);

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer !!!.###.$$$")]
    public async Task Unreadable_token_is_rejected(string header) =>
        AssertRejected(await Authenticate(header), 401, AuthFailure.MalformedToken);

    [Fact]
    public async Task Unsigned_alg_none_token_is_rejected() =>
        AssertRejected(await Authenticate("Bearer " + TestTokens.CreateUnsigned(fixture.TeamsKey.Kid)), 401, AuthFailure.UnsupportedAlgorithm);

    [Fact]
    public async Task Hs256_token_is_rejected() =>
        AssertRejected(await Authenticate("Bearer " + TestTokens.CreateHs256(fixture.TeamsKey.Kid)), 401, AuthFailure.UnsupportedAlgorithm);

    [Fact]
    public async Task Unreachable_metadata_yields_503_not_an_exception()
    {
        var authenticator = new BotAuthenticator(new BotAuthOptions
        {
            AppId = TestTokens.AppId,
            OpenIdMetadataUrl = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
            RequireHttpsMetadata = false,
        });

        var result = await Authenticate("Bearer " + TestTokens.Create(fixture.TeamsKey), authenticator: authenticator);

        AssertRejected(result, 503, AuthFailure.MetadataUnavailable);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_after_one_refresh_and_refreshes_are_rate_limited()
    {
        var oldKey = new TestSigningKey("old", "msteams");
        await using var server = await OpenIdTestServer.StartAsync(oldKey);
        var authenticator = new BotAuthenticator(new BotAuthOptions { AppId = TestTokens.AppId, OpenIdMetadataUrl = server.MetadataUrl, RequireHttpsMetadata = false });
        Assert.True((await Authenticate("Bearer " + TestTokens.Create(oldKey), authenticator: authenticator)).Succeeded);
        Assert.Equal(1, server.KeyRequests);

        var newKey = new TestSigningKey("new", "msteams");
        server.AddKey(newKey);
        var first = await Authenticate("Bearer " + TestTokens.Create(newKey), authenticator: authenticator);
        AssertRejected(first, 401, AuthFailure.UnknownSigningKey); // cached keys; refresh requested in the background

        var accepted = false;
        for (var i = 0; i < 100 && !accepted; i++)
        {
            await Task.Delay(50);
            accepted = (await Authenticate("Bearer " + TestTokens.Create(newKey), authenticator: authenticator)).Succeeded;
        }
        Assert.True(accepted, "new key not picked up after refresh");
        Assert.Equal(2, server.KeyRequests);

        // Another unknown kid within 5 minutes must not hit the metadata endpoint again.
        AssertRejected(await Authenticate("Bearer " + TestTokens.Create(new TestSigningKey("third", "msteams")), authenticator: authenticator), 401, AuthFailure.UnknownSigningKey);
        await Task.Delay(700);
        Assert.Equal(2, server.KeyRequests);
    }
}
