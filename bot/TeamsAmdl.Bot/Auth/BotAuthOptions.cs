namespace TeamsAmdl.Bot;

/// <summary>Settings for <see cref="BotAuthenticator"/> (inbound "connector to bot" authentication).</summary>
public sealed class BotAuthOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft app id; inbound tokens must carry it as audience.</summary>
    public string AppId { get; set; } = "";

    /// <summary>
    /// If set, only activities whose conversation.tenantId (or channelData.tenant.id) equals this tenant are
    /// accepted; others get 403. Leave empty to accept every tenant.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Connector; its jwks_uri lists the signing keys with their endorsements.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>If set, only these channel ids are accepted (e.g. "msteams"); others get 403. Endorsement is required either way.</summary>
    public IReadOnlyCollection<string>? AllowedChannels { get; set; }

    /// <summary>Whether metadata and keys must be fetched over HTTPS. Only tests against a local server turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
