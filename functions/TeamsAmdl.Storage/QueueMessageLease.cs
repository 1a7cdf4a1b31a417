using Azure;
using Azure.Storage.Queues;

namespace TeamsAmdl.Storage;

/// <summary>
/// What the durable outboxes (bot messages, e-Akte filing) do with a queue message they received: hide it for a
/// while, delete it, back off. Both calls tolerate 404: the message was deleted already, or another worker received
/// it meanwhile (the pop receipt is stale) and now owns it.
/// </summary>
public static class QueueMessageLease
{
    /// <summary>The longest visibility timeout the queue service accepts is 7 days.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>
    /// The queue service counts visibility timeouts in whole seconds and the SDK truncates (0.5 s would become 0:
    /// visible at once). Every timeout the outboxes pass goes through this, rounded up, as they were meant.
    /// </summary>
    public static TimeSpan WholeSeconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, value.TotalSeconds)));

    /// <summary>Makes the message visible again after <paramref name="delay"/> (clamped to 0 … 7 days). False on 404.</summary>
    public static async Task<bool> TryHideAsync(this QueueClient queue, string messageId, string popReceipt, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        if (delay > MaxVisibility) delay = MaxVisibility;
        try
        {
            await queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: WholeSeconds(delay), cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Deletes the message; false on 404. Ignores cancellation: a finished message should not come back.</summary>
    public static async Task<bool> TryDeleteAsync(this QueueClient queue, string messageId, string popReceipt)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary><paramref name="first"/> doubled per earlier attempt (attempt 1 waits <paramref name="first"/>), at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(TimeSpan first, TimeSpan max, long attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
    }
}
