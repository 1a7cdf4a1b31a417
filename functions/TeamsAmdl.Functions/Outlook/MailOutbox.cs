using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace TeamsAmdl.Functions.Outlook;

public enum MailStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Parked,
}

/// <summary>The status of one mail (without its content).</summary>
public sealed record MailEntry(string MessageKey, MailStatus Status, int Attempts, string? LastError, bool FoundInMailbox,
    DateTimeOffset? CompletedAt, string Marker);

/// <summary>
/// The durable mail outbox (issue 17), the same shape as the bot's outbox (bot/TeamsAmdl.Bot/Proactive/README.md): a
/// status row per message key in table MailOutbox (PartitionKey = the key's marker, RowKey "mail") and the key in queue
/// mail-outbox; <see cref="MailOutboxWorker"/> delivers. Enqueueing is idempotent: a key that has a row is not queued
/// again, except a row whose queue message was never confirmed (crash between insert and queue), so a caller's retry
/// repairs it. The HTML is kept in chunks (a table property holds at most 32K characters).
/// </summary>
public sealed class MailOutbox(TableClient table, QueueClient queue, TimeProvider time)
{
    public const string TableName = "MailOutbox";
    public const string QueueName = "mail-outbox";
    private const string Row = "mail";
    private const int Chunk = 30_000;
    private const int MaxChunks = 8;

    public TableClient Table { get; } = table;
    public QueueClient Queue { get; } = queue;

    /// <summary>32 hex digits of SHA-256(key): row key, Graph extended property and internetMessageId of the mail.</summary>
    public static string Marker(string messageKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)))[..32];

    public async Task CreateIfNotExistsAsync(CancellationToken ct)
    {
        await Table.CreateIfNotExistsAsync(ct);
        await Queue.CreateIfNotExistsAsync(cancellationToken: ct);
    }

    /// <summary>Queues the mail once per key; false when the key was queued before.</summary>
    public async Task<bool> EnqueueAsync(string messageKey, string to, string subject, string html, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (html.Length > Chunk * MaxChunks) throw new ArgumentException($"Mail '{messageKey}' is too large ({html.Length} characters).", nameof(html));
        var row = new TableEntity(Marker(messageKey), Row)
        {
            ["MessageKey"] = messageKey,
            ["Recipient"] = to,
            ["Subject"] = subject,
            ["Status"] = nameof(MailStatus.Pending),
            ["Attempts"] = 0,
            ["LookupFailures"] = 0,
            ["EnqueuedAt"] = time.GetUtcNow(),
        };
        for (var i = 0; i * Chunk < html.Length; i++) row["Html" + i] = html.Substring(i * Chunk, Math.Min(Chunk, html.Length - i * Chunk));

        ETag etag;
        try
        {
            etag = (await Table.AddEntityAsync(row, ct)).Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await LoadAsync(messageKey, ct);
            if (existing is null || Status(existing) != MailStatus.Pending || existing.GetDateTimeOffset("QueuedAt") is not null) return false;
            etag = existing.ETag; // stranded: written, but its queue message never confirmed
        }
        await Queue.SendMessageAsync(messageKey, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["QueuedAt"] = time.GetUtcNow() }, etag, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // a worker has the row already: the queue message evidently arrived
        }
        return true;
    }

    public async Task<MailEntry?> GetAsync(string messageKey, CancellationToken ct = default) =>
        await LoadAsync(messageKey, ct) is { } row ? ToEntry(row) : null;

    /// <summary>All status rows (a table scan: for operators and tests).</summary>
    public async Task<IReadOnlyList<MailEntry>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<MailEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(cancellationToken: ct)) list.Add(ToEntry(row));
        return list;
    }

    internal async Task<TableEntity?> LoadAsync(string messageKey, CancellationToken ct)
    {
        var r = await Table.GetEntityIfExistsAsync<TableEntity>(Marker(messageKey), Row, cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    internal static MailStatus Status(TableEntity row) => Enum.TryParse<MailStatus>(row.GetString("Status"), out var s) ? s : MailStatus.Pending;

    internal static string Html(TableEntity row)
    {
        var sb = new StringBuilder();
        for (var i = 0; row.GetString("Html" + i) is { } part; i++) sb.Append(part);
        return sb.ToString();
    }

    private static MailEntry ToEntry(TableEntity row) => new(row.GetString("MessageKey") ?? "", Status(row), row.GetInt32("Attempts") ?? 0,
        row.GetString("LastError"), row.GetBoolean("FoundInMailbox") ?? false, row.GetDateTimeOffset("CompletedAt"), row.PartitionKey);
}
