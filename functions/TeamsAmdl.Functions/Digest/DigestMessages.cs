using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// Cards as the messages that carry them, and their size as Teams sees it: the activity JSON (UTF-8) with the card
/// stamped with request ids exactly as <see cref="Proactive"/> sends it.
/// </summary>
public static class DigestMessages
{
    public static Activity ToActivity(AdaptiveCard card)
    {
        var content = card.ToJsonObject();
        CardRequestIds.Stamp(content);
        return ToActivity(content);
    }

    public static Activity ToActivity(JsonObject stampedCard) => new()
    {
        Type = ActivityTypes.Message,
        Locale = "de-DE",
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = stampedCard }],
    };

    /// <summary>Bytes of the activity as queued (request ids have the length of real ones).</summary>
    public static int Bytes(AdaptiveCard card)
    {
        var content = card.ToJsonObject();
        CardRequestIds.Stamp(content, () => "00000000000000000000000000000000");
        return ActivitySerializer.SerializeToUtf8Bytes(ToActivity(content)).Length;
    }
}
