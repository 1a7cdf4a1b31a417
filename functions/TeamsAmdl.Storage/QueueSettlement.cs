using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace TeamsAmdl.Storage;

/// <summary>
/// Settles the queue message a durable-outbox handler works on, so that one state machine serves both hosts:
/// <list type="bullet">
/// <item><see cref="Polled"/>: the worker received the message itself and settles it with the pop receipt (delete,
/// hide for a while, extend its visibility).</item>
/// <item><see cref="Triggered"/>: the Functions host received it ([QueueTrigger]), keeps it invisible while the
/// function runs and deletes it when the function returns. Complete is then a no-op; retry-after sends the payload
/// again as a new message visible after the delay. A new message starts at DequeueCount 1, so the payload carries
/// the receives so far (<see cref="Receives"/> is their total), and parking rules count across re-sends.</item>
/// </list>
/// </summary>
public sealed class QueueSettlement
{
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);
    private readonly QueueClient _queue;
    private readonly Func<long, string>? _resend; // triggered: the payload to send again, given the receives so far
    private readonly TimeProvider _time;
    private string? _popReceipt;
    private DateTimeOffset? _visibleAgain;

    private QueueSettlement(QueueClient queue, string messageId, long receives, string? popReceipt, DateTimeOffset? visibleAgain,
        Func<long, string>? resend, TimeProvider time)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        MessageId = messageId;
        Receives = receives;
        _popReceipt = popReceipt;
        _visibleAgain = visibleAgain;
        _resend = resend;
        _time = time;
    }

    /// <summary>A message this process received (polling): settled with its pop receipt.</summary>
    /// <param name="carried">Receives of earlier messages with this payload (carried in it; 0 in a first message).</param>
    public static QueueSettlement Polled(QueueClient queue, QueueMessage message, long carried = 0, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(queue, message.MessageId, carried + message.DequeueCount, message.PopReceipt, message.NextVisibleOn, null, time ?? TimeProvider.System);
    }

    /// <summary>
    /// A message the Functions host handed over. <paramref name="carried"/>: receives of earlier messages with this
    /// payload (carried in it); <paramref name="dequeueCount"/>: the host's count for this message;
    /// <paramref name="visibility"/>: how long a polled receive would have hidden it; <paramref name="resend"/>: the
    /// payload to send again, given the receives so far.
    /// </summary>
    public static QueueSettlement Triggered(QueueClient queue, string? messageId, long carried, long dequeueCount, TimeSpan visibility,
        Func<long, string> resend, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(resend);
        time ??= TimeProvider.System;
        return new(queue, messageId ?? "", carried + Math.Max(1, dequeueCount), null, time.GetUtcNow() + visibility, resend, time);
    }

    public string MessageId { get; }

    /// <summary>How often the message has been received, this time included (across re-sends when triggered).</summary>
    public long Receives { get; }

    public bool IsTriggered => _resend is not null;

    /// <summary>Null until the handler completed the message or asked to retry it.</summary>
    public QueueDisposition? Disposition { get; private set; }

    /// <summary>Done: polled, the message is deleted; triggered, the host deletes it when the function returns.</summary>
    public async Task CompleteAsync()
    {
        if (_resend is null)
            await _queue.TryDeleteAsync(MessageId, _popReceipt!).ConfigureAwait(false);
        Disposition = QueueDisposition.Complete;
    }

    /// <summary>
    /// Not yet: the message comes back after <paramref name="delay"/> (rounded up to whole seconds, at most 7 days).
    /// Polled: hidden that long; triggered: sent again, visible then. Ignores cancellation, like the delete.
    /// </summary>
    public async Task RetryAfterAsync(TimeSpan delay)
    {
        var retry = QueueDisposition.Retry(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        if (_resend is null)
            await _queue.TryHideAsync(MessageId, _popReceipt!, retry.RetryAfter!.Value).ConfigureAwait(false);
        else
            await _queue.SendMessageAsync(_resend(Receives), retry.RetryAfter!.Value, NeverExpire, CancellationToken.None).ConfigureAwait(false);
        Disposition = retry;
    }

    /// <summary>
    /// Keeps the message invisible for <paramref name="visibility"/> from now. False if another worker received it
    /// meanwhile (polled: the pop receipt is stale, 404). Triggered: the host holds the message; always true.
    /// </summary>
    public async Task<bool> TryExtendAsync(TimeSpan visibility, CancellationToken cancellationToken)
    {
        if (_resend is not null)
        {
            _visibleAgain = _time.GetUtcNow() + visibility;
            return true;
        }
        try
        {
            var receipt = (await _queue.UpdateMessageAsync(MessageId, _popReceipt!, visibilityTimeout: QueueMessageLease.WholeSeconds(visibility),
                cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            _popReceipt = receipt.PopReceipt;
            _visibleAgain = receipt.NextVisibleOn;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// The end of a handling. A message the handler left alone (its outcome unknown, or a row changed under it) comes
    /// back when its visibility ends, as a polled one does by itself: triggered, it is sent again for then.
    /// </summary>
    public async Task<QueueDisposition> FinishAsync()
    {
        if (Disposition is { } done)
            return done;
        var rest = (_visibleAgain ?? _time.GetUtcNow()) - _time.GetUtcNow();
        if (_resend is not null)
        {
            await RetryAfterAsync(rest).ConfigureAwait(false);
            return Disposition!.Value;
        }
        return QueueDisposition.Retry(rest < TimeSpan.Zero ? TimeSpan.Zero : rest);
    }
}
