using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Playground;

/// <summary>
/// Lets the Agents Playground's activities into POST api/messages without a Bot Connector token — only while the
/// playground mode is on (Development, <see cref="PlaygroundSetup.IsOn"/>), only for requests with the header
/// <c>x-ms-agents-playground: true</c> and no Authorization header, and only when the activity's serviceUrl is the
/// playground on this machine (replies go there; a foreign serviceUrl would let anybody make the bot post elsewhere).
/// Everything else, Production always, goes through <see cref="BotAuthenticator"/> (no token: 401).
/// </summary>
public sealed class PlaygroundGate(IHostEnvironment env, IConfiguration config, IOptions<BotOptions> options, ILogger<PlaygroundGate> log)
{
    public const string Header = "x-ms-agents-playground";

    public PlaygroundAdmission Admit(IHeaderDictionary headers, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(activity);
        if (!PlaygroundSetup.IsOn(env, config) // Development with the dev stand-ins only, whatever the setting says elsewhere
            || !string.Equals(headers[Header].ToString(), "true", StringComparison.OrdinalIgnoreCase)
            || !string.IsNullOrEmpty(headers.Authorization.ToString())
            || !PlaygroundSetup.IsPlaygroundServiceUrl(activity.ServiceUrl))
            return PlaygroundAdmission.NotPlayground;

        var o = options.Value;
        var tenant = activity.Conversation?.TenantId;
        // One tenant: the conversation is stored under the tenant the outbox later looks it up with (Bot:TenantId).
        if (!string.Equals(tenant, o.EffectiveTenantId, StringComparison.OrdinalIgnoreCase)
            || !o.AllowedChannels.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            log.LogWarning("Playground activity refused: tenant {Tenant}, channel {ChannelId}", tenant, activity.ChannelId);
            return PlaygroundAdmission.Refused;
        }

        // The playground sends "installationUpdate add" with a new id on every page load; Teams sends one per install.
        // One id per chat lets the welcome guard (keyed by the install's id) greet once.
        if (activity.Type == ActivityTypes.InstallationUpdate && activity.Conversation?.Id is { } conversationId)
            activity.Id = "playground-install:" + conversationId;
        return PlaygroundAdmission.Admitted;
    }
}
