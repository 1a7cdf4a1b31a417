using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Settings of the Teams bot (configuration section "Bot"). In Development every value has a working default:
/// the app id is <see cref="DevBotDefaults.AppId"/>, tokens come from the in-process dev issuer and outbound
/// activities go to the dev inbox.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's Microsoft app id (Entra app registration or user-assigned managed identity client id).</summary>
    public string? AppId { get; set; }

    /// <summary>Tenant of the Jobcenter; activities of other tenants are refused (403). Also the tenant of the client secret credential.</summary>
    public string? TenantId { get; set; }

    /// <summary>Client secret of the app registration (Key Vault reference in Azure). Without it a managed identity is used.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Client id of the user-assigned managed identity used to get Bot Connector tokens; defaults to <see cref="AppId"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// OpenID metadata of the Bot Connector. Production default: login.botframework.com. Development default: the
    /// app's own dev issuer (/dev/botframework/.well-known/openidconfiguration).
    /// </summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>Channels the bot accepts; Teams only.</summary>
    public string[] AllowedChannels { get; set; } = ["msteams"];

    /// <summary>Display name of the bot in outbound activities.</summary>
    public string Name { get; set; } = "TeamsAmdl";

    /// <summary>
    /// Development only: the dev issuer, dev connector and /dev/inbox (default on). Set to false to talk to real
    /// Teams from a developer machine (dev tunnel) with real Bot:* settings. Outside Development the stand-ins
    /// never exist, whatever this says.
    /// </summary>
    public bool DevStandIns { get; set; } = true;

    /// <summary>
    /// Development only (default off): the Microsoft 365 Agents Playground as a second local chat client
    /// (Playground/README.md). Outside Development the start refuses it and the messaging endpoint ignores it.
    /// </summary>
    public bool Playground { get; set; }

    /// <summary>Where the outbox creates personal chats for users it has no conversation with yet (Teams, EMEA).</summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/emea/";

    /// <summary>
    /// The app's id in the Teams manifest (manifest/manifest.json "id"). With it, a message whose delivery is in
    /// doubt after a crash is looked for in the user's chat through Microsoft Graph before anything is sent again
    /// (app permissions Chat.Read.All and TeamsAppInstallation.ReadForUser.All for the bot's app registration).
    /// </summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Microsoft Graph endpoint for that read-back.</summary>
    public string GraphBaseUrl { get; set; } = GraphDeliveryReadBack.DefaultGraphBaseUrl;

    /// <summary>What happens to an in-doubt message when it cannot be read back (no Bot:TeamsAppId, or no card): Resend or Park.</summary>
    public InDoubtPolicy InDoubt { get; set; } = InDoubtPolicy.Resend;


    public string EffectiveAppId => string.IsNullOrWhiteSpace(AppId) ? DevBotDefaults.AppId : AppId;

    public string EffectiveTenantId => string.IsNullOrWhiteSpace(TenantId) ? DevBotDefaults.TenantId : TenantId;

    /// <summary>Whether anybody can send as the bot: the dev stand-ins, or a configured Bot:AppId (Production before that has nobody).</summary>
    public static bool CanSend(IHostEnvironment env, IConfiguration config) =>
        UseDevStandIns(env, config) || !string.IsNullOrWhiteSpace(config[$"{Section}:{nameof(AppId)}"]);

    public static bool UseDevStandIns(IHostEnvironment env, IConfiguration config) =>
        env.IsDevelopment() && config.GetValue($"{Section}:{nameof(DevStandIns)}", true);
}

/// <summary>Development defaults: a fixed, obviously fake app id and tenant for the dev issuer and the dev inbox.</summary>
public static class DevBotDefaults
{
    public const string AppId = "00000000-0000-0000-0000-00000000b07d";
    public const string TenantId = "00000000-0000-0000-0000-0000000de7e0";
}
