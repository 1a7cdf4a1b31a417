using System.Security.Cryptography;
using Azure;
using TeamsAmdl.Filing.Tests.Support;
using Azure.Data.Tables;

namespace TeamsAmdl.Filing.Tests;

/// <summary>An enqueuing caller that died half-way calls again; every step is safe to repeat.</summary>
public sealed class OutboxRecoveryTests : IAsyncLifetime
{
    private FilingHarness _h = null!;

    public async Task InitializeAsync() => _h = await FilingHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Died_after_the_blob_write_before_the_job_row_the_retry_files_once()
    {
        var content = FilingHarness.RandomBytes(4000, 3);
        var hash = Convert.ToHexString(SHA256.HashData(content.ToArray())).ToLowerInvariant();
        await _h.Outbox.StoreContentAsync(hash, content, "application/pdf", CancellationToken.None); // ... and then the process died
        Assert.Empty(await _h.Outbox.ListAsync());

        var receipt = await _h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target(), content, "application/pdf"));
        Assert.True(receipt.Created);
        Assert.Equal(hash, receipt.ContentHash);
        var job = await _h.RunUntilFinalAsync(receipt.JobId);
        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.Single(_h.Graph.File(job.Path)!.Versions);
    }

    [Fact]
    public async Task Died_after_the_job_row_before_the_queue_message_the_retry_queues_it()
    {
        var document = new FilingDocument(FilingHarness.Target(), FilingHarness.RandomBytes(4000, 4), "application/pdf");
        var receipt = await _h.Outbox.EnqueueAsync(document);
        // Make it look as if the process had died right after inserting the row: no queue message, no QueuedAt.
        await _h.Outbox.Queue.DeleteIfExistsAsync();
        await _h.Outbox.Queue.CreateIfNotExistsAsync();
        var row = (await _h.Outbox.Table.GetEntityAsync<TableEntity>(receipt.JobId, "job")).Value;
        row.Remove("QueuedAt");
        await _h.Outbox.Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
        Assert.Equal(0, await _h.Worker.RunOnceAsync(CancellationToken.None));

        var again = await _h.Outbox.EnqueueAsync(document);
        Assert.False(again.Created);
        Assert.Equal(1, await _h.VisibleQueueMessagesAsync());
        Assert.Equal(FilingStatus.Filed, (await _h.RunUntilFinalAsync(receipt.JobId)).Status);

        // A third call finds it filed and queues nothing.
        Assert.Equal(FilingStatus.Filed, (await _h.Outbox.EnqueueAsync(document)).Status);
        Assert.Equal(0, await _h.VisibleQueueMessagesAsync());
        Assert.Single(_h.Graph.Matching("PUT", "/content"));
    }
}
