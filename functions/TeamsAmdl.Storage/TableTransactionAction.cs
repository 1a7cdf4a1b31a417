using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// One operation of an entity-group transaction. <see cref="ETag"/> is the If-Match condition of UpdateMerge,
/// UpdateReplace and Delete; left at default they are unconditional (If-Match: *). Add/Upsert ignore it.
/// </summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;
    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));
    public ETag ETag { get; } = etag;
}
