using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.DevInbox;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Creates the one <see cref="BotAuthenticator"/> on first use. With the dev stand-ins (Development) its app id
/// defaults to <see cref="DevBotDefaults.AppId"/> and its metadata URL to the
/// app's own dev issuer (<see cref="DevIssuer.MetadataPath"/> on the address the server listens on), which is only
/// known once the server runs; elsewhere it is Bot:OpenIdMetadataUrl or login.botframework.com.
/// </summary>
public sealed class BotAuthenticatorProvider(IOptions<BotOptions> options, IHostEnvironment env, IConfiguration config, IServer server,
    IHttpClientFactory httpClients, TimeProvider time, ILogger<BotAuthenticatorProvider> log)
{
    public const string HttpClientName = "TeamsAmdl.Bot.OpenId";

    private readonly Lock _gate = new();
    private BotAuthenticator? _authenticator;

    /// <summary>The authenticator, or null when the bot is not configured (Bot:AppId missing outside Development).</summary>
    public BotAuthenticator? Get()
    {
        lock (_gate)
        {
            if (_authenticator is not null) return _authenticator;
            var o = options.Value;
            var dev = BotOptions.UseDevStandIns(env, config);
            var appId = !string.IsNullOrWhiteSpace(o.AppId) ? o.AppId : dev ? DevBotDefaults.AppId : null;
            if (appId is null) return null;
            var metadata = !string.IsNullOrWhiteSpace(o.OpenIdMetadataUrl) ? o.OpenIdMetadataUrl
                : dev ? SelfBaseUrl() + DevIssuer.MetadataPath
                : BotAuthOptions.DefaultOpenIdMetadataUrl;
            log.LogInformation("Bot authentication: app id {AppId}, OpenID metadata {MetadataUrl}", appId, metadata);
            _authenticator = new BotAuthenticator(new BotAuthOptions
            {
                AppId = appId,
                TenantId = string.IsNullOrWhiteSpace(o.TenantId) ? null : o.TenantId,
                OpenIdMetadataUrl = metadata,
                AllowedChannels = o.AllowedChannels,
                // Only the dev issuer on this machine is plain http; everything else must be https.
                RequireHttpsMetadata = !(dev && metadata.StartsWith("http://", StringComparison.OrdinalIgnoreCase)),
            }, httpClients.CreateClient(HttpClientName), time);
            return _authenticator;
        }
    }

    /// <summary>Where this process listens, as a URL it can call itself on (wildcard hosts become loopback).</summary>
    public string SelfBaseUrl()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null) return "http://localhost"; // in-memory test server: no socket, the tests configure Bot:OpenIdMetadataUrl
        return address.TrimEnd('/')
            .Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://[::]:", "://[::1]:", StringComparison.Ordinal);
    }
}
