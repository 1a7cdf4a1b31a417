namespace TeamsAmdl.Bot;

/// <summary>
/// What the worker does with a message whose earlier send attempt has an unknown outcome: the status row still says
/// Sending, its lease has expired, and no Sent/Failed was ever written (the worker died or was cut off while the
/// connector call was in flight, or right after the connector accepted it).
/// </summary>
public enum InDoubtPolicy
{
    /// <summary>Send again (at-least-once): never loses a message; may duplicate one if the earlier attempt had been delivered.</summary>
    Resend,

    /// <summary>Park with LastErrorCode "InDoubt" (at-most-once): never duplicates; the message may be missing. Check and requeue by hand.</summary>
    Park,
}

/// <summary>Settings of <see cref="OutboxWorker"/>.</summary>
public sealed class OutboxWorkerOptions
{
    /// <summary>The bot's account id ("28:{appId}"), used to create personal chats for users without a stored reference.</summary>
    public required string BotId { get; set; }

    /// <summary>Service URL for users without a stored reference, e.g. "https://smba.trafficmanager.net/emea/".</summary>
    public required string ServiceUrl { get; set; }

    /// <summary>Bot Framework channel id stored with created conversations.</summary>
    public string ChannelId { get; set; } = "msteams";

    /// <summary>
    /// How long a received message stays invisible to other workers, and the lease of a send attempt. It must exceed
    /// the longest connector call (see <see cref="ConnectorClientOptions.MaxRetryAfter"/> and its retries): the send
    /// is cancelled shortly before the lease ends, and a send that outlives its lease is treated as in doubt.
    /// The queue counts in whole seconds.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many receives without a final outcome the message is Parked.</summary>
    public int MaxDequeueCount { get; set; } = 8;

    /// <summary>Messages received per poll (the queue allows 1..32).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages processed at the same time.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Wait after an empty poll, doubled up to <see cref="MaxPollInterval"/> while the queue stays empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before retrying a transient failure without Retry-After; doubled per dequeue up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>What to do with an in-doubt message when no <see cref="IDeliveryReadBack"/> is given (or its activity has no card to mark).</summary>
    public InDoubtPolicy InDoubt { get; set; } = InDoubtPolicy.Resend;

    /// <summary>Read-back looks at chat messages changed since the message was enqueued minus this (clocks differ).</summary>
    public TimeSpan ReadBackClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(BotId, nameof(BotId));
        ArgumentException.ThrowIfNullOrWhiteSpace(ServiceUrl, nameof(ServiceUrl));
        if (VisibilityTimeout < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(VisibilityTimeout), VisibilityTimeout, "Mindestens 1 Sekunde.");
        if (MaxDequeueCount < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDequeueCount), MaxDequeueCount, "Mindestens 1.");
        if (BatchSize is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Erlaubt sind 1 bis 32.");
        if (MaxConcurrency < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "Mindestens 1.");
    }
}
