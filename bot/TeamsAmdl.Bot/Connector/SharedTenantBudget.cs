using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Bot;

/// <summary>
/// The per-tenant Teams limit (50 requests/s per app per tenant) shared by every process of the app, so that a
/// scaled-out Functions app stays within it as a whole. One table row per tenant holds <c>Next</c>: the earliest UTC
/// time at which the tenant's next call may go out. A process claims a block of k consecutive send times
/// Next, Next + d, …, Next + (k − 1)·d and moves Next on by k·d, replacing the row under its ETag (a 412 means another
/// process claimed first: read again, <see cref="Optimistic.RetryAsync{T}(Func{int, CancellationToken, Task{T}}, int, Func{int, TimeSpan}?, CancellationToken)"/>).
/// Next is first raised to now, so times nobody used are forfeited, never saved up into a burst.
/// <para>
/// d is the stretched window over the limit (1.05 s / 50 = 21 ms): the send times of all processes form one grid
/// d apart, so any 1 s window holds at most ⌈1 s / d⌉ = 48 of them. A call may leave up to <see cref="Lateness"/>
/// (40 % of the margin, 20 ms) after its time; a permit found later than that is dropped instead of sent. The other
/// 60 % (30 ms) are for what no client controls: network jitter between the send and Teams' clock, and clock skew
/// between instances (NTP, a few ms). With 80 % for lateness the 3-process benchmark met one 429 in 2,005 requests.
/// </para>
/// <para>
/// Why not a row per (tenant, 1 s slot) with a budget each: the service counts sliding windows, and fixed slots let
/// up to twice the budget through across a slot boundary unless every process also spaces its calls on a common
/// grid — which is this design, minus the slot rows piling up in the table. A block is only as large as the number
/// of the process's calls under way (at most <see cref="ConnectorRateLimitOptions.SharedBlockSize"/>), so a process
/// takes only what it uses within moments (an idle process leaves at most a block minus one unused), and the row is
/// written about limit / block size times a second when busy.
/// </para>
/// Conversation limits stay per process (<see cref="ConnectorRateLimiter"/>): the outbox sends a recipient's
/// messages one row at a time, so one conversation is hardly ever served by two instances at once.
/// </summary>
public sealed class SharedTenantBudget
{
    /// <summary>Table name (the app adds its Storage:TablePrefix).</summary>
    public const string DefaultTable = "ConnectorBudget";

    private const string RowKey = "tenant";
    private const string NextProperty = "Next";
    private const int MaxAttempts = 12;
    private static readonly TimeSpan MaxLead = TimeSpan.FromMilliseconds(50);

    private readonly TableClient _table;
    private readonly string _partition;
    private readonly TimeProvider _time;
    private readonly int _blockSize;
    private readonly long _spacing;
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _pool = [];
    private readonly SemaphoreSlim _claiming = new(1, 1);
    private Task? _creation;
    private long _claims, _conflicts, _expired;

    /// <param name="table">The budget table (created on first use).</param>
    /// <param name="tenantId">Whose budget: every process of the app must use the same id and table.</param>
    /// <param name="timeProvider">Wall clock (send times are compared across machines): the system clock outside tests.</param>
    public SharedTenantBudget(TableClient table, string tenantId, ConnectorRateLimitOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerTenantPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SharedBlockSize, 1);
        _table = table;
        _partition = TableKeys.Escape(tenantId);
        _time = timeProvider ?? TimeProvider.System;
        _blockSize = options.SharedBlockSize;
        _spacing = (long)(TimeSpan.TicksPerSecond * (1 + options.SafetyMargin) / options.PerTenantPerSecond);
        Lateness = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond * options.SafetyMargin * 0.4));
    }

    /// <summary>Distance of the shared send times.</summary>
    public TimeSpan Spacing => TimeSpan.FromTicks(_spacing);

    /// <summary>How late after its time a permit may still be used.</summary>
    public TimeSpan Lateness { get; }

    /// <summary>Blocks claimed from the row, lost races (412) and permits dropped unused because they had passed.</summary>
    public long Claims => Interlocked.Read(ref _claims);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>
    /// A send time (UTC) for one call, no later than <paramref name="latest"/>; the caller waits until then.
    /// Throws <see cref="ConnectorException"/> (429, <see cref="ConnectorRateLimiter.ErrorCode"/>, RetryAfter) when the
    /// earliest free time is later, claiming nothing then, or when the row cannot be read or written.
    /// </summary>
    /// <param name="demand">
    /// Calls of this process under way right now, this one included: they will want a permit again within moments,
    /// so a claim takes that many (up to the block size); 1 when the process sends alone.
    /// </param>
    public async ValueTask<DateTimeOffset> ReserveAsync(DateTimeOffset latest, int demand = 1, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryTake(latest) is { } permit) return permit;
            await _claiming.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (TryTake(latest) is { } claimedMeanwhile) return claimedMeanwhile;
                await ClaimAsync(latest, Math.Clamp(demand, 1, _blockSize), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _claiming.Release();
            }
        }
    }

    /// <summary>Gives back a permit the caller did not use (another caller of this process may still use it in time).</summary>
    public void Return(DateTimeOffset permit)
    {
        lock (_gate) _pool.Add(permit.UtcTicks);
    }

    /// <summary>Counts a permit the caller woke too late for (see <see cref="Lateness"/>) and did not use.</summary>
    public void Dropped() => Interlocked.Increment(ref _expired);

    private DateTimeOffset? TryTake(DateTimeOffset latest)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var oldest = (now - Lateness).UtcTicks;
            while (_pool.Count > 0 && _pool.Min < oldest)
            {
                _pool.Remove(_pool.Min);
                Interlocked.Increment(ref _expired);
            }
            if (_pool.Count == 0) return null;
            var first = _pool.Min;
            // The row's Next lies beyond every permit held here: a fresh claim could not come earlier.
            if (first > latest.UtcTicks) throw ConnectorRateLimiter.TooLate(first - now.UtcTicks);
            _pool.Remove(first);
            return new DateTimeOffset(first, TimeSpan.Zero);
        }
    }

    private async Task ClaimAsync(DateTimeOffset latest, int count, CancellationToken cancellationToken)
    {
        long start;
        try
        {
            var table = await TableAsync(cancellationToken).ConfigureAwait(false);
            start = await Optimistic.RetryAsync(async (attempt, ct) =>
            {
                if (attempt > 0) Interlocked.Increment(ref _conflicts);
                var reading = _time.GetTimestamp();
                var row = await table.GetEntityIfExistsAsync<TableEntity>(_partition, RowKey, [NextProperty], ct).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                // The first time should still lie ahead when the write has landed and the answer is back (read and write
                // take about as long as each other); capped, so one slow read does not leave a gap in the grid.
                var lead = TimeSpan.FromTicks(Math.Min(2 * _time.GetElapsedTime(reading).Ticks, MaxLead.Ticks));
                var first = Math.Max(row.HasValue ? row.Value!.GetInt64(NextProperty) ?? 0 : 0, (now + lead).UtcTicks);
                if (first > latest.UtcTicks) throw ConnectorRateLimiter.TooLate(first - now.UtcTicks); // claim nothing it cannot use
                var claimed = new TableEntity(_partition, RowKey) { [NextProperty] = first + count * _spacing };
                if (row.HasValue)
                    await table.UpdateEntityAsync(claimed, row.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                else
                    await table.AddEntityAsync(claimed, ct).ConfigureAwait(false);
                return first;
            }, MaxAttempts, _ => Optimistic.Jitter(20), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new ConnectorException(429, ConnectorRateLimiter.ErrorCode,
                "Sendegrenze der App konnte nicht abgestimmt werden (Speicher); nächster Versuch in 1 s.", TimeSpan.FromSeconds(1), e);
        }
        Interlocked.Increment(ref _claims);
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _pool.Add(start + i * _spacing);
        }
    }

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        var creation = _creation ??= _table.CreateIfNotExistsAsync(CancellationToken.None);
        try
        {
            await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (creation.IsFaulted || creation.IsCanceled)
        {
            _ = Interlocked.CompareExchange(ref _creation, null, creation); // the next call tries again
            throw;
        }
        return _table;
    }
}
