using Azure;

namespace TeamsAmdl.Storage;

/// <summary>The system properties every table entity has (Azure.Data.Tables shape).</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }
    string RowKey { get; set; }
    DateTimeOffset? Timestamp { get; set; }
    ETag ETag { get; set; }
}
