using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>
/// Runs a publication (<see cref="DigestPublishJob"/>): one invocation per digest-publish queue message. A throw is
/// retried by the host (host.json maxDequeueCount); the last attempt records the job as Failed for "Erneut versuchen".
/// </summary>
public sealed class DigestPublishQueueTrigger(DigestPublishJob job)
{
    /// <summary>host.json extensions.queues.maxDequeueCount: the host's last run of a message.</summary>
    public const int MaxDequeueCount = 5;

    [Function("digest-publish-run")]
    public Task Run([QueueTrigger(DigestPublishQueue.Name, Connection = "Storage")] QueueMessage message, CancellationToken cancellationToken)
    {
        return job.RunAsync(message.MessageText.Trim(), message.DequeueCount >= MaxDequeueCount, cancellationToken);
    }
}
