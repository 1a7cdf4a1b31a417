using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsAmdl.Cards;

/// <summary>
/// An Adaptive Card, schema version 1.5 (the version Teams renders). Only <see cref="AdaptiveCardBuilder"/> creates
/// cards, and it checks them (unique ids, required inputs with label and error message, ...) before handing one out.
/// </summary>
public sealed class AdaptiveCard
{
    /// <summary>Content type of a card attachment (Bot Framework activity, invoke response, Graph chat message).</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The one schema version the builders produce.</summary>
    public const string SchemaVersion = "1.5";

    internal AdaptiveCard(IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions, Refresh? refresh,
        TeamsCardProperties? msTeams, string? fallbackText, string? speak)
    {
        Body = body;
        Actions = actions;
        Refresh = refresh;
        MsTeams = msTeams;
        FallbackText = fallbackText;
        Speak = speak;
    }

    [JsonPropertyOrder(-30)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-29)]
    [JsonPropertyName("$schema")]
    public string Schema => SchemaUrl;

    [JsonPropertyOrder(-28)]
    public string Version => SchemaVersion;

    /// <summary>Shown by clients that cannot render the card at all.</summary>
    [JsonPropertyOrder(-27)]
    public string? FallbackText { get; }

    [JsonPropertyOrder(-26)]
    public string? Speak { get; }

    /// <summary>Teams-specific properties ("msteams": {"width": "Full"}).</summary>
    [JsonPropertyOrder(-25)]
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; }

    [JsonPropertyOrder(-24)]
    public Refresh? Refresh { get; }

    [JsonPropertyOrder(90)]
    public IReadOnlyList<CardElement> Body { get; }

    [JsonPropertyOrder(91)]
    public IReadOnlyList<CardAction>? Actions { get; }

    /// <summary>Starts a new card.</summary>
    public static AdaptiveCardBuilder Create() => new();

    /// <summary>The card as JSON text (compact by default).</summary>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? CardJson.IndentedOptions : CardJson.Options);

    /// <summary>The card as a mutable JSON object, e.g. to embed it into an activity you build as JSON.</summary>
    public JsonObject ToJsonObject() => CardJson.ToObject(this);

    /// <summary>The card as a message attachment: {"contentType": "application/vnd.microsoft.card.adaptive", "content": {...}}.</summary>
    public CardAttachment ToAttachment() => new(ContentType, ToJsonObject());

    public override string ToString() => ToJson(indented: true);
}

/// <summary>The "msteams" property of a card.</summary>
public sealed record TeamsCardProperties
{
    /// <summary>"Full" stretches the card over the whole message width in Teams.</summary>
    public string? Width { get; init; }

    public static TeamsCardProperties FullWidth { get; } = new() { Width = "Full" };
}

/// <summary>A Bot Framework attachment carrying a card; serializes as {"contentType": ..., "content": {...}}.</summary>
public sealed record CardAttachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] JsonObject Content);

/// <summary>
/// Bodies of the invoke response to an Action.Execute ("adaptiveCard/action" invoke). Return it with HTTP 200 as
/// the invoke response body: Teams replaces the card (<see cref="ForCard"/>) or shows a short message (<see cref="ForMessage"/>).
/// </summary>
public static class CardInvokeResponse
{
    public const string MessageContentType = "application/vnd.microsoft.activity.message";

    public static JsonObject ForCard(AdaptiveCard card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCard.ContentType,
        ["value"] = card.ToJsonObject(),
    };

    public static JsonObject ForMessage(string message) => new()
    {
        ["statusCode"] = 200,
        ["type"] = MessageContentType,
        ["value"] = message,
    };
}

/// <summary>
/// Builds a card: add elements and actions, then <see cref="Build"/>, which checks the card and throws
/// <see cref="CardValidationException"/> for anything the Teams renderer would reject or misrender.
/// </summary>
public sealed class AdaptiveCardBuilder
{
    private readonly List<CardElement> _body = [];
    private readonly List<CardAction> _actions = [];
    private Refresh? _refresh;
    private TeamsCardProperties? _msTeams;
    private string? _fallbackText;
    private string? _speak;

    internal AdaptiveCardBuilder() { }

    public AdaptiveCardBuilder Add(params CardElement[] elements) => AddRange(elements);

    public AdaptiveCardBuilder AddRange(IEnumerable<CardElement> elements)
    {
        foreach (var e in elements)
            _body.Add(e ?? throw new ArgumentNullException(nameof(elements), "A card element is null."));
        return this;
    }

    /// <summary>Adds elements only when <paramref name="condition"/> holds (keeps builder chains linear).</summary>
    public AdaptiveCardBuilder AddIf(bool condition, params CardElement[] elements) => condition ? AddRange(elements) : this;

    public AdaptiveCardBuilder AddAction(params CardAction[] actions)
    {
        foreach (var a in actions)
            _actions.Add(a ?? throw new ArgumentNullException(nameof(actions), "An action is null."));
        return this;
    }

    public AdaptiveCardBuilder AddActionIf(bool condition, params CardAction[] actions) => condition ? AddAction(actions) : this;

    /// <summary>User-specific views: Teams runs the refresh action for the listed users (see <see cref="Cards.Refresh"/>).</summary>
    public AdaptiveCardBuilder WithRefresh(Refresh refresh)
    {
        _refresh = refresh ?? throw new ArgumentNullException(nameof(refresh));
        return this;
    }

    /// <summary>Stretch the card over the full message width in Teams.</summary>
    public AdaptiveCardBuilder FullWidth(bool fullWidth = true)
    {
        _msTeams = fullWidth ? TeamsCardProperties.FullWidth : null;
        return this;
    }

    public AdaptiveCardBuilder WithFallbackText(string fallbackText)
    {
        _fallbackText = fallbackText;
        return this;
    }

    public AdaptiveCardBuilder WithSpeak(string speak)
    {
        _speak = speak;
        return this;
    }

    /// <summary>Checks the card and returns it; throws <see cref="CardValidationException"/> listing every problem.</summary>
    public AdaptiveCard Build()
    {
        var card = new AdaptiveCard(_body.ToArray(), _actions.Count == 0 ? null : _actions.ToArray(), _refresh, _msTeams,
            _fallbackText, _speak);
        CardValidator.ThrowIfInvalid(card);
        return card;
    }
}
