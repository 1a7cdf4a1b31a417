using Azure;
using TeamsAmdl.Bot;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Remembers where the bot can reach a user later (proactive messages). Called for every conversationUpdate and
/// installationUpdate. The proactive outbox's ConversationReferenceStore (bot/TeamsAmdl.Bot/Proactive) is meant to
/// replace <see cref="TableConversationReferenceRecorder"/>: register an adapter after <c>builder.AddBot()</c>, e.g.
/// <c>services.AddSingleton&lt;IConversationReferenceRecorder&gt;(sp =&gt; new StoreRecorder(sp.GetRequiredService&lt;ConversationReferenceStore&gt;()))</c>;
/// the last registration wins.
/// </summary>
public interface IConversationReferenceRecorder
{
    Task RecordAsync(Activity activity, CancellationToken cancellationToken);
}

public sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ConversationId { get; set; } = "";
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? UserAadObjectId { get; set; }
    /// <summary>False after the app was uninstalled / the bot removed from the conversation.</summary>
    public bool Installed { get; set; }
    public string LastActivityType { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Simple table-backed recorder (table BotConversations): PartitionKey = the user's AAD object id (or "-" when the
/// activity has none), RowKey = the conversation id (escaped). One row per user and conversation, upserted.
/// </summary>
public sealed class TableConversationReferenceRecorder(BotTables tables, TimeProvider time) : IConversationReferenceRecorder
{
    public const string NoUserPartition = "-";

    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var table = await tables.GetAsync(BotTables.ConversationsTable, cancellationToken);
        var aad = activity.From?.AadObjectId;
        var entity = new ConversationReferenceEntity
        {
            PartitionKey = string.IsNullOrWhiteSpace(aad) ? NoUserPartition : TableKeys.Escape(aad),
            RowKey = TableKeys.Escape(activity.Conversation!.Id!),
            ConversationId = activity.Conversation.Id!,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.Conversation.TenantId,
            ServiceUrl = activity.ServiceUrl!,
            ChannelId = activity.ChannelId!,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = activity.From?.Id,
            UserName = activity.From?.Name,
            UserAadObjectId = aad,
            Installed = !IsRemoval(activity),
            LastActivityType = activity.Type!,
            UpdatedAt = time.GetUtcNow(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationReferenceEntity>> ListForUserAsync(string aadObjectId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(BotTables.ConversationsTable, ct);
        var list = new List<ConversationReferenceEntity>();
        await foreach (var e in table.QueryAsync<ConversationReferenceEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(aadObjectId)}"), cancellationToken: ct))
            list.Add(e);
        return list;
    }

    /// <summary>installationUpdate "remove"/"remove-upgrade", or a conversationUpdate that removes the bot.</summary>
    public static bool IsRemoval(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate
            ? activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true
            : activity.MembersRemoved?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
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
