using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Handles one message of the free-place alert queue (one or more IFKs' scheduled cards), whoever received it: the
/// queue-triggered function freeplaces-alerts (FreePlaces/Functions/AlertQueueTrigger.cs). Every card is flushed;
/// postponed (daily cap, not due yet) or failed cards get a message of their own for their new time, so waiting uses
/// up no attempts. The message itself is then always done: the result is <see cref="QueueDisposition.Complete"/> and
/// the caller deletes it (the trigger host does so when the function returns). Throws only if a card could not be
/// queued again; then the whole message is retried (cards sent already are stale and skipped).
/// </summary>
public sealed class AlertQueueHandler(FreePlacesStore store, AlertFlusher flusher, IOptions<FreePlacesOptions> options, ILogger<AlertQueueHandler> log)
{
    /// <summary>Receives after which an unreadable or ever-failing message is dropped (the trigger host poisons it earlier).</summary>
    public const int MaxDequeueCount = 10;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.WorkerConcurrency));
    // Paces card building to a little above what Teams accepts (see FreePlacesOptions.MaxCardsPerSecond).
    private readonly TokenBucketRateLimiter _pace = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, options.Value.MaxCardsPerSecond / 10), TokensPerPeriod = Math.Max(1, options.Value.MaxCardsPerSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100), QueueLimit = int.MaxValue, AutoReplenishment = true,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <param name="messageText">The message as queued (<see cref="FlushMessage"/>, plain UTF-8 JSON).</param>
    /// <param name="dequeueCount">How often this message has been received, this time included.</param>
    public async Task<QueueDisposition> HandleAsync(string messageText, long dequeueCount, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var cards = FlushMessage.Parse(messageText);
        if (cards is null || dequeueCount > MaxDequeueCount)
        {
            log.LogError("Free-place alert message dropped (unreadable or {Count} attempts): {Text}", dequeueCount,
                messageText.Length > 200 ? messageText[..200] : messageText);
            return QueueDisposition.Complete;
        }
        var again = new ConcurrentQueue<(FlushRef Card, TimeSpan Delay)>();
        // All cards of the message at once, at most WorkerConcurrency in flight (_slots) in this process.
        await Parallel.ForEachAsync(cards, new ParallelOptions { MaxDegreeOfParallelism = cards.Count, CancellationToken = ct }, async (card, token) =>
        {
            await _slots.WaitAsync(token);
            try
            {
                using var lease = await _pace.AcquireAsync(1, token);
                if (await flusher.FlushAsync(card.I, card.F, token) is { } later) again.Enqueue((card, later));
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                log.LogError(e, "Free-place card {Flush} for {Ifk} failed; trying again in {Delay}", card.F, card.I, RetryDelay);
                again.Enqueue((card, RetryDelay));
            }
            finally
            {
                _slots.Release();
            }
        });
        if (!again.IsEmpty)
        {
            var queue = await store.AlertQueueAsync(CancellationToken.None);
            foreach (var (card, delay) in again)
                await queue.SendMessageAsync(FlushMessage.Write([card]), QueueMessageLease.WholeSeconds(Clamp(delay)), NeverExpire, CancellationToken.None);
        }
        return QueueDisposition.Complete;
    }

    private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t > FreePlaceAlerts.MaxVisibility ? FreePlaceAlerts.MaxVisibility : t;
}
