using System.Diagnostics;
using System.Text.Json;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// The outbox drained as a [QueueTrigger] function would drain it (<see cref="OutboxHarness.TriggerAsync"/> plays the
/// host): the same state machine as polling, but "not yet" re-sends the payload as a new message and returns.
/// </summary>
public sealed class OutboxTriggerTests : IAsyncLifetime
{
    private const string Key = "alert:m-17:v1:aad-1";

    private OutboxHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await OutboxHarness.StartAsync();
        await _h.InstallForAsync("aad-1", "a:chat-1");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task EnqueueAsync() => _h.Outbox.EnqueueAsync([OutboxHarness.Message(Key, "aad-1", "Neue Maßnahme für Sie")]);

    private async Task<int> QueueLengthAsync() => (await _h.QueueClient.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Delivered_once_and_complete_and_a_duplicate_message_for_the_Sent_row_sends_nothing()
    {
        await EnqueueAsync();
        var worker = _h.CreateWorker();

        var (message, disposition) = await _h.TriggerNextAsync(worker);

        Assert.Equal($$"""{"K":"{{Key}}"}""", message.MessageText); // a first message carries no count
        Assert.True(disposition.IsComplete);
        Assert.Equal(["Neue Maßnahme für Sie"], _h.DeliveredTexts());
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Sent, entry?.Status);
        Assert.Equal(1, entry?.Attempts);
        Assert.Equal(0, await QueueLengthAsync());

        // A second queue message for the same key (e.g. the enqueuer retried): complete, nothing sent.
        await _h.QueueClient.SendMessageAsync(Outbox.ToQueueText(Key));
        var (_, duplicate) = await _h.TriggerNextAsync(worker);
        Assert.True(duplicate.IsComplete);
        Assert.Single(_h.Connector.Requests);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task Throttled_429_with_Retry_After_2_is_re_sent_for_2_seconds_with_the_receive_counted_then_delivered_once()
    {
        _h.Connector.Enqueue(429, """{"error":{"code":"Throttled","message":"Zu viele Anfragen"}}""", ("Retry-After", "2"));
        await EnqueueAsync();
        // The client does not wait 2 s itself: the attempt ends and the queue waits.
        var worker = _h.CreateWorker(client: _h.CreateClient(maxRetryAfter: TimeSpan.FromSeconds(1)));

        var (_, first) = await _h.TriggerNextAsync(worker);

        Assert.Equal(TimeSpan.FromSeconds(2), first.RetryAfter);
        var pending = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Pending, pending?.Status);
        Assert.Equal("Throttled", pending?.LastErrorCode);
        Assert.Equal(1, await QueueLengthAsync()); // the re-sent message, the original deleted by the "host"
        Assert.Null(await _h.TriggerAsync(worker)); // invisible for now

        var (again, second) = await _h.TriggerNextAsync(worker);

        Assert.Equal(1, again.DequeueCount); // a new message …
        Assert.Equal(1, JsonDocument.Parse(again.MessageText).RootElement.GetProperty("N").GetInt64()); // … carrying the first receive
        Assert.True(second.IsComplete);
        var requests = _h.Connector.Requests.ToArray();
        Assert.Equal([429, 201], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(2), $"waited only {requests[1].At - requests[0].At}");
        Assert.Single(_h.Connector.DeliveredActivities);
        Assert.Equal(OutboxStatus.Sent, (await _h.Outbox.GetAsync(Key))?.Status);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task Forbidden_403_fails_permanently_and_completes_after_exactly_one_request()
    {
        _h.Connector.Enqueue(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked from message writes."}}""");
        await EnqueueAsync();

        var (_, disposition) = await _h.TriggerNextAsync(_h.CreateWorker());

        Assert.True(disposition.IsComplete);
        Assert.Equal(403, Assert.Single(_h.Connector.Requests).Status);
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Failed, entry?.Status);
        Assert.Equal("MessageWritesBlocked", entry?.LastErrorCode);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task Parking_after_MaxDequeueCount_counts_the_receives_across_re_sent_messages()
    {
        for (var i = 0; i < 3; i++)
            _h.Connector.Enqueue(503, """{"error":{"code":"ServiceUnavailable","message":"Bitte später"}}""");
        await EnqueueAsync();
        var worker = _h.CreateWorker(o => o.MaxDequeueCount = 3, _h.CreateClient(maxRetries: 0));

        var handled = new List<(long DequeueCount, long Carried, QueueDisposition Disposition)>();
        while (await _h.TriggerAsync(worker) is { } next)
        {
            var (message, disposition) = next;
            var carried = JsonDocument.Parse(message.MessageText).RootElement.TryGetProperty("N", out var n) ? n.GetInt64() : 0;
            handled.Add((message.DequeueCount, carried, disposition));
        }

        // Every message is received once (the host never counts past 1), yet the third receive in all parks it.
        Assert.Equal([(1L, 0L), (1L, 1L), (1L, 2L)], handled.Select(h => (h.DequeueCount, h.Carried)));
        Assert.Equal([false, false, true], handled.Select(h => h.Disposition.IsComplete));
        Assert.Equal([503, 503, 503], _h.Connector.Requests.Select(r => r.Status));
        var parked = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Parked, parked?.Status);
        Assert.Equal("ServiceUnavailable", parked?.LastErrorCode);
        Assert.Equal(3, parked?.Attempts);
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task A_row_Sending_under_a_live_lease_is_retried_after_the_lease_then_sent_once()
    {
        await EnqueueAsync();
        // Attempt A marks the row Sending (lease 3 s) and dies before the request: the function throws, the host
        // makes the message visible again at once.
        var crashing = _h.CreateWorker(o => o.VisibilityTimeout = TimeSpan.FromSeconds(3), new CrashBeforeSendConnector(_h.Credential, _h.ClientOptions()));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.TriggerNextAsync(crashing));
        Assert.Equal(OutboxStatus.Sending, (await _h.Outbox.GetAsync(Key))?.Status);
        var watch = Stopwatch.StartNew();

        var worker = _h.CreateWorker(o => o.VisibilityTimeout = TimeSpan.FromSeconds(3));
        var (_, wait) = await _h.TriggerNextAsync(worker);

        Assert.False(wait.IsComplete);
        Assert.InRange(wait.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)); // the rest of A's lease, whole seconds
        Assert.Empty(_h.Connector.Requests);
        Assert.Null(await _h.TriggerAsync(worker));

        var (_, done) = await _h.TriggerNextAsync(worker);

        Assert.True(done.IsComplete);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"came back after {watch.Elapsed}");
        Assert.Single(_h.Connector.DeliveredActivities);
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Sent, entry?.Status);
        Assert.Equal(2, entry?.Attempts);
        Assert.Equal(1, entry?.InDoubtResends); // A's outcome was unknown: sent again under the Resend policy
        Assert.Equal(0, await QueueLengthAsync());
    }

    [Fact]
    public async Task An_unreadable_message_is_completed()
    {
        await _h.QueueClient.SendMessageAsync("kein JSON");

        var (_, disposition) = await _h.TriggerNextAsync(_h.CreateWorker());

        Assert.True(disposition.IsComplete);
        Assert.Equal(0, await QueueLengthAsync());
    }
}
