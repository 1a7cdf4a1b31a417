using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>
/// Sends a scheduled free-place card: one invocation per alert queue message, visible when the card is due
/// (bundling window, working hours). AlertQueueHandler re-queues what is not due or failed, so a normal return
/// completes the message. Without a bot identity the message waits and comes back.
/// </summary>
public sealed class AlertQueueTrigger(Lazy<AlertQueueHandler> handler, FreePlacesStore store, IHostEnvironment env, IConfiguration config)
{
    [Function("freeplaces-alerts")]
    public async Task Run([QueueTrigger(FreePlacesStore.AlertQueueName, Connection = "Storage")] QueueMessage message, CancellationToken cancellationToken)
    {
        if (!BotOptions.CanSend(env, config))
        {
            var queue = await store.AlertQueueAsync(cancellationToken);
            await queue.SendMessageAsync(message.Body, visibilityTimeout: Bot.Functions.OutboxQueueTrigger.WaitForBotIdentity,
                timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
            return;
        }
        // Lazy: the handler's sender needs a bot identity.
        await handler.Value.HandleAsync(message.MessageText, message.DequeueCount, cancellationToken);
    }
}
