using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Bot.Functions;

/// <summary>
/// Delivers the bot's proactive messages: one invocation per outbox queue message. The host keeps the message
/// invisible while this runs, deletes it on return and retries it (then moves it to outbox-poison) when this throws;
/// "not yet" (Retry-After, a live lease) is a re-queued copy with a delay, done by the worker (OutboxWorker.HandleAsync).
/// Without a bot identity (Production before Bot:AppId is set) nobody can send: the message waits and comes back.
/// </summary>
public sealed class OutboxQueueTrigger(Lazy<OutboxWorker> worker, QueueServiceClient queues, IHostEnvironment env, IConfiguration config)
{
    public static readonly TimeSpan WaitForBotIdentity = TimeSpan.FromMinutes(15);

    [Function("outbox-deliver")]
    public async Task Run([QueueTrigger(ProactiveSetup.OutboxQueue, Connection = "Storage")] QueueMessage message, CancellationToken cancellationToken)
    {
        // Lazy: the worker's connector cannot be built without a bot identity.
        if (!BotOptions.CanSend(env, config))
        {
            await queues.GetQueueClient(StorageSetup.Prefixed(config, ProactiveSetup.OutboxQueue)).SendMessageAsync(message.Body, visibilityTimeout: WaitForBotIdentity,
                timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
            return;
        }
        await worker.Value.HandleAsync(message, cancellationToken);
    }
}
