using Azure.Storage.Queues;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

/// <summary><see cref="QueueMessageLease"/> against Azurite.</summary>
public class QueueMessageLeaseTests
{
    private static async Task<QueueClient> NewQueueAsync()
    {
        var queue = new QueueServiceClient(TestStorage.ConnectionString).GetQueueClient(Azurite.UniqueName("lease"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Hide_makes_the_message_reappear_later_and_a_deleted_message_is_false_not_an_error()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("job-1");
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value!;

        Assert.True(await queue.TryHideAsync(received.MessageId, received.PopReceipt, TimeSpan.FromSeconds(1)));
        Assert.Null((await queue.ReceiveMessageAsync()).Value); // hidden for a second yet

        var deadline = DateTime.UtcNow.AddSeconds(10);
        Azure.Storage.Queues.Models.QueueMessage? again = null;
        while (again is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            again = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        }
        Assert.NotNull(again);
        Assert.Equal("job-1", again!.MessageText);
        Assert.Equal(2, again.DequeueCount);

        // Once the message is gone (deleted by its owner), both calls answer false instead of throwing 404.
        Assert.True(await queue.TryDeleteAsync(again.MessageId, again.PopReceipt));
        Assert.False(await queue.TryDeleteAsync(again.MessageId, again.PopReceipt));
        Assert.False(await queue.TryHideAsync(again.MessageId, again.PopReceipt, TimeSpan.Zero));
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Hide_clamps_the_delay_to_what_the_service_accepts()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("job-2");
        var received = (await queue.ReceiveMessageAsync()).Value!;
        Assert.True(await queue.TryHideAsync(received.MessageId, received.PopReceipt, TimeSpan.FromDays(30)));
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(200, 1)]   // the SDK would send 0 (visible at once): rounded up instead
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(-5, 0)]
    public void Visibility_timeouts_round_up_to_whole_seconds(int milliseconds, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), QueueMessageLease.WholeSeconds(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData(1, 10)]   // attempt 1 waits the first delay
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]  // capped at max
    [InlineData(0, 10)]   // nonsense attempt numbers do not go below the first delay
    public void Backoff_doubles_per_attempt_up_to_max(long attempt, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds),
            QueueMessageLease.Backoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(100), attempt));
}
