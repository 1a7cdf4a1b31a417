using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using TeamsAmdl.Functions;

namespace TeamsAmdl.DevHost;

/// <summary>
/// Runs the queue-triggered functions as the Functions host's queue listener does, on the app's storage account
/// (Azurite locally): receive up to batchSize messages (invisible while the function runs), delete a message when
/// its function returns, make it visible again after visibilityTimeout when the function throws, and after
/// maxDequeueCount failed runs move it to "&lt;queue&gt;-poison". Polls with a backoff up to maxPollingInterval.
/// Settings from host.json's extensions.queues (<see cref="HostJsonQueues"/>). Queue names get the app's
/// Storage:TablePrefix, as the app's producers apply it (tests isolate themselves that way; in Azure it is empty).
/// </summary>
public sealed class QueueTriggerService(FunctionCatalog catalog, FunctionInvoker invoker, QueueServiceClient queues, IConfiguration config,
    HostJsonQueues options, TimeProvider time, ILogger<QueueTriggerService> log) : BackgroundService
{
    /// <summary>While a function runs, its message stays invisible this long (the host renews; 10 min covers every function here).</summary>
    private static readonly TimeSpan InvisibleWhileRunning = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Queues.Select(f => PollAsync(f, stoppingToken)));

    private async Task PollAsync(QueueFunction function, CancellationToken ct)
    {
        var name = StorageSetup.Prefixed(config, function.QueueName);
        var queue = queues.GetQueueClient(name);
        var poison = queues.GetQueueClient(name + "-poison");
        var idle = MinPollingInterval;
        while (!ct.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: ct);
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, InvisibleWhileRunning, ct)).Value;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                log.LogWarning(e, "Queue {Queue}: receive failed; polling again", name);
                messages = [];
            }
            if (messages.Length == 0)
            {
                try { await Task.Delay(idle, time, ct); }
                catch (OperationCanceledException) { return; }
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }
            idle = MinPollingInterval;
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = options.BatchSize, CancellationToken = ct },
                (message, token) => new ValueTask(RunAsync(function, queue, poison, message, token)));
        }
    }

    private async Task RunAsync(QueueFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken ct)
    {
        try
        {
            await invoker.InvokeAsync(function, new Dictionary<object, object>(), p => Bind(p.ParameterType, message), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                log.LogError(e, "Queue function {Function} failed {Count} times; message {MessageId} moved to {Poison}",
                    function.Name, message.DequeueCount, message.MessageId, poison.Name);
                await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
                await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
                await DeleteAsync(queue, message);
            }
            else
            {
                log.LogWarning(e, "Queue function {Function} failed (receive {Count} of {Max}); message {MessageId} visible again in {Delay}",
                    function.Name, message.DequeueCount, options.MaxDequeueCount, message.MessageId, options.VisibilityTimeout);
                try
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout,
                        cancellationToken: CancellationToken.None);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 400) { /* deleted or received again meanwhile */ }
            }
            return;
        }
        await DeleteAsync(queue, message);
    }

    private static async Task DeleteAsync(QueueClient queue, QueueMessage message)
    {
        try { await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None); }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400) { /* already gone (Azurite: 400 PopReceiptMismatch) */ }
    }

    /// <summary>The trigger parameter as the worker binds it: the message text, the message, or its body.</summary>
    private static object? Bind(Type type, QueueMessage message) =>
        type == typeof(QueueMessage) ? message
        : type == typeof(BinaryData) ? message.Body
        : type == typeof(string) ? message.Body.ToString()
        : throw new NotSupportedException($"Queue trigger parameter type {type} is not supported by the dev host.");
}
