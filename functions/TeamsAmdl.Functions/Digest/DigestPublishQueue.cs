using Azure.Storage.Queues;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// Queue "digest-publish": one message per publication run, carrying only the publish id. The queue-triggered function
/// digest-publish-run (<see cref="Functions.DigestPublishQueueTrigger"/>) runs <see cref="DigestPublishJob"/>; a run that
/// dies with its process comes back when the message becomes visible again, and every step of the job is safe to repeat.
/// </summary>
public sealed class DigestPublishQueue(QueueServiceClient queues, IConfiguration config)
{
    public const string Name = "digest-publish";

    private readonly QueueClient _queue = queues.GetQueueClient(StorageSetup.Prefixed(config, Name));
    private Task? _created;

    /// <summary>At start-up (StartupChecks), so that the first publish request does not wait for it.</summary>
    public Task CreateIfNotExistsAsync(CancellationToken ct) =>
        (_created ??= _queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None)).WaitAsync(ct);

    public async Task SendAsync(string publishId, CancellationToken ct)
    {
        var created = _created ??= _queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        try
        {
            await created.WaitAsync(ct);
        }
        catch when (created.IsFaulted)
        {
            _created = null;
            throw;
        }
        // Never expires: a publication must end Done or Failed, not vanish with its message after 7 days.
        await _queue.SendMessageAsync(publishId, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
    }
}
