using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// The bot's sending side as the free-place feature uses it, resolved on first use: without a bot identity
/// (Production before Bot:AppId is set) the connector cannot be built, and requests, exits and subscriptions must
/// still work — only the cards then cannot go out (<see cref="IsConfigured"/>).
/// </summary>
public sealed class FreePlacesBot(Lazy<Proactive> proactive, Lazy<IBotMessageSender> sender, IHostEnvironment env, IConfiguration config)
{
    /// <summary>Whether the app can send as the bot: the development stand-ins, or a configured Bot:AppId.</summary>
    public bool IsConfigured { get; } = CanSend(env, config);

    public Proactive Proactive => proactive.Value;

    public IBotMessageSender Sender => sender.Value;

    public static bool CanSend(IHostEnvironment env, IConfiguration config) => BotOptions.CanSend(env, config);
}
