using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>The subscription after a change, or a German error (code for machines, mapped once by FreePlacesHttp).</summary>
public sealed record SubscriptionOutcome(FreePlaceSubscription? Subscription, string? ErrorCode = null, string? Error = null)
{
    public static SubscriptionOutcome Fail(string code, string message) => new(null, code, message);
}
