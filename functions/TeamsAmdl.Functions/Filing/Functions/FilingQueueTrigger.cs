using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Filing.Functions;

/// <summary>
/// Files documents into the e-Akte: one invocation per filing queue message (FilingWorker.HandleAsync; "not yet" is a
/// re-queued copy with a delay, a throw is retried by the host and ends in filing-poison). While filing is held
/// (a demo installation without Filing:SiteId/DriveId) the message waits and comes back.
/// </summary>
/// <remarks>Optional dependencies: the worker exists only when a document library is configured (not while held).</remarks>
public sealed class FilingQueueTrigger(FilingState state, FilingOutbox? outbox = null, FilingWorker? worker = null)
{
    public static readonly TimeSpan WaitWhileHeld = TimeSpan.FromMinutes(15);

    [Function("filing-deliver")]
    public async Task Run([QueueTrigger(FilingOutbox.DefaultQueueName, Connection = "Storage")] QueueMessage message, CancellationToken cancellationToken)
    {
        if (worker is null)
        {
            if (state.Mode == FilingMode.Held && outbox is not null)
                await outbox.Queue.SendMessageAsync(message.Body, visibilityTimeout: WaitWhileHeld,
                    timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
            return;
        }
        await worker.HandleAsync(message, cancellationToken);
    }
}
