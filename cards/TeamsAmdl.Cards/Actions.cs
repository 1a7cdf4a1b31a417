using System.Text.Json.Serialization;

namespace TeamsAmdl.Cards;

/// <summary>Base of the actions (card actions, ShowCard, refresh). Serialized polymorphically by "type".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    protected CardAction(string title)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("An action needs a title.", nameof(title));
        Title = title;
    }

    [JsonPropertyOrder(-10)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-9)]
    public string Title { get; init; }

    [JsonPropertyOrder(-8)]
    public ActionStyle? Style { get; init; }
}

/// <summary>
/// Action.Execute (Universal Actions, 1.4+): Teams sends an adaptiveCard/action invoke with <see cref="Verb"/> and
/// <see cref="Data"/> (plus the inputs) to the bot, which answers with a replacement card. By default it carries a
/// <see cref="Fallback"/> Action.Submit with the same data plus "verb", so clients without Universal Actions
/// still reach the bot (as a message activity whose value holds the data).
/// </summary>
public sealed record ExecuteAction : CardAction
{
    public const string VerbDataKey = "verb";

    public ExecuteAction(string verb, string title) : base(title)
    {
        if (string.IsNullOrWhiteSpace(verb)) throw new ArgumentException("Action.Execute needs a verb.", nameof(verb));
        Verb = verb;
    }

    public string Verb { get; init; }

    /// <summary>Sent to the bot with the action; keys are written exactly as given.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }

    /// <summary>Whether to write the Action.Submit fallback (on by default; refresh actions don't need it).</summary>
    [JsonIgnore]
    public bool WithSubmitFallback { get; init; } = true;

    /// <summary>The Action.Submit for older clients: same title, style, inputs, data plus "verb".</summary>
    [JsonPropertyOrder(100)]
    public CardAction? Fallback => WithSubmitFallback
        ? new SubmitAction(Title) { Style = Style, AssociatedInputs = AssociatedInputs, Data = DataWithVerb() }
        : null;

    internal IReadOnlyDictionary<string, object?> DataWithVerb()
    {
        var data = new Dictionary<string, object?>(Data ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        if (data.TryGetValue(VerbDataKey, out var existing) && !Equals(existing as string, Verb))
            throw new CardValidationException($"Action.Execute '{Verb}': data key '{VerbDataKey}' is reserved for the verb of the Action.Submit fallback.");
        data[VerbDataKey] = Verb;
        return data;
    }
}

/// <summary>Action.Submit: posts data (and inputs) to the bot as a message. Prefer <see cref="ExecuteAction"/>.</summary>
public sealed record SubmitAction : CardAction
{
    public SubmitAction(string title) : base(title) { }

    public IReadOnlyDictionary<string, object?>? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>Opens an absolute http(s) URL (or a Teams deep link https://teams.microsoft.com/l/...).</summary>
public sealed record OpenUrlAction : CardAction
{
    public OpenUrlAction(string title, string url) : base(title) => Url = url;

    public string Url { get; init; }
}

/// <summary>Shows a nested card below the actions (e.g. a small form).</summary>
public sealed record ShowCardAction : CardAction
{
    public ShowCardAction(string title, AdaptiveCard card) : base(title) => Card = card ?? throw new ArgumentNullException(nameof(card));

    public AdaptiveCard Card { get; init; }
}

/// <summary>
/// Refresh (1.4+): Teams runs <see cref="Action"/> automatically when one of <see cref="UserIds"/> (Teams user MRIs
/// or AAD object ids, at most 60) opens the card, and shows the bot's answer only to that user - the way to give
/// each user their own view of a shared card. Without user ids, Teams shows a manual "refresh" only.
/// </summary>
public sealed record Refresh
{
    public const int MaxUserIds = 60;

    public Refresh(ExecuteAction action, IReadOnlyList<string>? userIds = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Action = action with { WithSubmitFallback = false };
        UserIds = userIds;
    }

    /// <summary>Always an Action.Execute (typed as the base so that "type" is written).</summary>
    public CardAction Action { get; }

    public IReadOnlyList<string>? UserIds { get; }

    public static Refresh ForUsers(string verb, IReadOnlyList<string> userIds, IReadOnlyDictionary<string, object?>? data = null) =>
        new(new ExecuteAction(verb, CardTexts.Common.Refresh) { Data = data }, userIds);
}
