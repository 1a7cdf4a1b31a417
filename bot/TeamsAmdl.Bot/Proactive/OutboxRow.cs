using System.Globalization;
using Azure.Data.Tables;

namespace TeamsAmdl.Bot;

/// <summary>
/// The outbox status table's row layout (PartitionKey = one of 256 hash buckets of the message key, RowKey = the
/// escaped message key). The activity is stored as UTF-8 JSON in binary properties Activity0…ActivityN of at most
/// <see cref="ChunkBytes"/> each (a table property holds at most 64 KiB, an entity 1 MiB), so even a large activity
/// stays in the status row and is written atomically with it. Status changes are Merge updates naming only the
/// changed properties, so they never rewrite the activity.
/// </summary>
internal static class OutboxRow
{
    public const int ChunkBytes = 48 * 1024;
    public const int MaxChunks = 15;
    public const int MaxActivityBytes = ChunkBytes * MaxChunks;

    public const string MessageKey = nameof(MessageKey);
    public const string TenantId = nameof(TenantId);
    public const string Recipient = "RecipientAadObjectId";
    public const string Status = nameof(Status);
    public const string Attempts = nameof(Attempts);
    public const string InDoubtResends = nameof(InDoubtResends);
    public const string InDoubtReadBacks = nameof(InDoubtReadBacks);
    public const string FoundByReadBack = nameof(FoundByReadBack);
    public const string AttemptId = nameof(AttemptId);
    public const string LeaseUntil = nameof(LeaseUntil);
    public const string EnqueuedAt = nameof(EnqueuedAt);
    public const string QueuedAt = nameof(QueuedAt);
    public const string LastAttemptAt = nameof(LastAttemptAt);
    public const string SentAt = nameof(SentAt);
    public const string CompletedAt = nameof(CompletedAt);
    public const string ServiceUrl = nameof(ServiceUrl);
    public const string ConversationId = nameof(ConversationId);
    public const string ActivityId = nameof(ActivityId);
    public const string LastErrorCode = nameof(LastErrorCode);
    public const string LastError = nameof(LastError);
    public const string LastHttpStatus = nameof(LastHttpStatus);
    public const string ActivityChunks = nameof(ActivityChunks);
    public const string ActivityBytes = nameof(ActivityBytes);
    public const string ActivityUpdatedAt = nameof(ActivityUpdatedAt);
    public const string ActivityUpdates = nameof(ActivityUpdates);

    /// <summary>Every property but the activity chunks (for listings).</summary>
    public static readonly string[] StatusColumns =
    [
        "PartitionKey", "RowKey", "Timestamp", MessageKey, TenantId, Recipient, Status, Attempts, InDoubtResends, InDoubtReadBacks, FoundByReadBack, AttemptId, LeaseUntil,
        EnqueuedAt, QueuedAt, LastAttemptAt, SentAt, CompletedAt, ServiceUrl, ConversationId, ActivityId, LastErrorCode, LastError,
        LastHttpStatus, ActivityChunks, ActivityBytes, ActivityUpdatedAt, ActivityUpdates,
    ];

    public static (string PartitionKey, string RowKey) Keys(string messageKey)
    {
        var rowKey = TableKeys.Escape(messageKey);
        if (rowKey.Length > TableKeys.MaxKeyLength)
            throw new ArgumentException($"MessageKey ist zu lang ({rowKey.Length} Zeichen nach Maskierung, erlaubt sind {TableKeys.MaxKeyLength}).", nameof(messageKey));
        return (TableKeys.Bucket(messageKey), rowKey);
    }

    /// <summary>An entity naming only the keys; add the properties to change and Merge it.</summary>
    public static TableEntity Patch(TableEntity row) => new(row.PartitionKey, row.RowKey);

    public static void SetActivity(TableEntity entity, Activity activity)
    {
        var json = ActivitySerializer.SerializeToUtf8Bytes(activity);
        if (json.Length > MaxActivityBytes)
            throw new ArgumentException($"Die Activity ist zu groß ({json.Length} Bytes, erlaubt sind {MaxActivityBytes}).", nameof(activity));
        var chunks = Math.Max(1, (json.Length + ChunkBytes - 1) / ChunkBytes);
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkBytes;
            entity[ChunkName(i)] = json.AsSpan(start, Math.Min(ChunkBytes, json.Length - start)).ToArray();
        }
        entity[ActivityChunks] = chunks;
        entity[ActivityBytes] = json.Length;
    }

    public static Activity GetActivity(TableEntity entity)
    {
        var chunks = entity.GetInt32(ActivityChunks) ?? 0;
        var total = entity.GetInt32(ActivityBytes) ?? 0;
        var json = new byte[total];
        var offset = 0;
        for (var i = 0; i < chunks; i++)
        {
            var chunk = entity.GetBinary(ChunkName(i)) ?? throw new InvalidDataException($"Outbox-Zeile {entity.RowKey}: {ChunkName(i)} fehlt.");
            chunk.CopyTo(json, offset);
            offset += chunk.Length;
        }
        if (offset != total)
            throw new InvalidDataException($"Outbox-Zeile {entity.RowKey}: Activity hat {offset} statt {total} Bytes.");
        return System.Text.Json.JsonSerializer.Deserialize<Activity>(json, ActivitySerializer.Options)
               ?? throw new InvalidDataException($"Outbox-Zeile {entity.RowKey}: Activity ist leer.");
    }

    public static OutboxStatus GetStatus(TableEntity entity) =>
        Enum.TryParse<OutboxStatus>(entity.GetString(Status), out var status) ? status : OutboxStatus.Pending;

    public static OutboxEntry ToEntry(TableEntity e) => new()
    {
        MessageKey = e.GetString(MessageKey) ?? e.RowKey,
        TenantId = e.GetString(TenantId) ?? "",
        RecipientAadObjectId = e.GetString(Recipient) ?? "",
        Status = GetStatus(e),
        Attempts = e.GetInt32(Attempts) ?? 0,
        InDoubtResends = e.GetInt32(InDoubtResends) ?? 0,
        InDoubtReadBacks = e.GetInt32(InDoubtReadBacks) ?? 0,
        FoundByReadBack = e.GetBoolean(FoundByReadBack) ?? false,
        AttemptId = e.GetString(AttemptId),
        LeaseUntil = e.GetDateTimeOffset(LeaseUntil),
        EnqueuedAt = e.GetDateTimeOffset(EnqueuedAt),
        LastAttemptAt = e.GetDateTimeOffset(LastAttemptAt),
        SentAt = e.GetDateTimeOffset(SentAt),
        CompletedAt = e.GetDateTimeOffset(CompletedAt),
        ServiceUrl = e.GetString(ServiceUrl),
        ConversationId = e.GetString(ConversationId),
        ActivityId = e.GetString(ActivityId),
        LastErrorCode = e.GetString(LastErrorCode),
        LastError = e.GetString(LastError),
        LastHttpStatus = e.GetInt32(LastHttpStatus),
        ActivityUpdatedAt = e.GetDateTimeOffset(ActivityUpdatedAt),
        ActivityUpdates = e.GetInt32(ActivityUpdates) ?? 0,
    };

    /// <summary>Error text for the row, shortened (a table string holds at most 32K characters).</summary>
    public static string Truncate(string? text, int max = 1000) =>
        text is null ? "" : text.Length <= max ? text : text[..max] + "…";

    private static string ChunkName(int index) => "Activity" + index.ToString(CultureInfo.InvariantCulture);
}
