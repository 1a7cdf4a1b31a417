using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>
/// "adaptiveCard/action" invokes from Outlook (channelId "outlook"; authenticated like Teams ones by the
/// BotAuthenticator, which accepts the channel only when Bot:AllowedChannels lists it). The card must carry this
/// installation's provider id (<see cref="OutlookCards.OriginatorDataKey"/> in the action data, set when the mail was
/// built): a card from another sender is refused before anything runs. Then the same dispatcher as for Teams (user by
/// from.aadObjectId, handler by verb, idempotency guard); the answer card comes back in Outlook form and replaces the
/// mail's card. Outlook shows no error texts of its own, so an error answer becomes a German <see cref="ErrorCard"/>.
/// </summary>
public sealed class OutlookInvokes(CardActionDispatcher dispatcher, IOptions<OutlookOptions> options, ILogger<OutlookInvokes> log)
{
    public const string ChannelId = "outlook";

    public static bool IsOutlook(Activity activity) => string.Equals(activity.ChannelId, ChannelId, StringComparison.Ordinal);

    public async Task<string> DispatchAsync(Activity activity, CardActionRequest request, string correlationId, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || string.IsNullOrWhiteSpace(o.ProviderId))
        {
            log.LogWarning("Outlook card action {Verb} while Outlook is not set up", request.Verb);
            return ErrorCardResponse(OutlookTexts.NotEnabled, null);
        }
        var originator = OutlookCards.OriginatorOf(request.Data);
        if (!string.Equals(originator, o.ProviderId, StringComparison.OrdinalIgnoreCase))
        {
            log.LogWarning("Outlook card action {Verb} with unknown originator {Originator}", request.Verb, originator);
            return ErrorCardResponse(OutlookTexts.UnknownOriginator, o.ProviderId);
        }
        var data = request.Data.DeepClone().AsObject();
        data.Remove(OutlookCards.OriginatorDataKey);
        var body = JsonNode.Parse(await dispatcher.DispatchAsync(activity, request with { Data = data }, correlationId, ct))!.AsObject();
        switch ((string?)body["type"])
        {
            case AdaptiveCard.ContentType when body["value"] is JsonObject card:
                body["value"] = OutlookCards.ForOutlook(card, o.ProviderId);
                return InvokeResponses.Serialize(body);
            case InvokeResponses.ErrorType:
                log.LogInformation("Outlook card action {Verb} refused: {Code}", request.Verb, (string?)body["value"]?["code"]);
                return ErrorCardResponse((string?)body["value"]?["message"], o.ProviderId);
            default:
                return InvokeResponses.Serialize(body);
        }
    }

    /// <summary>A German error card in place of the mail's card (Outlook form when the provider id is known); the code is logged.</summary>
    private static string ErrorCardResponse(string? message, string? originator)
    {
        var body = InvokeResponses.ForCard(ErrorCard.Build(new ErrorCardData(message)));
        if (originator is not null) body["value"] = OutlookCards.ForOutlook(body["value"]!.AsObject(), originator);
        return InvokeResponses.Serialize(body);
    }
}
