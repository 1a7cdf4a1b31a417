using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>Reads and writes the rows of <see cref="MonitoringTables"/>. Updates are conditional on the row's ETag.</summary>
public sealed class MonitoringStore(MonitoringTables tables)
{
    private const string MonthEndPartition = "month-end";

    /// <summary>Whether the month-end run of <paramref name="month"/> finished.</summary>
    public async Task<bool> MonthEndDoneAsync(ReportMonth month, CancellationToken ct) =>
        (await tables.MonthEnd.GetEntityIfExistsAsync<TableEntity>(MonthEndPartition, month.ToString(), cancellationToken: ct)).HasValue;

    /// <summary>Records the finished run (written last: a run that died before it is simply repeated, every step being idempotent).</summary>
    public Task MarkMonthEndDoneAsync(ReportMonth month, DateOnly reportDay, int measures, int cards, DateTimeOffset at, CancellationToken ct) =>
        tables.MonthEnd.UpsertEntityAsync(new TableEntity(MonthEndPartition, month.ToString())
        {
            ["ReportDay"] = StoredDate.Write(reportDay),
            ["Measures"] = measures,
            ["Cards"] = cards,
            ["DoneAt"] = at,
        }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<AfterEndTaskRow>> ListTasksAsync(CancellationToken ct)
    {
        var list = new List<AfterEndTaskRow>();
        await foreach (var e in tables.Tasks.QueryAsync<TableEntity>(cancellationToken: ct))
            list.Add(AfterEndTaskRow.From(e));
        return list;
    }

    public async Task<AfterEndTaskRow?> GetTaskAsync(string measureNumber, AfterEndTaskKind kind, CancellationToken ct)
    {
        var e = await tables.Tasks.GetEntityIfExistsAsync<TableEntity>(measureNumber, kind.ToString(), cancellationToken: ct);
        return e.HasValue ? AfterEndTaskRow.From(e.Value!) : null;
    }

    /// <summary>Inserts a new row (ETag default) or replaces it under its ETag; 409/412 surface as <see cref="RequestFailedException"/>.</summary>
    public async Task SaveTaskAsync(AfterEndTaskRow row, CancellationToken ct)
    {
        if (row.ETag == default) await tables.Tasks.AddEntityAsync(row.ToEntity(), ct);
        else await tables.Tasks.UpdateEntityAsync(row.ToEntity(), row.ETag, TableUpdateMode.Replace, ct);
    }

    public static bool IsConflict(Exception e) => e is RequestFailedException { Status: 409 or 412 };
}
