using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Bot;

public sealed class BotActionEntity : ITableEntity
{
    public const string Running = "running";
    public const string Done = "done";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string State { get; set; } = Running;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Result0 { get; set; }
    public string? Result1 { get; set; }
    public string? Result2 { get; set; }
    public string? Result3 { get; set; }

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public string? Result => LargeText.Join(Result0, Result1, Result2, Result3);

    public void SetResult(string result)
    {
        var parts = LargeText.Split(result);
        (Result0, Result1, Result2, Result3) = (parts[0], parts[1], parts[2], parts[3]);
    }
}

/// <summary>Outcome of <see cref="IdempotencyGuard.RunOnceAsync"/>.</summary>
/// <param name="Result">The stored result of the one run.</param>
/// <param name="Replayed">True when this call did not run the operation but returned an earlier run's result.</param>
/// <param name="StillRunning">True when another delivery is still running the operation (Result is null then).</param>
public sealed record GuardOutcome(string? Result, bool Replayed, bool StillRunning);

/// <summary>
/// Runs an operation at most once per key and replays its result to every later delivery with the same key
/// (table BotActions: PartitionKey = scope, e.g. the user's AAD object id; RowKey = operation key).
/// <list type="number">
/// <item>Claim: insert a "running" row; the insert is atomic, so of two concurrent deliveries exactly one wins.</item>
/// <item>The winner runs the operation and stores the result ("done"). If the operation throws, the claim is
/// deleted so that the next delivery can run it again.</item>
/// <item>A loser reads the row: "done" → the stored result; "running" → polls until done (up to
/// <see cref="WaitForRunning"/>); a claim older than <see cref="StaleAfter"/> (the winner crashed) is taken over
/// under its ETag.</item>
/// </list>
/// </summary>
public sealed class IdempotencyGuard(BotTables tables, TimeProvider time, ILogger<IdempotencyGuard> log)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan WaitForRunning = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<GuardOutcome> RunOnceAsync(string scope, string key, Func<CancellationToken, Task<string>> operation, CancellationToken ct)
    {
        var table = await tables.GetAsync(BotTables.ActionsTable, ct);
        var pk = TableKeys.Escape(scope);
        var rk = TableKeys.Escape(key);
        var waitUntil = DateTime.UtcNow + WaitForRunning; // real time: the poll must end even under a fake clock

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var claim = new BotActionEntity { PartitionKey = pk, RowKey = rk, State = BotActionEntity.Running, StartedAt = time.GetUtcNow() };
            try
            {
                await table.AddEntityAsync(claim, ct);
                return new GuardOutcome(await RunAsync(table, claim, operation, ct), Replayed: false, StillRunning: false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Someone else has (or had) this key.
            }

            var existing = await table.GetEntityIfExistsAsync<BotActionEntity>(pk, rk, cancellationToken: ct);
            if (!existing.HasValue) continue; // the other run failed and released its claim: try again
            var row = existing.Value!;
            if (row.State == BotActionEntity.Done)
                return new GuardOutcome(row.Result ?? "", Replayed: true, StillRunning: false);

            if (time.GetUtcNow() - row.StartedAt > StaleAfter)
            {
                row.StartedAt = time.GetUtcNow();
                try
                {
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    continue; // another delivery took it over or finished first
                }
                log.LogWarning("Took over a stale card action claim {Scope}/{Key} (started {StartedAt:O})", scope, key, row.StartedAt);
                var reread = await table.GetEntityAsync<BotActionEntity>(pk, rk, cancellationToken: ct);
                return new GuardOutcome(await RunAsync(table, reread.Value, operation, ct), Replayed: false, StillRunning: false);
            }

            if (DateTime.UtcNow >= waitUntil)
                return new GuardOutcome(null, Replayed: true, StillRunning: true);
            await Task.Delay(PollInterval, ct);
        }
    }

    private async Task<string> RunAsync(TableClient table, BotActionEntity claim, Func<CancellationToken, Task<string>> operation,
        CancellationToken ct)
    {
        string result;
        try
        {
            result = await operation(ct);
        }
        catch
        {
            try
            {
                await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, cancellationToken: CancellationToken.None);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                log.LogError(e, "Could not release the card action claim {Pk}/{Rk}; it expires after {Stale}", claim.PartitionKey, claim.RowKey, StaleAfter);
            }
            throw;
        }
        claim.State = BotActionEntity.Done;
        claim.CompletedAt = time.GetUtcNow();
        claim.SetResult(result);
        await table.UpsertEntityAsync(claim, TableUpdateMode.Replace, CancellationToken.None);
        return result;
    }
}
