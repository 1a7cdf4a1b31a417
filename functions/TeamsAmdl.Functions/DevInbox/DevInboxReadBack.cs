using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.DevInbox;

/// <summary>
/// Development's read-back: the dev inbox is the chat, so an in-doubt message is looked for among the recipient's
/// dev inbox rows (channel posts: the conversation's rows) created since the lookup's start (what
/// <see cref="GraphDeliveryReadBack"/> does against Teams).
/// </summary>
public sealed class DevInboxReadBack(BotTables tables) : IDeliveryReadBack
{
    public async Task<string?> FindAsync(DeliveryLookup lookup, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(BotTables.DevInboxTable, cancellationToken);
        var partition = TableKeys.Escape(lookup.IsChannel ? "conversation:" + lookup.ConversationId
            : DevConversations.UserOf(lookup.ConversationId) ?? lookup.RecipientAadObjectId!);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and CreatedAt ge {lookup.Since}");
        await foreach (var row in table.QueryAsync<DevInboxEntity>(filter, cancellationToken: cancellationToken))
            if (!row.Deleted && DeliveryMarker.IsIn(row.ReadActivity().ToJsonString(), lookup.Marker))
                return row.RowKey;
        return null;
    }
}
