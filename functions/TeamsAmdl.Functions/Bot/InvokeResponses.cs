using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Bodies of the answer to an "adaptiveCard/action" invoke (Universal Actions, AdaptiveCardInvokeResponse): the
/// HTTP status is always 200, the outcome is in statusCode/type/value.
/// <list type="bullet">
/// <item>card: {statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card}</item>
/// <item>message: {statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "text"}</item>
/// <item>error: {statusCode: 400|500, type: "application/vnd.microsoft.error", value: {code, message}}</item>
/// </list>
/// </summary>
public static class InvokeResponses
{
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Umlauts as they are; the body is stored by the idempotency guard and replayed byte for byte.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The card with a fresh requestId in every Action.Execute (see <see cref="CardRequestIds"/>).</summary>
    public static JsonObject ForCard(AdaptiveCard card)
    {
        var body = CardInvokeResponse.ForCard(card);
        CardRequestIds.Stamp(body["value"]!.AsObject());
        return body;
    }

    public static JsonObject ForMessage(string text) => CardInvokeResponse.ForMessage(text);

    public static JsonObject Error(int statusCode, string code, string germanMessage) => new()
    {
        ["statusCode"] = statusCode,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = germanMessage },
    };

    public static JsonObject BadRequest(string code, string germanMessage) => Error(400, code, germanMessage);

    public static JsonObject From(CardActionResult result) => result switch
    {
        CardActionResult.CardResult c => ForCard(c.ReplacementCard),
        CardActionResult.MessageResult m => ForMessage(m.Text),
        CardActionResult.ErrorResult e => BadRequest(e.Code, e.GermanMessage),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static string Serialize(JsonObject body) => body.ToJsonString(Json);

    public static IResult ToHttp(string body) => Results.Content(body, "application/json; charset=utf-8", statusCode: 200);
}

/// <summary>
/// Gives every Action.Execute of a card its own "requestId" in data (and the same id in its Action.Submit
/// fallback), so that the bot recognises a repeated delivery of the same click: Teams retries and double clicks
/// carry the same id, a click on the next card carries a new one. Refresh actions are left alone: they are meant
/// to run every time the card is shown.
/// </summary>
public static class CardRequestIds
{
    public const string Key = "requestId";

    public static void Stamp(JsonObject card, Func<string>? newId = null)
    {
        newId ??= () => Guid.NewGuid().ToString("N");
        Walk(card, newId);
    }

    private static void Walk(JsonNode? node, Func<string> newId)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValueKind() == JsonValueKind.String && (string?)obj["type"] == "Action.Execute")
                {
                    var id = newId();
                    SetId(obj, id);
                    if (obj["fallback"] is JsonObject fallback && (string?)fallback["type"] == "Action.Submit")
                        SetId(fallback, id);
                }
                foreach (var (name, child) in obj.ToList())
                {
                    if (name == "refresh") continue;
                    Walk(child, newId);
                }
                break;
            case JsonArray array:
                foreach (var child in array) Walk(child, newId);
                break;
        }
    }

    private static void SetId(JsonObject action, string id)
    {
        if (action["data"] is not JsonObject data)
        {
            data = new JsonObject();
            action["data"] = data;
        }
        data[Key] = id;
    }
}
