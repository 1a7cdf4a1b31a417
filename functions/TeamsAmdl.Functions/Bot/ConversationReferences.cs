using Azure;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Remembers where the bot can reach a user later (proactive messages). Called for every conversationUpdate and
/// installationUpdate; implemented by <see cref="StoreConversationReferenceRecorder"/> over the outbox's store.
/// </summary>
public interface IConversationReferenceRecorder
{
    Task RecordAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// How the bot sends activities it does not return in the HTTP response (welcome card, replies to messages, card
/// updates after an Action.Submit fallback). The default sends at once through the <see cref="ConnectorClient"/>
/// (the dev connector in Development); the proactive outbox can replace it with a durable implementation.
/// </summary>
public interface IBotMessageSender
{
    Task<string?> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct);

    Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct);
}

public sealed class ConnectorMessageSender(ConnectorClient connector) : IBotMessageSender
{
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        (await connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct)).Id;

    public Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, ct);
}
