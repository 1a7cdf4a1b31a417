using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace TeamsAmdl.Functions.Outlook.Functions;

/// <summary>
/// Delivers the Actionable Message mails: one invocation per mail-outbox queue message. "Not yet" (Retry-After, a live
/// lease, an in-doubt mail whose mailbox cannot be asked) is a re-queued copy with that delay; an exception leaves the
/// row as it is and the host retries (then mail-outbox-poison). While Outlook is off, queued mails wait.
/// </summary>
public sealed class MailOutboxQueueTrigger(Lazy<MailOutboxWorker> worker, MailOutbox outbox, IOptions<OutlookOptions> options)
{
    public static readonly TimeSpan WaitForSetup = TimeSpan.FromMinutes(15);

    [Function("mail-outbox-deliver")]
    public async Task Run([QueueTrigger(MailOutbox.QueueName, Connection = "Storage")] QueueMessage message, CancellationToken cancellationToken)
    {
        var key = message.Body.ToString();
        var result = options.Value.Enabled ? await worker.Value.HandleAsync(key, cancellationToken) : MailDeliveryResult.Later(WaitForSetup);
        if (!result.Done)
            await outbox.Queue.SendMessageAsync(key, visibilityTimeout: result.Delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
    }
}
