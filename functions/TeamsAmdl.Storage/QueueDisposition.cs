namespace TeamsAmdl.Storage;

/// <summary>
/// What a queue handler did with its message: complete (done, the message is deleted) or retry after a delay (the
/// message comes back then). Under a [QueueTrigger] the handler has already sent the retry as a new message, so the
/// function returns normally either way and the host deletes the original.
/// </summary>
public readonly record struct QueueDisposition
{
    private QueueDisposition(TimeSpan? retryAfter) => RetryAfter = retryAfter;

    /// <summary>Done: nothing more to do with this message.</summary>
    public static QueueDisposition Complete => default;

    /// <summary>Not yet: look again after <paramref name="delay"/> (whole seconds, at most <see cref="QueueMessageLease.MaxVisibility"/>).</summary>
    public static QueueDisposition Retry(TimeSpan delay) => new(QueueMessageLease.WholeSeconds(delay > QueueMessageLease.MaxVisibility ? QueueMessageLease.MaxVisibility : delay));

    /// <summary>Null when complete; else when the message comes back.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsComplete => RetryAfter is null;

    public override string ToString() => RetryAfter is { } delay ? $"RetryAfter {delay}" : "Complete";
}
