using Microsoft.Extensions.Options;
using TeamsAmdl.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Consumes the alert queue in the app process: each message is one IFK's scheduled card; it becomes visible when
/// the card is due (bundling window, working hours). The work per message is <see cref="AlertQueueHandler"/>'s;
/// this only polls and deletes. FreePlaces:RunAlertWorker=false switches it off.
/// </summary>
public sealed class AlertWorkerService(FreePlacesStore store, IServiceProvider services, IOptions<FreePlacesOptions> options,
    ILogger<AlertWorkerService> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var idle = TimeSpan.FromMilliseconds(100);
        AlertQueueHandler? handler = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await store.AlertQueueAsync(stoppingToken);
                var messages = (await queue.ReceiveMessagesAsync(32, QueueMessageLease.WholeSeconds(Lease), stoppingToken)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, o.WorkerMaxPollInterval.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(100);
                handler ??= services.GetRequiredService<AlertQueueHandler>(); // resolved on first use, as the flusher always was
                await Task.WhenAll(messages.Select(m => ProcessSafeAsync(handler, queue, m, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Free-place alert worker: receiving failed; retrying in 5 s");
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task ProcessSafeAsync(AlertQueueHandler handler, QueueClient queue, QueueMessage message, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(message.MessageText, message.DequeueCount, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Free-place alert message {Id} failed; it is tried again in {Lease}", message.MessageId, Lease);
        }
    }
}
