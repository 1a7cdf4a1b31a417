using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// One row of DeadlineMarks: a deadline item that arrived (ReceivedOn, by whom) and/or was announced (Sent: the
/// <see cref="Domain.Deadlines.NoticeStage"/> names sent, comma-separated). Due is kept for the retention rule.
/// </summary>
public sealed class DeadlineMark : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Due { get; set; } = "";
    public string? ReceivedOn { get; set; }
    public string? ReceivedBy { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? Sent { get; set; }

    /// <summary>Erwartungsbogen only (R-TN-1): the customer's expectation in their own words, its target date, the e-Akte path.</summary>
    public string? Expectation { get; set; }
    public string? TargetDate { get; set; }
    public string? FilingPath { get; set; }

    [IgnoreDataMember]
    public IReadOnlySet<string> SentStages =>
        (Sent ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
