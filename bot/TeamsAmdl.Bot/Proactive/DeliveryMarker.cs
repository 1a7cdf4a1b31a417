using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsAmdl.Bot;

/// <summary>
/// A per-message marker the outbox puts into every Adaptive Card it sends, so that a message whose delivery is in
/// doubt can be looked for in the chat afterwards (<see cref="IDeliveryReadBack"/>). The marker is a hidden
/// TextBlock (<c>isVisible: false</c>, schema 1.2+) at the end of the card body whose id is derived from the
/// outbox message key: nothing is shown, the card stays schema-valid, and the chat's copy of the card (e.g.
/// Graph chatMessage.attachments[].content) carries it. It names no person: a hash of the key. Every
/// Action.Execute/Action.Submit of the card carries it in its data (<see cref="DataKey"/>) too, so the card a card
/// action answers with can be stamped again (<see cref="FromActionData"/>): the chat's copy keeps the marker when a
/// click replaces the card.
/// </summary>
public static class DeliveryMarker
{
    public const string Prefix = "amdl-delivery-";

    /// <summary>Key of the marker in the data of the card's actions.</summary>
    public const string DataKey = "amdlDelivery";

    /// <summary>The marker of an outbox message key: <see cref="Prefix"/> + 24 hex digits of its SHA-256.</summary>
    public static string For(string messageKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(messageKey));
        return Prefix + Convert.ToHexStringLower(hash, 0, 12);
    }

    /// <summary>
    /// The activity with the marker appended to the body of each Adaptive Card attachment (once: a card that already
    /// carries it is left alone). Returns false, and the activity unchanged, when it has no Adaptive Card to carry it.
    /// </summary>
    public static bool TryStamp(Activity activity, string marker, out Activity stamped)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        stamped = activity;
        if (activity.Attachments is not { Count: > 0 } attachments
            || !attachments.Any(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is not null))
            return false;

        var copy = JsonSerializer.Deserialize<Activity>(ActivitySerializer.SerializeToUtf8Bytes(activity), ActivitySerializer.Options)!;
        foreach (var attachment in copy.Attachments!)
        {
            if (attachment.ContentType != Attachment.AdaptiveCardContentType || attachment.Content is not JsonElement content
                || JsonNode.Parse(content.GetRawText()) is not JsonObject card)
                continue;
            StampCard(card, marker);
            attachment.Content = card;
        }
        stamped = copy;
        return true;
    }

    /// <summary>Puts the marker into a card (in place): the hidden last body element (once) and the data of every action.</summary>
    public static void StampCard(JsonObject card, string marker)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        if (card["body"] is not JsonArray body)
            card["body"] = body = [];
        if (!body.Any(e => e is JsonObject o && o["id"]?.GetValueKind() == JsonValueKind.String && (string?)o["id"] == marker))
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["id"] = marker,
                ["text"] = marker,
                ["isVisible"] = false,
            });
        StampActions(card, marker);
    }

    /// <summary>The marker in a card action's data, when it is one (anything else is ignored).</summary>
    public static string? FromActionData(JsonObject? data) =>
        data?[DataKey] is JsonValue value && value.GetValueKind() == JsonValueKind.String && (string?)value is { } text
        && text.Length == Prefix.Length + 24 && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef") == false
            ? text
            : null;

    private static void StampActions(JsonNode? node, string marker)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && (string?)type is "Action.Execute" or "Action.Submit")
                {
                    if (obj["data"] is null)
                        obj["data"] = new JsonObject();
                    if (obj["data"] is JsonObject data)
                        data[DataKey] = marker;
                }
                foreach (var (_, child) in obj.ToList())
                    StampActions(child, marker);
                break;
            case JsonArray array:
                foreach (var child in array)
                    StampActions(child, marker);
                break;
        }
    }

    /// <summary>Whether a card's JSON (as the chat returns it) carries the marker.</summary>
    public static bool IsIn(string? cardJson, string marker) =>
        !string.IsNullOrEmpty(cardJson) && cardJson.Contains('"' + marker + '"', StringComparison.Ordinal);
}
