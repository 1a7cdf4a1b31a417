using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Retention;

/// <summary>
/// Deletes the rows a server-side filter selects, page by page (at most <see cref="PageSize"/> rows read at a time, only
/// the keys and the columns the caller needs), in entity-group transactions of at most <see cref="BatchSize"/> rows of one
/// partition. Each delete carries the ETag that was read, so a row written meanwhile is not deleted (the next run
/// decides again). Continuation tokens name the next key, so deleting rows already read does not disturb the paging.
/// </summary>
public sealed class RetentionSweeper(ILogger<RetentionSweeper> log)
{
    public const int PageSize = 1000;
    public const int BatchSize = 100;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    public async Task<int> DeleteAsync(TableClient table, string filter, string[]? select, Func<TableEntity, bool> keep, int max,
        CancellationToken ct)
    {
        var deleted = 0;
        var columns = KeyColumns.Concat(select ?? []).ToArray();
        await foreach (var page in table.QueryAsync<TableEntity>(filter, PageSize, columns, ct).AsPages().WithCancellation(ct))
        {
            var doomed = page.Values.Where(r => !keep(r)).Take(max - deleted).ToList();
            foreach (var partition in doomed.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
                foreach (var batch in partition.Chunk(BatchSize))
                    deleted += await DeleteBatchAsync(table, batch, ct);
            if (deleted >= max) break;
        }
        return deleted;
    }

    private async Task<int> DeleteBatchAsync(TableClient table, TableEntity[] rows, CancellationToken ct)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), ct);
            return rows.Length;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            // One row changed or went meanwhile (a concurrent run, a late card update): the rest one by one.
            log.LogInformation("Retention batch of {Count} in {Table} refused ({Status}); deleting one by one", rows.Length, table.Name, e.Status);
        }
        var deleted = 0;
        foreach (var row in rows)
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // gone or changed: nothing to do now
            }
        }
        return deleted;
    }
}
