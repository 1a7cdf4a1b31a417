using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>One audit line: who did what to which inspection or Mangel, when.</summary>
public sealed record QualityAuditEntry(string MeasureNumber, string Subject, string Action, string? From, string? To, string By, string ByName,
    DateTimeOffset At, string? Detail = null);

/// <summary>
/// Audit log of the quality records (table QualityAudit, PartitionKey = Maßnahmenummer, RowKey = time + random suffix,
/// so lines of one measure read in order). Append-only; no customer data goes in (only staff, ids and German states).
/// </summary>
public sealed class QualityAudit(InspectionTables tables)
{
    private long _sequence;

    public async Task AppendAsync(QualityAuditEntry e, CancellationToken ct)
    {
        var table = await tables.AuditAsync(ct);
        // Time, then a per-process sequence (lines of one instant keep their order), then randomness (several instances).
        var key = $"{e.At.UtcTicks:D19}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid():N}"[..39];
        await table.AddEntityAsync(new TableEntity(e.MeasureNumber, key)
        {
            ["Subject"] = e.Subject, ["Action"] = e.Action, ["From"] = e.From, ["To"] = e.To, ["By"] = e.By, ["ByName"] = e.ByName,
            ["At"] = e.At, ["Detail"] = e.Detail,
        }, ct);
    }

    public async Task<IReadOnlyList<QualityAuditEntry>> ListAsync(string measureNumber, CancellationToken ct)
    {
        var table = await tables.AuditAsync(ct);
        var list = new List<QualityAuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == measureNumber, cancellationToken: ct))
            list.Add(new QualityAuditEntry(e.PartitionKey, e.GetString("Subject") ?? "", e.GetString("Action") ?? "", e.GetString("From"),
                e.GetString("To"), e.GetString("By") ?? "", e.GetString("ByName") ?? "", e.GetDateTimeOffset("At") ?? default, e.GetString("Detail")));
        return list;
    }
}
