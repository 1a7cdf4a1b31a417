namespace TeamsAmdl.Bot;

/// <summary>
/// Sliding-window limiter for <see cref="RateLimitedConnectorClient"/>. A call first waits until its conversation is
/// within the conversation limits, then reserves the next tenant slot: the earliest time at which, for every limit
/// (n calls per window w, stretched by the margin), fewer than n slots lie in the window — and, with
/// <see cref="ConnectorRateLimitOptions.Smooth"/>, at least w/n after the previous slot, so calls flow evenly instead of
/// in bursts. Slots are handed out in order and recorded at their scheduled time, so a caller that wakes late does not
/// push the following ones back: the tenant rate stays at the limit as long as calls are waiting. Windows are measured
/// on a monotonic clock. Thread-safe; one instance per app and tenant.
/// <para>
/// With a <see cref="SharedTenantBudget"/> the tenant's send times come from the budget all processes of the app share
/// (its grid also spreads this process's calls evenly); the conversation windows are still kept here.
/// </para>
/// </summary>
public sealed class ConnectorRateLimiter
{
    public const string ErrorCode = "ClientRateLimited";

    private readonly Lock _gate = new();
    private readonly (int Permits, long WindowTicks)[] _tenantLimits;
    private readonly (int Permits, long WindowTicks)[] _conversationLimits;
    private readonly long _longestConversationWindow;
    private readonly long _spacing;
    private readonly Log _tenant;
    private readonly Dictionary<string, Log> _conversations = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ConnectorRateLimitOptions _options;
    private readonly SharedTenantBudget? _shared;
    private long _acquired;
    private long _reservations;
    private int _underWay;
    private long _waits;
    private long _totalWaitTicks;

    /// <param name="shared">The tenant budget shared with the app's other processes; null: this process alone keeps the tenant limit.</param>
    public ConnectorRateLimiter(ConnectorRateLimitOptions? options = null, TimeProvider? timeProvider = null, SharedTenantBudget? shared = null)
    {
        _options = options ?? new ConnectorRateLimitOptions();
        _time = timeProvider ?? TimeProvider.System;
        if (_options.SafetyMargin is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.SafetyMargin, "SafetyMargin: 0 bis 1.");
        _tenantLimits = Limits((_options.PerTenantPerSecond, TimeSpan.FromSeconds(1)));
        _conversationLimits = Limits(
            (_options.PerConversationPerSecond, TimeSpan.FromSeconds(1)),
            (_options.PerConversationPer2Seconds, TimeSpan.FromSeconds(2)),
            (_options.PerConversationPer30Seconds, TimeSpan.FromSeconds(30)),
            (_options.PerConversationPerHour, TimeSpan.FromHours(1)));
        _longestConversationWindow = _conversationLimits.Length == 0 ? 0 : _conversationLimits.Max(l => l.WindowTicks);
        _spacing = _options.Smooth && _tenantLimits.Length > 0 ? _tenantLimits.Max(l => l.WindowTicks / l.Permits) : 0;
        _tenant = new Log(_tenantLimits.Length == 0 ? 0 : _tenantLimits.Max(l => l.Permits));
        _shared = shared;
    }

    public ConnectorRateLimitOptions Options => _options;

    /// <summary>The budget shared with the app's other processes, if any.</summary>
    public SharedTenantBudget? Shared => _shared;

    /// <summary>Permits handed out so far.</summary>
    public long Acquired => Interlocked.Read(ref _acquired);

    /// <summary>Calls that had to wait, and their total waiting time.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    public TimeSpan TotalWait => TimeSpan.FromTicks(Interlocked.Read(ref _totalWaitTicks));

    /// <summary>
    /// Waits until a call to <paramref name="conversationId"/> (null: a call without a conversation, e.g. creating
    /// one) is within all limits and counts it. Throws <see cref="ConnectorException"/> (429, <see cref="ErrorCode"/>)
    /// when the wait would exceed <see cref="ConnectorRateLimitOptions.MaxWait"/>.
    /// </summary>
    public async ValueTask AcquireAsync(string? conversationId, CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled) return;
        if (_shared is not null)
        {
            Interlocked.Increment(ref _underWay);
            try
            {
                await AcquireSharedAsync(_shared, conversationId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _underWay);
            }
            return;
        }
        var started = _time.GetTimestamp();
        var waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long waitTicks;
            var reserved = false;
            lock (_gate)
            {
                var now = NowTicks();
                var conversation = conversationId is null ? null : ConversationLog(conversationId);
                var conversationFree = conversation?.EarliestAllowed(_conversationLimits, 0) ?? long.MinValue;
                if (conversationFree > now)
                {
                    waitTicks = conversationFree - now; // wait for the conversation first, then queue for a tenant slot
                }
                else
                {
                    var slot = Math.Max(now, _tenant.EarliestAllowed(_tenantLimits, _spacing));
                    waitTicks = slot - now;
                    if (_time.GetElapsedTime(started).Ticks + waitTicks <= _options.MaxWait.Ticks)
                    {
                        _tenant.Add(slot);
                        conversation?.Add(slot);
                        if ((++_acquired & 1023) == 0) EvictIdle(now);
                        reserved = true;
                    }
                }
            }

            if (!reserved && _time.GetElapsedTime(started).Ticks + waitTicks > _options.MaxWait.Ticks)
                throw TooLate(waitTicks);
            if (waitTicks > 0)
            {
                waited = true;
                await Task.Delay(TimeSpan.FromTicks(waitTicks), _time, cancellationToken).ConfigureAwait(false);
            }
            if (!reserved) continue;
            if (waited)
            {
                Interlocked.Increment(ref _waits);
                Interlocked.Add(ref _totalWaitTicks, _time.GetElapsedTime(started).Ticks);
            }
            return;
        }
    }

    /// <summary>
    /// As <see cref="AcquireAsync"/>, the tenant's send time taken from the shared budget: wait for the conversation,
    /// take a permit, record it in the conversation's log at the permit's time (or give it back if a call to the same
    /// conversation got in first), wait until then. A caller that wakes later than the budget's allowance drops the
    /// permit and takes another, so no call leaves late enough to crowd the grid (its conversation entry stays: that
    /// errs on the safe side).
    /// </summary>
    private async ValueTask AcquireSharedAsync(SharedTenantBudget shared, string? conversationId, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var latest = _time.GetUtcNow() + _options.MaxWait;
        var waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long waitTicks;
            lock (_gate)
            {
                var now = NowTicks();
                var free = conversationId is null ? long.MinValue : ConversationLog(conversationId).EarliestAllowed(_conversationLimits, 0);
                waitTicks = free > now ? free - now : 0;
            }
            if (waitTicks > 0)
            {
                if (_time.GetElapsedTime(started).Ticks + waitTicks > _options.MaxWait.Ticks) throw TooLate(waitTicks);
                waited = true;
                await Task.Delay(TimeSpan.FromTicks(waitTicks), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var permit = await shared.ReserveAsync(latest, Volatile.Read(ref _underWay), cancellationToken).ConfigureAwait(false);
            var taken = false;
            lock (_gate)
            {
                var now = NowTicks();
                var slot = now + Math.Max(0, (permit - _time.GetUtcNow()).Ticks); // the permit's time on the monotonic clock
                var conversation = conversationId is null ? null : ConversationLog(conversationId);
                if (conversation is null || conversation.EarliestAllowed(_conversationLimits, 0) <= slot)
                {
                    conversation?.Add(slot);
                    taken = true;
                    if ((Interlocked.Increment(ref _reservations) & 1023) == 0) EvictIdle(now);
                }
            }
            if (!taken)
            {
                shared.Return(permit);
                continue;
            }
            var delay = permit - _time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                waited = true;
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            if (_time.GetUtcNow() - permit > shared.Lateness)
            {
                shared.Dropped();
                continue;
            }
            Interlocked.Increment(ref _acquired);
            if (waited)
            {
                Interlocked.Increment(ref _waits);
                Interlocked.Add(ref _totalWaitTicks, _time.GetElapsedTime(started).Ticks);
            }
            return;
        }
    }

    internal static ConnectorException TooLate(long waitTicks)
    {
        var wait = TimeSpan.FromTicks(waitTicks);
        return new ConnectorException(429, ErrorCode,
            $"Sendegrenze der App erreicht (Teams-Limits); nächster Versuch in {Math.Ceiling(wait.TotalSeconds)} s.", retryAfter: wait);
    }

    private long NowTicks() => _time.GetElapsedTime(0).Ticks; // monotonic: elapsed since the timestamp origin

    private Log ConversationLog(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            log = new Log(_conversationLimits.Length == 0 ? 0 : _conversationLimits.Max(l => l.Permits));
            _conversations[conversationId] = log;
        }
        return log;
    }

    private void EvictIdle(long now)
    {
        foreach (var (id, log) in _conversations.ToList())
        {
            if (log.Last is { } last && now - last > _longestConversationWindow)
                _conversations.Remove(id);
        }
    }

    private (int Permits, long WindowTicks)[] Limits(params (int Permits, TimeSpan Window)[] limits) => limits
        .Where(l => l.Permits > 0)
        .Select(l => (l.Permits, (long)(l.Window.Ticks * (1 + _options.SafetyMargin))))
        .ToArray();

    /// <summary>Slot times, oldest first (non-decreasing), keeping the last <c>capacity</c> (the largest permit count of the limits).</summary>
    private sealed class Log(int capacity)
    {
        private readonly List<long> _stamps = [];

        public long? Last => _stamps.Count == 0 ? null : _stamps[^1];

        public void Add(long stamp)
        {
            if (capacity == 0) return;
            _stamps.Add(stamp);
            if (_stamps.Count > 2 * capacity) _stamps.RemoveRange(0, _stamps.Count - capacity);
        }

        /// <summary>
        /// Earliest time at which one more slot keeps every limit (the n-th newest slot + its window) and lies at least
        /// <paramref name="spacing"/> after the newest.
        /// </summary>
        public long EarliestAllowed((int Permits, long WindowTicks)[] limits, long spacing)
        {
            var earliest = spacing > 0 && _stamps.Count > 0 ? _stamps[^1] + spacing : long.MinValue;
            foreach (var (permits, window) in limits)
            {
                if (_stamps.Count >= permits)
                    earliest = Math.Max(earliest, _stamps[_stamps.Count - permits] + window);
            }
            return earliest;
        }
    }
}
