using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Handles one Action.Execute verb. Register with <see cref="CardActionServiceCollectionExtensions.AddCardActionHandler{T}"/>;
/// the dispatcher routes both the "adaptiveCard/action" invoke and the Action.Submit fallback (message with value.verb) here.
/// </summary>
/// <remarks>
/// The dispatcher runs a handler at most once per (user, verb, requestId) and replays its stored result for
/// repeated deliveries (<see cref="IdempotencyGuard"/>). A handler that throws leaves no record, so the next
/// delivery runs it again: write state changes so that a re-run after a crash is harmless, e.g. keyed by
/// <see cref="CardActionContext.ActionKey"/> with insert-if-not-exists.
/// </remarks>
public interface ICardActionHandler
{
    string Verb { get; }

    Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct);
}

/// <param name="Activity">The inbound activity (invoke or fallback message).</param>
/// <param name="User">The staff member behind from.aadObjectId.</param>
/// <param name="Verb">The action's verb.</param>
/// <param name="Data">The action's data (including inputs), without "verb" and "requestId".</param>
/// <param name="ActionKey">Stable key of this action delivery: same for retries and double clicks of one card action.</param>
public sealed record CardActionContext(Activity Activity, Staff User, string Verb, JsonObject Data, string ActionKey);

/// <summary>What a handler answers: a replacement card, a short message, or a German error.</summary>
public abstract record CardActionResult
{
    public static CardActionResult Card(AdaptiveCard card) => new CardResult(card);
    public static CardActionResult Message(string germanText) => new MessageResult(germanText);
    public static CardActionResult Error(string code, string germanMessage) => new ErrorResult(code, germanMessage);

    public sealed record CardResult(AdaptiveCard ReplacementCard) : CardActionResult;
    public sealed record MessageResult(string Text) : CardActionResult;
    public sealed record ErrorResult(string Code, string GermanMessage) : CardActionResult;
}

/// <summary>The registered handlers by verb (ordinal, case-sensitive: verbs are identifiers).</summary>
public sealed class CardActionRegistry
{
    private readonly Dictionary<string, ICardActionHandler> _byVerb = new(StringComparer.Ordinal);

    public CardActionRegistry(IEnumerable<ICardActionHandler> handlers)
    {
        foreach (var h in handlers)
        {
            if (!_byVerb.TryAdd(h.Verb, h))
                throw new InvalidOperationException($"Two card action handlers for verb '{h.Verb}': {_byVerb[h.Verb].GetType().Name} and {h.GetType().Name}.");
        }
    }

    public ICardActionHandler? Find(string verb) => _byVerb.GetValueOrDefault(verb);

    public IReadOnlyCollection<string> Verbs => _byVerb.Keys;
}

public static class CardActionServiceCollectionExtensions
{
    public static IServiceCollection AddCardActionHandler<T>(this IServiceCollection services) where T : class, ICardActionHandler =>
        services.AddSingleton<ICardActionHandler, T>();
}
