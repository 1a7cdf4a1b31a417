using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Bot;

/// <summary>A card action as delivered: the verb and its data (inputs included), from an invoke or a fallback message.</summary>
public sealed record CardActionRequest(string? Verb, JsonObject Data)
{
    /// <summary>"adaptiveCard/action" invoke: value = {action: {type: "Action.Execute", verb, data}, trigger}.</summary>
    public static CardActionRequest FromInvoke(Activity activity)
    {
        var action = Node(activity.Value)?["action"] as JsonObject;
        return new CardActionRequest(ReadVerb(action?["verb"]), (action?["data"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject());
    }

    /// <summary>Action.Submit fallback: a message whose value is the action's data plus "verb"; null when value has no verb.</summary>
    public static CardActionRequest? FromFallbackMessage(Activity activity)
    {
        if (Node(activity.Value) is not JsonObject value || ReadVerb(value["verb"]) is not { } verb) return null;
        var data = value.DeepClone().AsObject();
        data.Remove("verb");
        return new CardActionRequest(verb, data);
    }

    private static JsonNode? Node(JsonElement? e) => e is { ValueKind: JsonValueKind.Object } v ? JsonNode.Parse(v.GetRawText()) : null;

    private static string? ReadVerb(JsonNode? n) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string?)v) ? ((string)v!).Trim() : null;
}

/// <summary>
/// Runs a card action: maps the user (from.aadObjectId → staff), finds the handler of the verb, and runs it under
/// the <see cref="IdempotencyGuard"/> keyed by (aadObjectId, verb, requestId). Returns the invoke response body
/// (JSON text; see <see cref="InvokeResponses"/>).
/// </summary>
public sealed class CardActionDispatcher(CardActionRegistry registry, StaffRepository staff, IdempotencyGuard guard,
    ILogger<CardActionDispatcher> log)
{
    public async Task<string> DispatchAsync(Activity activity, CardActionRequest request, string correlationId, CancellationToken ct)
    {
        if (request.Verb is null)
            return InvokeResponses.Serialize(InvokeResponses.BadRequest("missing_verb", BotTexts.MissingVerb));

        var aad = activity.From?.AadObjectId;
        var user = string.IsNullOrWhiteSpace(aad) ? null : await staff.FindByAadObjectIdAsync(aad, ct);
        if (user is null)
        {
            log.LogWarning("Card action {Verb} from unknown AAD object id {Aad}", request.Verb, aad);
            return InvokeResponses.Serialize(InvokeResponses.BadRequest("unknown_user", BotTexts.UnknownUser));
        }
        if (!user.Active)
        {
            log.LogWarning("Card action {Verb} from deactivated staff member {StaffId}", request.Verb, user.Id);
            return InvokeResponses.Serialize(InvokeResponses.Error(403, "staff_deactivated", Staffing.StaffTexts.Deactivated));
        }

        var handler = registry.Find(request.Verb);
        if (handler is null)
        {
            log.LogWarning("Unknown card action verb {Verb} from {StaffId}", request.Verb, user.Id);
            return InvokeResponses.Serialize(InvokeResponses.BadRequest("unknown_verb", BotTexts.UnknownVerb(request.Verb)));
        }

        var data = request.Data.DeepClone().AsObject();
        var requestId = data[CardRequestIds.Key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;
        data.Remove(CardRequestIds.Key);
        // A card the outbox sent carries its delivery marker in the action data: the answer card keeps it, so the
        // chat's copy can still be found by the outbox's read-back after this click replaced the card.
        var marker = DeliveryMarker.FromActionData(data);
        data.Remove(DeliveryMarker.DataKey);
        // Without a requestId (a card not stamped by this bot) only a redelivery of the same activity is recognised.
        var key = !string.IsNullOrWhiteSpace(requestId) ? $"{request.Verb}|{requestId}"
            : !string.IsNullOrWhiteSpace(activity.Id) ? $"{request.Verb}|activity:{activity.Id}"
            : $"{request.Verb}|once:{Guid.NewGuid():N}";
        var context = new CardActionContext(activity, user, request.Verb, data, key);

        try
        {
            var outcome = await guard.RunOnceAsync(aad!, key,
                async token =>
                {
                    var response = InvokeResponses.From(await handler.HandleAsync(context, token));
                    if (marker is not null && (string?)response["type"] == Attachment.AdaptiveCardContentType && response["value"] is JsonObject card)
                        DeliveryMarker.StampCard(card, marker);
                    return InvokeResponses.Serialize(response);
                }, ct);
            if (outcome.StillRunning)
                return InvokeResponses.Serialize(InvokeResponses.ForMessage(BotTexts.InProgress));
            if (outcome.Replayed)
                log.LogInformation("Card action {Verb} of {StaffId} delivered again ({Key}): replaying the stored answer", request.Verb, user.Id, key);
            return outcome.Result!;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Card action {Verb} of {StaffId} failed ({CorrelationId})", request.Verb, user.Id, correlationId);
            return InvokeResponses.Serialize(InvokeResponses.Error(500, "internal_error", BotTexts.InternalError(correlationId)));
        }
    }
}
