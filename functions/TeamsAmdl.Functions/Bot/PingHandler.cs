using Azure;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Bot;

/// <summary>"Verbindung testen": records a Ping event and answers with <see cref="PingResultCard"/>.</summary>
public sealed class PingHandler(BotEventLog events, TimeProvider time) : ICardActionHandler
{
    public const string EventKind = "Ping";

    public string Verb => CardVerbs.Ping;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await events.RecordAsync(EventKind, context.User, context.ActionKey, now, ct);
        return CardActionResult.Card(PingResultCard.Build(new PingResultCardData(context.User.DisplayName, now)));
    }
}

public sealed class BotEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Kind { get; set; } = "";
    public string StaffId { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string ActionKey { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Events caused by card actions (table BotEvents: PartitionKey = staff id, RowKey = kind|action key). The row key
/// is derived from the action key, so recording the same action twice keeps one row.
/// </summary>
public sealed class BotEventLog(BotTables tables)
{
    public async Task RecordAsync(string kind, Staff user, string actionKey, DateTimeOffset at, CancellationToken ct)
    {
        var table = await tables.GetAsync(BotTables.EventsTable, ct);
        try
        {
            await table.AddEntityAsync(new BotEventEntity
            {
                PartitionKey = TableKeys.Escape(user.Id), RowKey = TableKeys.Escape($"{kind}|{actionKey}"), Kind = kind, StaffId = user.Id,
                AadObjectId = user.AadObjectId, ActionKey = actionKey, At = at,
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already recorded by an earlier run of the same action.
        }
    }

    public async Task<IReadOnlyList<BotEventEntity>> ListAsync(string staffId, string? kind = null, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(BotTables.EventsTable, ct);
        var filter = kind is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(staffId)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(staffId)} and Kind eq {kind}");
        var list = new List<BotEventEntity>();
        await foreach (var e in table.QueryAsync<BotEventEntity>(filter, cancellationToken: ct))
            list.Add(e);
        return list;
    }
}
