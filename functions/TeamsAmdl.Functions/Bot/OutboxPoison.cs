using Azure.Storage.Queues;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// The outbox's poison queue ("outbox-poison"): queue messages whose function threw on every one of the host's
/// receives (host.json maxDequeueCount), moved there by the Functions host (or the dev host). Listed for the operators
/// with the status row they belong to; requeued by message key as a fresh queue message, after the cause is fixed.
/// </summary>
public sealed class OutboxPoison(QueueServiceClient queues, IConfiguration config, Proactive proactive)
{
    /// <summary>The queue service peeks and receives at most 32 messages per call.</summary>
    public const int MaxPerCall = 32;

    private QueueClient Queue => queues.GetQueueClient(StorageSetup.Prefixed(config, ProactiveSetup.OutboxQueue) + "-poison");

    public async Task<IReadOnlyList<BotContracts.PoisonedMessage>> ListAsync(CancellationToken ct)
    {
        if (!(await Queue.ExistsAsync(ct)).Value) return [];
        var peeked = (await Queue.PeekMessagesAsync(MaxPerCall, ct)).Value;
        var list = new List<BotContracts.PoisonedMessage>();
        foreach (var m in peeked)
        {
            var key = Outbox.MessageKeyOf(m.Body.ToString());
            var entry = key is null ? null : await proactive.Outbox.GetAsync(key, ct);
            list.Add(new BotContracts.PoisonedMessage(m.MessageId, m.InsertedOn, m.DequeueCount, key, entry?.Status.ToString()));
        }
        return list;
    }

    /// <summary>Moves the poison messages of one message key back into the outbox queue; returns how many.</summary>
    public async Task<int> RequeueAsync(string messageKey, CancellationToken ct)
    {
        if (!(await Queue.ExistsAsync(ct)).Value) return 0;
        var moved = 0;
        var received = (await Queue.ReceiveMessagesAsync(MaxPerCall, TimeSpan.FromSeconds(30), ct)).Value;
        foreach (var m in received)
        {
            if (Outbox.MessageKeyOf(m.Body.ToString()) == messageKey)
            {
                if (moved == 0) await proactive.Outbox.ResendAsync(messageKey, ct); // one fresh message, however many were poisoned
                await Queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, CancellationToken.None);
                moved++;
            }
            else
                await Queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        return moved;
    }
}
