namespace TeamsAmdl.Bot;

/// <summary>
/// Client-side limits for outbound Bot Connector calls, defaulting to the documented Teams limits: per bot per
/// conversation 7 per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per hour; per app per tenant 50 requests
/// per second. Every window is stretched by <see cref="SafetyMargin"/> so that network jitter does not push a burst
/// over the service's own window. Section "Bot:RateLimit" in the app.
/// </summary>
public sealed class ConnectorRateLimitOptions
{
    /// <summary>All calls of this app in the tenant (the bot serves one Jobcenter tenant).</summary>
    public int PerTenantPerSecond { get; set; } = 50;

    public int PerConversationPerSecond { get; set; } = 7;
    public int PerConversationPer2Seconds { get; set; } = 8;
    public int PerConversationPer30Seconds { get; set; } = 60;
    public int PerConversationPerHour { get; set; } = 1800;

    /// <summary>Fraction by which each window is lengthened on the client (0.05 = 5 %: 50/s becomes 50 per 1.05 s).</summary>
    public double SafetyMargin { get; set; } = 0.05;

    /// <summary>
    /// Longest a call waits for a permit. A call that would wait longer fails at once with a
    /// <see cref="ConnectorException"/> (status 429, code <see cref="ConnectorRateLimiter.ErrorCode"/>, RetryAfter set), so a
    /// caller such as the outbox worker reschedules instead of holding its lease.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Spread the tenant's calls evenly (at least window/limit apart) instead of letting them out in bursts.</summary>
    public bool Smooth { get; set; } = true;

    /// <summary>Set to false to switch the limiter off (calls pass straight through).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Sliding-window limiter for <see cref="RateLimitedConnectorClient"/>. A call first waits until its conversation is
/// within the conversation limits, then reserves the next tenant slot: the earliest time at which, for every limit
/// (n calls per window w, stretched by the margin), fewer than n slots lie in the window — and, with
/// <see cref="ConnectorRateLimitOptions.Smooth"/>, at least w/n after the previous slot, so calls flow evenly instead of
/// in bursts. Slots are handed out in order and recorded at their scheduled time, so a caller that wakes late does not
/// push the following ones back: the tenant rate stays at the limit as long as calls are waiting. Windows are measured
/// on a monotonic clock. Thread-safe; one instance per app and tenant.
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
    private long _acquired;
    private long _waits;
    private long _totalWaitTicks;

    public ConnectorRateLimiter(ConnectorRateLimitOptions? options = null, TimeProvider? timeProvider = null)
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
    }

    public ConnectorRateLimitOptions Options => _options;

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
            {
                var wait = TimeSpan.FromTicks(waitTicks);
                throw new ConnectorException(429, ErrorCode,
                    $"Sendegrenze der App erreicht (Teams-Limits); nächster Versuch in {Math.Ceiling(wait.TotalSeconds)} s.", retryAfter: wait);
            }
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
