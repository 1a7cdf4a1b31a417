using TeamsAmdl.Storage;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace TeamsAmdl.Bot;

/// <summary>
/// Durable outbox for proactive messages: a status table (one row per message key, see <see cref="OutboxEntry"/>)
/// and a queue whose messages carry only the key. <see cref="EnqueueAsync"/> writes rows and queue messages;
/// <see cref="OutboxWorker"/> delivers them; <see cref="UpdateSentAsync"/> replaces a delivered activity.
/// Delivery guarantees and the remaining duplicate window are described in Proactive/README.md.
/// </summary>
public sealed class Outbox
{
    private const int EnqueueConcurrency = 16;

    // Queue messages never expire on their own: a message must end in a final status row, not vanish after 7 days.
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    private readonly ConnectorClient _connector;
    private readonly TimeProvider _time;

    public Outbox(TableClient statusTable, QueueClient queue, ConnectorClient connector, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(statusTable);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(connector);
        Table = statusTable;
        Queue = queue;
        _connector = connector;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Largest activity (serialized JSON) the outbox accepts; it is kept in the status row in 48 KiB pieces.</summary>
    public const int MaxActivityBytes = OutboxRow.MaxActivityBytes;

    internal TableClient Table { get; }
    internal QueueClient Queue { get; }
    internal TimeProvider Time => _time;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a batch, one message per recipient. Per message, first the status row is inserted (Pending), then the
    /// queue message is sent. A key that already has a row is not queued again, whatever its status, so enqueuing the
    /// same batch twice delivers each message once. Exception: a Pending row whose queue message was never confirmed
    /// (the enqueuing process died between row and queue message) is queued again; a resulting second queue message
    /// is harmless because the worker goes by the row. Duplicate keys within the batch count once (the first wins).
    /// All messages are validated before anything is written.
    /// </summary>
    public async Task<EnqueueResult> EnqueueAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = _time.GetUtcNow();
        var rows = new List<(string Key, TableEntity Row)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageKey, nameof(OutboundMessage.MessageKey));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.TenantId, nameof(OutboundMessage.TenantId));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.RecipientAadObjectId, nameof(OutboundMessage.RecipientAadObjectId));
            ArgumentNullException.ThrowIfNull(message.Activity, nameof(OutboundMessage.Activity));
            if (!seen.Add(message.MessageKey))
                continue;
            var (partitionKey, rowKey) = OutboxRow.Keys(message.MessageKey);
            var row = new TableEntity(partitionKey, rowKey)
            {
                [OutboxRow.MessageKey] = message.MessageKey,
                [OutboxRow.TenantId] = message.TenantId,
                [OutboxRow.Recipient] = message.RecipientAadObjectId,
                [OutboxRow.Status] = nameof(OutboxStatus.Pending),
                [OutboxRow.Attempts] = 0,
                [OutboxRow.InDoubtResends] = 0,
                [OutboxRow.EnqueuedAt] = now,
            };
            OutboxRow.SetActivity(row, message.Activity);
            rows.Add((message.MessageKey, row));
        }

        var enqueued = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = EnqueueConcurrency, CancellationToken = cancellationToken },
            async (item, ct) => enqueued[item.Key] = await EnqueueOneAsync(item.Key, item.Row, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new EnqueueResult(
            rows.Where(r => enqueued[r.Key]).Select(r => r.Key).ToList(),
            rows.Where(r => !enqueued[r.Key]).Select(r => r.Key).ToList());
    }

    /// <summary>The status of one message, or null if the key is unknown.</summary>
    public async Task<OutboxEntry?> GetAsync(string messageKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var (partitionKey, rowKey) = OutboxRow.Keys(messageKey);
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, OutboxRow.StatusColumns, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? OutboxRow.ToEntry(response.Value!) : null;
    }

    /// <summary>All status rows, or those with <paramref name="status"/> (a table scan: for operators and tests).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status = null, CancellationToken cancellationToken = default) =>
        await ListAsync(status, int.MaxValue, cancellationToken).ConfigureAwait(false);

    /// <summary>Status rows (without activities), at most <paramref name="max"/>; a filter on the status scans the whole table.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status, int max, CancellationToken cancellationToken = default)
    {
        var filter = status is { } s ? TableClient.CreateQueryFilter($"Status eq {s.ToString()}") : null;
        var list = new List<OutboxEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: OutboxRow.StatusColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (list.Count >= max) break;
            list.Add(OutboxRow.ToEntry(row));
        }
        return list;
    }

    /// <summary>
    /// Status rows (without activities) whose message key starts with <paramref name="keyPrefix"/>, e.g. all messages of
    /// one digest ("digest:{id}:"): a row-key range over every bucket, read for progress displays.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        var from = TableKeys.Escape(keyPrefix);
        var to = from[..^1] + (char)(from[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}");
        var list = new List<OutboxEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: OutboxRow.StatusColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(OutboxRow.ToEntry(row));
        return list;
    }

    /// <summary>
    /// One page of status rows (without activities) whose status is one of <paramref name="statuses"/> (all when empty),
    /// in key order, filtered on the service; null when <paramref name="continuation"/> is not a token of this table.
    /// </summary>
    public async Task<TablePage<OutboxEntry>?> ListPageAsync(IReadOnlyCollection<OutboxStatus> statuses, int max, string? continuation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var filter = statuses.Count == 0 ? null
            : string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
        var page = await TablePaging.ReadAsync<TableEntity>(Table, filter, max, continuation, OutboxRow.StatusColumns, cancellationToken).ConfigureAwait(false);
        return page is null ? null : new TablePage<OutboxEntry>(page.Items.Select(OutboxRow.ToEntry).ToList(), page.Continuation);
    }

    /// <summary>
    /// Replaces a sent message (PUT …/activities/{activityId} in the conversation it was sent to), e.g. an updated
    /// card, and stores the replacement as the message's activity. Throws <see cref="InvalidOperationException"/> if
    /// the key is unknown or not Sent, and <see cref="ConnectorException"/> if the connector refuses.
    /// </summary>
    public async Task<ResourceResponse> UpdateSentAsync(string messageKey, Activity replacement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        ArgumentNullException.ThrowIfNull(replacement);
        var (partitionKey, rowKey) = OutboxRow.Keys(messageKey);
        // On 412 the row changed meanwhile (another update): the PUT is idempotent, so read and do it again.
        return await Optimistic.RetryAsync(async cancellationToken =>
        {
            var row = (await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, OutboxRow.StatusColumns, cancellationToken).ConfigureAwait(false)) is { HasValue: true } r
                ? r.Value!
                : throw new InvalidOperationException($"Outbox-Nachricht '{messageKey}' ist unbekannt.");
            var status = OutboxRow.GetStatus(row);
            var serviceUrl = row.GetString(OutboxRow.ServiceUrl);
            var conversationId = row.GetString(OutboxRow.ConversationId);
            var activityId = row.GetString(OutboxRow.ActivityId);
            if (status != OutboxStatus.Sent || serviceUrl is null || conversationId is null || activityId is null)
                throw new InvalidOperationException($"Outbox-Nachricht '{messageKey}' ist nicht zugestellt (Status {status}) und kann nicht ersetzt werden.");

            // The chat's copy keeps carrying the message's marker (DeliveryMarker), like every card the outbox sends.
            DeliveryMarker.TryStamp(replacement, DeliveryMarker.For(messageKey), out replacement);
            var patch = OutboxRow.Patch(row);
            OutboxRow.SetActivity(patch, replacement); // validates the size before anything is sent

            var activity = JsonSerializer.Deserialize<Activity>(ActivitySerializer.SerializeToUtf8Bytes(replacement), ActivitySerializer.Options)!;
            activity.Id = activityId;
            activity.Conversation ??= new ConversationAccount { Id = conversationId };
            var response = await _connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);

            patch[OutboxRow.ActivityUpdatedAt] = _time.GetUtcNow();
            patch[OutboxRow.ActivityUpdates] = (row.GetInt32(OutboxRow.ActivityUpdates) ?? 0) + 1;
            await Table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return response;
        }, maxAttempts: 4, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts a Failed or Parked message back to Pending and queues it again (after the cause was fixed, or after
    /// checking by hand that an in-doubt message really did not arrive). Returns false for other statuses.
    /// </summary>
    public async Task<bool> RequeueAsync(string messageKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var (partitionKey, rowKey) = OutboxRow.Keys(messageKey);
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, OutboxRow.StatusColumns, cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || OutboxRow.GetStatus(response.Value!) is not (OutboxStatus.Failed or OutboxStatus.Parked))
            return false;
        var patch = OutboxRow.Patch(response.Value!);
        patch[OutboxRow.Status] = nameof(OutboxStatus.Pending);
        try
        {
            await Table.UpdateEntityAsync(patch, response.Value!.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException stale) when (stale.Status == 412)
        {
            return false;
        }
        await SendQueueMessageAsync(messageKey, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Queues a fresh message (no receives carried) for a key whose queue message ended in the poison queue: the
    /// row decides what happens (Pending: delivered; Sent: nothing sent again).
    /// </summary>
    public Task ResendAsync(string messageKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        return SendQueueMessageAsync(messageKey, cancellationToken);
    }

    /// <summary>The message key in a queue message's text (null if unreadable), e.g. of a poison message.</summary>
    public static string? MessageKeyOf(string queueText) => FromQueueText(queueText).Key;

    /// <summary>Reads a whole row (with the activity); null if missing.</summary>
    internal async Task<TableEntity?> LoadRowAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The queue message: {"K": message key}, plus "N": receives of earlier messages when a triggered handler sent it again.</summary>
    internal static string ToQueueText(string messageKey, long receives = 0) => JsonSerializer.Serialize(new QueuePayload(messageKey, receives));

    /// <summary>The message key (null if unreadable) and the receives carried over (0 in a first message).</summary>
    internal static (string? Key, long Receives) FromQueueText(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<QueuePayload>(text) is { } payload ? (payload.K, Math.Max(0, payload.N)) : (null, 0);
        }
        catch (JsonException)
        {
            return (null, 0);
        }
    }

    private async Task<bool> EnqueueOneAsync(string messageKey, TableEntity row, CancellationToken cancellationToken)
    {
        ETag etag;
        try
        {
            var added = await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            etag = added.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, OutboxRow.StatusColumns, cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue || OutboxRow.GetStatus(existing.Value!) != OutboxStatus.Pending || existing.Value!.GetDateTimeOffset(OutboxRow.QueuedAt) is not null)
                return false;
            etag = existing.Value.ETag; // stranded: the row was written but its queue message never confirmed
        }

        await SendQueueMessageAsync(messageKey, cancellationToken).ConfigureAwait(false);

        var queued = OutboxRow.Patch(row);
        queued[OutboxRow.QueuedAt] = _time.GetUtcNow();
        try
        {
            // Conditional on the insert's ETag: if a worker already touched the row, the queue message evidently
            // arrived and its ETag is left alone.
            await Table.UpdateEntityAsync(queued, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException stale) when (stale.Status == 412)
        {
        }
        return true;
    }

    internal async Task SendQueueMessageAsync(string messageKey, CancellationToken cancellationToken)
    {
        await Queue.SendMessageAsync(ToQueueText(messageKey), timeToLive: NeverExpire, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Wake an idle worker of this process at once instead of at its next poll (workers elsewhere still poll).
        Interlocked.Exchange(ref _queued, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private TaskCompletionSource _queued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this instance queues a message after the property was read.</summary>
    internal Task Queued => Volatile.Read(ref _queued).Task;

    private sealed record QueuePayload(string K, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long N = 0);
}
