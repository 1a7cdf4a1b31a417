using TeamsAmdl.Filing.Tests.Support;

namespace TeamsAmdl.Filing.Tests;

/// <summary>
/// The filing queue drained as a [QueueTrigger] function would drain it (<see cref="FilingHarness.TriggerAsync"/>
/// plays the host): the same state machine as polling; "not yet" re-sends the job's message and returns.
/// </summary>
public sealed class TriggerModeTests : IAsyncLifetime
{
    private FilingHarness _h = null!;

    public async Task InitializeAsync() => _h = await FilingHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<int> QueueLengthAsync(FilingHarness h) => (await h.Outbox.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Filed_once_and_complete_and_a_second_message_for_the_filed_job_does_nothing()
    {
        var content = FilingHarness.RandomBytes(3000);
        var receipt = await _h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), content, "application/pdf"));

        var (job, dispositions) = await _h.TriggerUntilFinalAsync(receipt.JobId);

        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.True(Assert.Single(dispositions).IsComplete);
        Assert.Equal(1, job.Attempts);
        Assert.Single(_h.Graph.Matching("PUT", "/content"));
        Assert.Equal(content.ToArray(), Assert.Single(_h.Graph.File(job.Path)!.Versions));
        Assert.Equal(0, await QueueLengthAsync(_h));

        await _h.Outbox.Queue.SendMessageAsync(FilingOutbox.ToQueueText(receipt.JobId));
        var duplicate = await _h.TriggerAsync();
        Assert.True(duplicate?.Disposition.IsComplete);
        Assert.Single(_h.Graph.Matching("PUT", "/content"));
        Assert.Equal(0, await QueueLengthAsync(_h));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_SDK_retries_is_re_sent_for_Retry_After_then_filed_once()
    {
        await using var h = await FilingHarness.StartAsync(o => o.GraphMaxRetries = 1);
        h.Graph.Fail("PUT", "/content", 429, times: 2, retryAfter: "2", code: "activityLimitReached");
        var receipt = await h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));

        var first = await h.TriggerAsync();

        Assert.Equal(TimeSpan.FromSeconds(2), first?.Disposition.RetryAfter);
        var pending = (await h.Outbox.GetAsync(receipt.JobId))!;
        Assert.Equal(FilingStatus.Pending, pending.Status);
        Assert.Equal(429, pending.LastHttpStatus);
        Assert.Equal(1, await QueueLengthAsync(h)); // the re-sent message; the original was deleted by the "host"
        Assert.Null(await h.TriggerAsync()); // invisible until Retry-After has passed

        var (job, dispositions) = await h.TriggerUntilFinalAsync(receipt.JobId);

        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.True(Assert.Single(dispositions).IsComplete);
        Assert.Equal(2, job.Attempts);
        var puts = h.Graph.Matching("PUT", "/content");
        Assert.Equal([429, 429, 201], puts.Select(p => p.Status));
        Assert.True(puts[2].Arrived - puts[1].Completed >= TimeSpan.FromSeconds(1.95), $"waited only {puts[2].Arrived - puts[1].Completed}");
        Assert.Equal(0, await QueueLengthAsync(h));
    }

    [Fact]
    public async Task Transient_failures_park_after_the_last_attempt_across_re_sent_messages()
    {
        await using var h = await FilingHarness.StartAsync(o =>
        {
            o.MaxAttempts = 3;
            o.GraphMaxRetries = 0;
            o.RetryDelay = TimeSpan.FromMilliseconds(100);
        });
        h.Graph.Fail("PUT", "/content", 500, code: "generalException");
        var receipt = await h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));

        var (job, dispositions) = await h.TriggerUntilFinalAsync(receipt.JobId);

        Assert.Equal(FilingStatus.Parked, job.Status);
        Assert.Equal(3, job.Attempts);
        Assert.StartsWith("Nach 3 Versuchen geparkt", job.LastError);
        Assert.Equal([false, false, true], dispositions.Select(d => d.IsComplete));
        Assert.Equal(3, h.Graph.Matching("PUT", "/content").Count);
        Assert.Equal(0, await QueueLengthAsync(h));
    }

    [Fact]
    public async Task A_permanent_403_parks_the_job_and_completes()
    {
        _h.Graph.Fail("PUT", "/content", 403, code: "accessDenied");
        var receipt = await _h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));

        var (job, dispositions) = await _h.TriggerUntilFinalAsync(receipt.JobId);

        Assert.Equal(FilingStatus.Parked, job.Status);
        Assert.Equal(403, job.LastHttpStatus);
        Assert.True(Assert.Single(dispositions).IsComplete);
        Assert.Equal(0, await QueueLengthAsync(_h));
    }
}
