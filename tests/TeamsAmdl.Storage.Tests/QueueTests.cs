using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

public class QueueTests
{
    private static async Task<QueueClient> NewQueueAsync()
    {
        var queue = new QueueServiceClient(TestStorage.ConnectionString).GetQueueClient(Azurite.UniqueName("q"));
        Assert.NotNull(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    [Fact]
    public async Task Received_message_is_invisible_until_its_timeout_then_reappears()
    {
        var queue = await NewQueueAsync();
        const string text = "Hallo <Welt> & \"Grüße\" 'ü' ]]>";
        var sent = (await queue.SendMessageAsync(text)).Value;
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.False(string.IsNullOrEmpty(sent.PopReceipt));

        var first = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value;
        Assert.NotNull(first);
        Assert.Equal(sent.MessageId, first!.MessageId);
        Assert.Equal(text, first.MessageText);
        Assert.Equal(text, first.Body.ToString());
        Assert.Equal(1, first.DequeueCount);
        Assert.NotNull(first.InsertedOn);
        Assert.NotNull(first.NextVisibleOn);

        Assert.Null((await queue.ReceiveMessageAsync()).Value);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);

        QueueMessage? again = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (again is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            again = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        }
        Assert.NotNull(again);
        Assert.Equal(sent.MessageId, again!.MessageId);
        Assert.Equal(2, again.DequeueCount);

        // The first pop receipt is stale now. Azure answers 404 MessageNotFound, Azurite 400 PopReceiptMismatch.
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        Assert.Contains(stale.Status, new[] { 400, 404 });
        Assert.Contains(stale.ErrorCode, new[] { "PopReceiptMismatch", "MessageNotFound" });

        await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Update_message_changes_text_and_pop_receipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("before");
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value!;

        var receipt = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "after", TimeSpan.Zero)).Value;
        Assert.NotEqual(received.PopReceipt, receipt.PopReceipt);

        var updated = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        Assert.NotNull(updated);
        Assert.Equal(received.MessageId, updated!.MessageId);
        Assert.Equal("after", updated.MessageText);
        Assert.Equal(2, updated.DequeueCount);

        // Visibility-only update keeps the text.
        var hidden = (await queue.UpdateMessageAsync(updated.MessageId, updated.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
        await queue.DeleteMessageAsync(updated.MessageId, hidden.PopReceipt);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Send_options_peek_and_batch_receive()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync(BinaryData.FromObjectAsJson(new { id = 1, name = "x" }));
        await queue.SendMessageAsync("second", timeToLive: TimeSpan.FromMinutes(5));
        await queue.SendMessageAsync("delayed", visibilityTimeout: TimeSpan.FromSeconds(60), timeToLive: TimeSpan.FromSeconds(-1));

        var peeked = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
        Assert.Equal(2, peeked.Length);
        Assert.All(peeked, p => Assert.Equal(0, p.DequeueCount));
        Assert.Equal("{\"id\":1,\"name\":\"x\"}", peeked[0].MessageText);

        var received = (await queue.ReceiveMessagesAsync(maxMessages: 10, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;
        Assert.Equal(["second", "{\"id\":1,\"name\":\"x\"}"], received.Select(m => m.MessageText).Order(StringComparer.Ordinal));
        Assert.Empty((await queue.ReceiveMessagesAsync(CancellationToken.None)).Value);
    }

    [Fact]
    public async Task Create_and_delete_if_exists()
    {
        var queue = new QueueClient(TestStorage.ConnectionString, Azurite.UniqueName("qc"));
        Assert.Equal(201, (await queue.CreateIfNotExistsAsync())!.Status);
        await queue.CreateIfNotExistsAsync(); // existing: no exception
        Assert.True((await queue.DeleteIfExistsAsync()).Value);
        Assert.False((await queue.DeleteIfExistsAsync()).Value);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));
        Assert.Equal((404, "QueueNotFound"), (missing.Status, missing.ErrorCode));
    }
}
