using Azure;
using Azure.Data.Tables;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

/// <summary><see cref="Optimistic"/> against Azurite, with writers that really race for one row.</summary>
public class OptimisticTests
{
    private static async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(TestStorage.ConnectionString, Azurite.UniqueName("opt"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task IncrementAsync(TableClient table, CancellationToken ct)
    {
        var row = (await table.GetEntityAsync<TableEntity>("p", "counter", cancellationToken: ct)).Value;
        await Task.Yield(); // widen the window between read and write
        row["N"] = row.GetInt32("N")!.Value + 1;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
    }

    [Fact]
    public async Task Racing_writers_each_get_their_increment_in()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "counter") { ["N"] = 0 });
        const int writers = 8;

        var stale = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => Optimistic.RetryAsync(async (attempt, ct) =>
        {
            if (attempt > 0) Interlocked.Increment(ref stale);
            await IncrementAsync(table, ct);
            return true;
        }, maxAttempts: 100, pause: _ => Optimistic.Jitter(20)))));

        Assert.Equal(writers, (await table.GetEntityAsync<TableEntity>("p", "counter")).Value.GetInt32("N"));
        Assert.True(stale > 0, "the writers never collided: the test proved nothing");
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_412_and_leaves_the_rival_write()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "counter") { ["N"] = 0 });

        var attempts = 0;
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Optimistic.RetryAsync(async ct =>
        {
            attempts++;
            var row = (await table.GetEntityAsync<TableEntity>("p", "counter", cancellationToken: ct)).Value;
            // A rival writes between our read and our write, every time.
            await table.UpdateEntityAsync(new TableEntity("p", "counter") { ["N"] = 1000 + attempts }, ETag.All, TableUpdateMode.Replace, ct);
            row["N"] = -1;
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
        }, maxAttempts: 3));

        Assert.Equal(412, e.Status);
        Assert.True(Optimistic.IsStale(e));
        Assert.Equal(3, attempts);
        Assert.Equal(1003, (await table.GetEntityAsync<TableEntity>("p", "counter")).Value.GetInt32("N"));
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var table = await NewTableAsync();
        var attempts = 0;
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Optimistic.RetryAsync(async ct =>
        {
            attempts++;
            return await table.GetEntityAsync<TableEntity>("p", "missing", cancellationToken: ct);
        }));
        Assert.Equal(404, e.Status);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_stale_transaction_counts_as_412_too()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "counter") { ["N"] = 0 });
        var attempts = 0;
        await Optimistic.RetryAsync(async (attempt, ct) =>
        {
            attempts++;
            var row = (await table.GetEntityAsync<TableEntity>("p", "counter", cancellationToken: ct)).Value;
            if (attempt == 0) await table.UpdateEntityAsync(new TableEntity("p", "counter") { ["N"] = 5 }, ETag.All, TableUpdateMode.Replace, ct);
            row["N"] = row.GetInt32("N")!.Value + 1;
            return await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)], ct);
        });
        Assert.Equal(2, attempts);
        Assert.Equal(6, (await table.GetEntityAsync<TableEntity>("p", "counter")).Value.GetInt32("N"));
    }
}
