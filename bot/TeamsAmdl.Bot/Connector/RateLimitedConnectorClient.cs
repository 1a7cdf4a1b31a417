namespace TeamsAmdl.Bot;

/// <summary>
/// A <see cref="ConnectorClient"/> that takes a permit from a <see cref="ConnectorRateLimiter"/> before each call
/// and then delegates to the wrapped client (real, or the development stand-in). Calls on a conversation count
/// against the conversation's limits and the tenant's; creating a conversation against the tenant's only. Retries
/// the wrapped client makes on its own (after a 429's Retry-After, or a 5xx) are not counted again: with the
/// limiter in front, those are the exception.
/// </summary>
public sealed class RateLimitedConnectorClient : ConnectorClient
{
    public RateLimitedConnectorClient(ConnectorClient inner, ConnectorRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(limiter);
        if (inner is RateLimitedConnectorClient)
            throw new ArgumentException("Der Client ist bereits begrenzt.", nameof(inner));
        Inner = inner;
        Limiter = limiter;
    }

    public ConnectorClient Inner { get; }

    public ConnectorRateLimiter Limiter { get; }

    public override async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
        CancellationToken cancellationToken = default)
    {
        await Limiter.AcquireAsync(null, cancellationToken).ConfigureAwait(false);
        return await Inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken = default)
    {
        await Limiter.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return await Inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken = default)
    {
        await Limiter.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return await Inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken = default)
    {
        await Limiter.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return await Inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
    }

    public override async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        await Limiter.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        await Inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken).ConfigureAwait(false);
    }
}
