using System.Diagnostics;
using TeamsAmdl.Filing.Tests.Support;
using Xunit.Abstractions;

namespace TeamsAmdl.Filing.Tests;

/// <summary>Throttling, outages and refusals from Graph: what the SDK retries, what the outbox retries, what it parks.</summary>
public sealed class RetryAndParkingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FilingHarness _h = null!;

    public async Task InitializeAsync() => _h = await FilingHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_the_given_seconds()
    {
        _h.Graph.Fail("PUT", "/content", 429, times: 1, retryAfter: "2", code: "activityLimitReached");
        var job = await _h.FileAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));

        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.Equal(1, job.Attempts); // the SDK's retry handler absorbed it within the attempt
        var puts = _h.Graph.Matching("PUT", "/content");
        Assert.Equal([429, 201], puts.Select(p => p.Status));
        var waited = puts[1].Arrived - puts[0].Completed;
        output.WriteLine($"429 answered at {puts[0].Completed.TotalMilliseconds:F0} ms, retry arrived at {puts[1].Arrived.TotalMilliseconds:F0} ms: waited {waited.TotalMilliseconds:F0} ms (Retry-After: 2)");
        Assert.InRange(waited, TimeSpan.FromSeconds(1.95), TimeSpan.FromSeconds(3.5));
        Assert.Equal("1", puts[1].RetryAttempt);
        Assert.Equal(3000, puts[1].BodyLength); // the body was replayed
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_SDK_retries_goes_back_to_the_queue_for_Retry_After()
    {
        await using var h = await FilingHarness.StartAsync(o => o.GraphMaxRetries = 1);
        // Two 429s: the SDK's one retry is used up, the attempt fails; the job waits Retry-After (1 s) in the queue.
        h.Graph.Fail("PUT", "/content", 429, times: 2, retryAfter: "1", code: "activityLimitReached");
        var receipt = await h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));

        Assert.Equal(1, await h.Worker.RunOnceAsync(CancellationToken.None));
        var pending = (await h.Outbox.GetAsync(receipt.JobId))!;
        Assert.Equal(FilingStatus.Pending, pending.Status);
        Assert.Equal(429, pending.LastHttpStatus);
        Assert.Equal("tooManyRetries", pending.LastErrorCode);
        // Attempt start → next attempt: the SDK's in-attempt wait (1 s) plus Retry-After (1 s).
        Assert.InRange((pending.NextAttemptAt!.Value - pending.LastAttemptAt!.Value).TotalSeconds, 1.9, 3.5);
        Assert.Equal(0, await h.VisibleQueueMessagesAsync()); // hidden until Retry-After has passed

        var job = await h.RunUntilFinalAsync(receipt.JobId);
        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.Equal(2, job.Attempts);
        var puts = h.Graph.Matching("PUT", "/content");
        Assert.Equal([429, 429, 201], puts.Select(p => p.Status));
        var waited = puts[2].Arrived - puts[1].Completed;
        output.WriteLine($"second 429 at {puts[1].Completed.TotalMilliseconds:F0} ms, next attempt at {puts[2].Arrived.TotalMilliseconds:F0} ms: {waited.TotalMilliseconds:F0} ms");
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"waited only {waited.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_burst_of_503s_is_retried_until_it_passes()
    {
        // Six 503s without Retry-After: the SDK retries three times (4 requests), the outbox tries again after its
        // backoff, the SDK needs two more, then Graph answers.
        _h.Graph.Fail("PUT", "/content", 503, times: 6, code: "serviceNotAvailable");
        var watch = Stopwatch.StartNew();
        var job = await _h.FileAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));

        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(503, job.LastHttpStatus); // what the first attempt ended with stays on record
        var puts = _h.Graph.Matching("PUT", "/content");
        Assert.Equal([503, 503, 503, 503, 503, 503, 201], puts.Select(p => p.Status));
        Assert.Equal(["", "1", "2", "3", "", "1", "2"], puts.Select(p => p.RetryAttempt));
        output.WriteLine($"7 PUTs, 2 attempts, {watch.ElapsedMilliseconds} ms; outbox backoff {(puts[4].Arrived - puts[3].Completed).TotalMilliseconds:F0} ms");
        Assert.True(puts[4].Arrived - puts[3].Completed >= TimeSpan.FromMilliseconds(450));
    }

    [Fact]
    public async Task A_permanent_403_parks_the_job_keeps_the_document_and_reports_it()
    {
        _h.Graph.Fail("PUT", "/content", 403, code: "accessDenied");
        var content = FilingHarness.RandomBytes(3000);
        var receipt = await _h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), content, "application/pdf"));
        var job = await _h.RunUntilFinalAsync(receipt.JobId);

        Assert.Equal(FilingStatus.Parked, job.Status);
        Assert.Equal(1, job.Attempts); // no retries of a refusal
        Assert.Equal(403, job.LastHttpStatus);
        Assert.Equal("accessDenied", job.LastErrorCode);
        Assert.Contains("Dauerhaft abgelehnt (HTTP 403 accessDenied)", job.LastError);
        Assert.Single(_h.Graph.Matching("PUT", "/content"));
        Assert.Equal(0, await _h.VisibleQueueMessagesAsync());

        // Reported: listed as Parked; the document is still in blob storage.
        var parked = Assert.Single(await _h.Outbox.ListAsync(FilingStatus.Parked));
        Assert.Equal(receipt.JobId, parked.JobId);
        Assert.Equal(content.ToArray(), (await _h.Outbox.LoadContentAsync(receipt.ContentHash, CancellationToken.None))!.ToArray());

        // After the permission is fixed, requeueing files it.
        _h.Graph.ClearFaults();
        Assert.True(await _h.Outbox.RequeueAsync(receipt.JobId));
        var filed = await _h.RunUntilFinalAsync(receipt.JobId);
        Assert.Equal(FilingStatus.Filed, filed.Status);
        Assert.Equal(content.ToArray(), Assert.Single(_h.Graph.File(filed.Path)!.Versions));
        output.WriteLine($"parked: {job.LastError}");
    }

    [Fact]
    public async Task Transient_failures_park_after_the_last_attempt()
    {
        await using var h = await FilingHarness.StartAsync(o =>
        {
            o.MaxAttempts = 3;
            o.GraphMaxRetries = 0;
            o.RetryDelay = TimeSpan.FromMilliseconds(100);
        });
        h.Graph.Fail("PUT", "/content", 500, code: "generalException");
        var receipt = await h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(3000), "application/pdf"));
        var job = await h.RunUntilFinalAsync(receipt.JobId);

        Assert.Equal(FilingStatus.Parked, job.Status);
        Assert.Equal(3, job.Attempts);
        Assert.Equal(500, job.LastHttpStatus);
        Assert.StartsWith("Nach 3 Versuchen geparkt", job.LastError);
        Assert.Equal(3, h.Graph.Matching("PUT", "/content").Count);
    }
}
