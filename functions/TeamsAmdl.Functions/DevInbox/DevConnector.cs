using System.Text.Json.Nodes;
using Azure;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.DevInbox;

/// <summary>Dev conversations: one personal chat per user, id "dev:personal:{aadObjectId}".</summary>
public static class DevConversations
{
    public const string PersonalPrefix = "dev:personal:";

    public static string Personal(string aadObjectId) => PersonalPrefix + aadObjectId;

    public static string? UserOf(string conversationId) =>
        conversationId.StartsWith(PersonalPrefix, StringComparison.Ordinal) ? conversationId[PersonalPrefix.Length..] : null;
}

public sealed class DevInboxEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? ReplyToId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public bool Deleted { get; set; }
    public string? Activity0 { get; set; }
    public string? Activity1 { get; set; }
    public string? Activity2 { get; set; }
    public string? Activity3 { get; set; }

    public JsonObject ReadActivity() => JsonNode.Parse(LargeText.Join(Activity0, Activity1, Activity2, Activity3) ?? "{}")!.AsObject();

    public void SetActivity(Activity activity)
    {
        var parts = LargeText.Split(ActivitySerializer.Serialize(activity));
        (Activity0, Activity1, Activity2, Activity3) = (parts[0], parts[1], parts[2], parts[3]);
    }

    public void SetActivity(JsonObject activity)
    {
        var parts = LargeText.Split(activity.ToJsonString());
        (Activity0, Activity1, Activity2, Activity3) = (parts[0], parts[1], parts[2], parts[3]);
    }
}

/// <summary>
/// Development stand-in for the Bot Connector: instead of calling Teams it stores every outbound activity in the
/// table DevInbox (PartitionKey = the recipient's AAD object id, RowKey = the activity id, which sorts newest
/// first). /dev/inbox shows them. Registered as the app's <see cref="ConnectorClient"/> in Development only.
/// </summary>
public sealed class DevConnector(BotTables tables, TimeProvider time, ILogger<DevConnector> log) : ConnectorClient
{
    private long _lastTicks;

    public override async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var member = parameters.Members?.FirstOrDefault();
        var aad = member?.AadObjectId ?? member?.Id
            ?? throw new ConnectorException(400, "BadArgument", "Dev connector: conversation without members.");
        var id = DevConversations.Personal(aad);
        string? activityId = null;
        if (parameters.Activity is not null)
            activityId = (await SendToConversationAsync(serviceUrl, id, parameters.Activity, cancellationToken)).Id;
        return new ConversationResourceResponse { Id = id, ServiceUrl = serviceUrl, ActivityId = activityId };
    }

    public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken = default) => StoreAsync(serviceUrl, conversationId, null, activity, cancellationToken);

    public override Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken = default) => StoreAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

    public override async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken = default)
    {
        var (table, row) = await FindAsync(activityId, cancellationToken);
        activity.Id = activityId;
        activity.Conversation ??= new ConversationAccount { Id = conversationId };
        activity.Timestamp = row.CreatedAt;
        row.SetActivity(activity);
        row.UpdatedAt = time.GetUtcNow();
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
        log.LogInformation("Dev connector: updated activity {ActivityId} in {ConversationId}", activityId, conversationId);
        return new ResourceResponse { Id = activityId };
    }

    public override async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var (table, row) = await FindAsync(activityId, cancellationToken);
        row.Deleted = true;
        row.UpdatedAt = time.GetUtcNow();
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<ResourceResponse> StoreAsync(string serviceUrl, string conversationId, string? replyToId, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var table = await tables.GetAsync(BotTables.DevInboxTable, ct);
        var now = time.GetUtcNow();
        var id = NextId(now);
        activity.Id = id;
        activity.Timestamp = now;
        activity.Conversation ??= new ConversationAccount { Id = conversationId };
        activity.ServiceUrl ??= serviceUrl;
        if (replyToId is not null) activity.ReplyToId = replyToId;
        var user = DevConversations.UserOf(conversationId) ?? activity.Recipient?.AadObjectId;
        var entity = new DevInboxEntity
        {
            PartitionKey = TableKeys.Escape(user ?? "conversation:" + conversationId), RowKey = id, ConversationId = conversationId,
            ServiceUrl = serviceUrl, ReplyToId = activity.ReplyToId, CreatedAt = now,
        };
        entity.SetActivity(activity);
        await table.AddEntityAsync(entity, ct);
        log.LogInformation("Dev connector: stored {Type} {ActivityId} for {ConversationId}", activity.Type, id, conversationId);
        return new ResourceResponse { Id = id };
    }

    private async Task<(TableClient Table, DevInboxEntity Row)> FindAsync(string activityId, CancellationToken ct)
    {
        var table = await tables.GetAsync(BotTables.DevInboxTable, ct);
        await foreach (var row in table.QueryAsync<DevInboxEntity>(TableClient.CreateQueryFilter($"RowKey eq {activityId}"), cancellationToken: ct))
            return (table, row);
        throw new ConnectorException(404, "ActivityNotFound", $"Dev connector: activity {activityId} does not exist.");
    }

    /// <summary>Inverted, strictly increasing ticks: ids sort newest first even when the (test) clock stands still.</summary>
    private string NextId(DateTimeOffset now)
    {
        long ticks, last;
        do
        {
            last = Interlocked.Read(ref _lastTicks);
            ticks = Math.Max(now.UtcTicks, last + 1);
        } while (Interlocked.CompareExchange(ref _lastTicks, ticks, last) != last);
        return $"{DateTimeOffset.MaxValue.UtcTicks - ticks:D19}-{Guid.NewGuid().ToString("N")[..8]}";
    }
}

/// <summary>Reads the dev inbox for /dev/inbox.</summary>
public sealed class DevInboxStore(BotTables tables, TimeProvider time)
{
    public async Task<IReadOnlyList<DevInboxEntity>> ListAsync(string aadObjectId, int max, CancellationToken ct)
    {
        var table = await tables.GetAsync(BotTables.DevInboxTable, ct);
        var list = new List<DevInboxEntity>();
        await foreach (var row in table.QueryAsync<DevInboxEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(aadObjectId)} and Deleted eq {false}"), cancellationToken: ct))
        {
            list.Add(row);
            if (list.Count >= max) break;
        }
        return list; // RowKey order = newest first
    }

    /// <summary>
    /// What Teams does with the card of an invoke response: the message now shows the returned card. Returns false
    /// when the message does not exist for this user.
    /// </summary>
    public async Task<bool> ReplaceCardAsync(string aadObjectId, string activityId, JsonObject card, CancellationToken ct)
    {
        var table = await tables.GetAsync(BotTables.DevInboxTable, ct);
        var found = await table.GetEntityIfExistsAsync<DevInboxEntity>(TableKeys.Escape(aadObjectId), activityId, cancellationToken: ct);
        if (!found.HasValue) return false;
        var row = found.Value!;
        var activity = row.ReadActivity();
        var attachments = activity["attachments"] as JsonArray;
        if (attachments is null) activity["attachments"] = attachments = [];
        var attachment = new JsonObject { ["contentType"] = AdaptiveCard.ContentType, ["content"] = card.DeepClone() };
        var index = attachments.ToList().FindIndex(a => (string?)a?["contentType"] == AdaptiveCard.ContentType);
        if (index < 0) attachments.Add(attachment);
        else attachments[index] = attachment;
        row.SetActivity(activity);
        row.UpdatedAt = time.GetUtcNow();
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
        return true;
    }
}
