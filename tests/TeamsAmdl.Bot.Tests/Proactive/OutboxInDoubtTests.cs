namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// The one window exactly-once cannot close: the connector accepted the activity, but the worker died before it
/// wrote Sent. The row is left Sending; once its lease has ended it is "in doubt" and handled per InDoubtPolicy.
/// </summary>
public sealed class OutboxInDoubtTests : IAsyncLifetime
{
    private const string Key = "alert:m-17:v1:aad-1";

    private OutboxHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await OutboxHarness.StartAsync();
        await _h.InstallForAsync("aad-1", "a:chat-1");
        await _h.Outbox.EnqueueAsync([OutboxHarness.Message(Key, "aad-1", "Neue Maßnahme")]);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>Worker A delivers, then "crashes" before recording Sent. Its lease (= visibility) is 1 s.</summary>
    private async Task CrashAfterAcceptAsync()
    {
        var crashing = _h.CreateWorker(o => o.VisibilityTimeout = TimeSpan.FromSeconds(1),
            new CrashAfterAcceptConnector(_h.Credential, _h.ClientOptions()));
        Assert.Equal(1, await crashing.RunOnceAsync());

        Assert.Single(_h.Connector.DeliveredActivities);
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Sending, entry?.Status);
        Assert.NotNull(entry?.AttemptId);
        Assert.True(entry?.LeaseUntil > DateTimeOffset.UtcNow.AddMilliseconds(-200));
    }

    [Fact]
    public async Task Resend_policy_sends_again_after_the_lease_and_flags_the_possible_duplicate()
    {
        await CrashAfterAcceptAsync();
        var crashedAttempt = (await _h.Outbox.GetAsync(Key))!.AttemptId;

        // While the lease lives nobody touches it: a second queue message for the same key (as a re-enqueue of a
        // stranded row could produce) is put back until the lease ends.
        await _h.Outbox.SendQueueMessageAsync(Key, CancellationToken.None);
        var recovering = _h.CreateWorker(o => o.VisibilityTimeout = TimeSpan.FromSeconds(1));
        Assert.Equal(1, await recovering.RunOnceAsync());
        Assert.Single(_h.Connector.DeliveredActivities);
        Assert.Equal(OutboxStatus.Sending, (await _h.Outbox.GetAsync(Key))?.Status);

        await _h.DrainAsync(recovering);
        // Let the second queue message come back as well: it must find the row Sent and send nothing.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(2.5))
        {
            if (await recovering.RunOnceAsync() == 0)
                await Task.Delay(50);
        }

        // At-least-once: delivered again (here a real duplicate, since the crashed attempt had been accepted) — once,
        // although two queue messages existed.
        Assert.Equal(2, _h.Connector.DeliveredActivities.Count);
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.NotNull(entry);
        Assert.Equal(OutboxStatus.Sent, entry.Status);
        Assert.Equal(1, entry.InDoubtResends);
        Assert.Equal(2, entry.Attempts);
        Assert.NotEqual(crashedAttempt, entry.AttemptId);
        Assert.Equal("msg-2", entry.ActivityId); // the later copy is the one UpdateSentAsync replaces
        Assert.Empty((await _h.QueueClient.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Park_policy_never_sends_again_and_parks_the_message_as_InDoubt()
    {
        await CrashAfterAcceptAsync();

        await _h.DrainAsync(_h.CreateWorker(o => { o.VisibilityTimeout = TimeSpan.FromSeconds(1); o.InDoubt = InDoubtPolicy.Park; }));

        Assert.Single(_h.Connector.DeliveredActivities);
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.NotNull(entry);
        Assert.Equal(OutboxStatus.Parked, entry.Status);
        Assert.Equal("InDoubt", entry.LastErrorCode);
        Assert.Equal(1, entry.Attempts);
        Assert.Null(entry.ActivityId);
        Assert.Empty((await _h.QueueClient.PeekMessagesAsync(32)).Value);
    }
}
