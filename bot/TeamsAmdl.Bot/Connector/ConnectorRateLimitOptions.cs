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

    /// <summary>
    /// Share the per-tenant limit with the app's other processes through Table storage (<see cref="SharedTenantBudget"/>),
    /// so a scaled-out app stays within it as a whole. On by default where the app has storage; false: each process
    /// keeps the limit on its own (N instances could then send N times the limit).
    /// </summary>
    public bool Shared { get; set; } = true;

    /// <summary>Most tenant permits a process claims from the shared budget at once (fewer when fewer calls are waiting).</summary>
    public int SharedBlockSize { get; set; } = 5;
}
