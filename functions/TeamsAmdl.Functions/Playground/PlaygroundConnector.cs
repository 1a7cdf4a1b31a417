using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Playground;

/// <summary>
/// The connector while the playground mode is on: a conversation whose serviceUrl is the playground's (stored from its
/// activities, also for proactive cards) is served by the playground's own connector over http, without a token;
/// every other one by the dev connector (the dev inbox).
/// </summary>
public sealed class PlaygroundConnector(ConnectorClient devConnector, ConnectorClient playground) : ConnectorClient
{
    private ConnectorClient For(string serviceUrl) => PlaygroundSetup.IsPlaygroundServiceUrl(serviceUrl) ? playground : devConnector;

    public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
        CancellationToken cancellationToken = default) => For(serviceUrl).CreateConversationAsync(serviceUrl, parameters, cancellationToken);

    public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken = default) => For(serviceUrl).SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public override Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken = default) =>
        For(serviceUrl).ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

    public override Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken = default) =>
        For(serviceUrl).UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

    public override Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        For(serviceUrl).DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);
}
