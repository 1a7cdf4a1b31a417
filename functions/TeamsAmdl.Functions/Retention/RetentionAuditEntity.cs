using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Retention;

/// <summary>
/// One audited deletion (table RetentionAudit, PartitionKey = month of the run "yyyy-MM", RowKey = run instant + rule):
/// what rule deleted how many rows older than which cutoff. No keys, references or texts of the deleted rows (R-SEC-1).
/// </summary>
public sealed class RetentionAuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Rule { get; set; } = "";
    public string Table { get; set; } = "";
    public string Setting { get; set; } = "";
    /// <summary>The retention period in effect, "d.hh:mm:ss".</summary>
    public string Period { get; set; } = "";
    public DateTimeOffset Cutoff { get; set; }
    public int Deleted { get; set; }
    public DateTimeOffset RunAt { get; set; }

    public static RetentionAuditEntity For(RetentionRule rule, DateTimeOffset runAt, DateTimeOffset cutoff, int deleted) => new()
    {
        PartitionKey = runAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        RowKey = runAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff", System.Globalization.CultureInfo.InvariantCulture) + "|" + rule.Name,
        Rule = rule.Name, Table = rule.Table, Setting = RetentionOptions.Section + ":" + rule.Setting,
        Period = rule.Period.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        Cutoff = cutoff, Deleted = deleted, RunAt = runAt,
    };
}
