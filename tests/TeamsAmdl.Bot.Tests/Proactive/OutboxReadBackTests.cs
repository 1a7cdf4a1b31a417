using System.Text.Json;

namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// In-doubt messages settled by reading the chat back through Microsoft Graph (the real Graph SDK against
/// <see cref="Support.FakeTeamsGraph"/>, which shows the fake connector's chats): a message the crashed attempt
/// delivered is found by its marker and not sent again; one it did not deliver is sent now; while Graph cannot be
/// asked nothing is sent.
/// </summary>
public sealed class OutboxReadBackTests : IAsyncLifetime
{
    private const string Key = "alert:m-17:v1:aad-1";
    private const string Chat = "a:chat-1";

    private OutboxHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await OutboxHarness.StartAsync();
        await _h.InstallForAsync("aad-1", Chat);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private OutboxWorker Worker(ConnectorClient? client = null, IDeliveryReadBack? readBack = null) =>
        _h.CreateWorker(o => o.VisibilityTimeout = TimeSpan.FromSeconds(1), client, readBack);

    private int DeliveriesOf(string key) =>
        _h.Connector.DeliveredActivities.Count(r => r.Body.Contains('"' + DeliveryMarker.For(key) + '"', StringComparison.Ordinal));

    /// <summary>One copy in the chat; the row Sent with its id, settled by one read-back, never resent blind.</summary>
    private async Task AssertDeliveredOnceAsync(bool foundByReadBack, int attempts)
    {
        Assert.Equal(1, DeliveriesOf(Key));
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.NotNull(entry);
        Assert.Equal(OutboxStatus.Sent, entry.Status);
        Assert.Equal(foundByReadBack, entry.FoundByReadBack);
        Assert.Equal(1, entry.InDoubtReadBacks);
        Assert.Equal(0, entry.InDoubtResends);
        Assert.Equal(attempts, entry.Attempts);
        Assert.Equal("msg-1", entry.ActivityId);
        Assert.Equal(Chat, entry.ConversationId);
    }

    [Fact]
    public async Task Delivered_before_the_crash_is_found_in_the_chat_and_not_sent_again()
    {
        await _h.Outbox.EnqueueAsync([OutboxHarness.CardMessage(Key, "aad-1", "Neue Maßnahme")]);
        Assert.Equal(1, await Worker(new CrashAfterAcceptConnector(_h.Credential, _h.ClientOptions())).RunOnceAsync());
        Assert.Equal(OutboxStatus.Sending, (await _h.Outbox.GetAsync(Key))?.Status);

        // The card that went out carries the marker as a hidden last element.
        var sent = Assert.Single(_h.Connector.DeliveredActivities);
        var marker = sent.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray().Last();
        Assert.Equal(DeliveryMarker.For(Key), marker.GetProperty("id").GetString());
        Assert.False(marker.GetProperty("isVisible").GetBoolean());

        // Meanwhile 120 newer messages arrive in the same chat: the read-back has to page (50 a page) to find it.
        for (var i = 0; i < 120; i++)
            await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, Chat, new Activity { Type = ActivityTypes.Message, Text = $"Andere Nachricht {i}" });

        await _h.DrainAsync(Worker(readBack: _h.CreateReadBack()));

        await AssertDeliveredOnceAsync(foundByReadBack: true, attempts: 1);

        var graph = _h.Graph.Requests.ToArray();
        Assert.All(graph, r => Assert.Equal(200, r.Status));
        Assert.All(graph, r => Assert.Equal("Bearer " + Support.FakeTeamsGraph.Token, r.Authorization));
        Assert.Single(graph, r => r.PathAndQuery.StartsWith("/v1.0/users/aad-1/teamwork/installedApps?", StringComparison.Ordinal));
        Assert.Single(graph, r => r.PathAndQuery.EndsWith("/teamwork/installedApps/inst-aad-1/chat", StringComparison.Ordinal));
        Assert.Equal(3, graph.Count(r => r.PathAndQuery.Contains("/messages", StringComparison.Ordinal)));

        // The recorded id is the delivered message: replacing the card updates that one.
        await _h.Outbox.UpdateSentAsync(Key, OutboxHarness.CardMessage(Key, "aad-1", "Maßnahme geändert").Activity);
        Assert.Contains(_h.Connector.Requests, r => r is { Method: "PUT", Path: "/emea/v3/conversations/a:chat-1/activities/msg-1", Status: 200 });
    }

    [Fact]
    public async Task Not_delivered_before_the_crash_is_sent_once_after_the_read_back()
    {
        await _h.Outbox.EnqueueAsync([OutboxHarness.CardMessage(Key, "aad-1", "Neue Maßnahme")]);
        Assert.Equal(1, await Worker(new CrashBeforeSendConnector(_h.Credential, _h.ClientOptions())).RunOnceAsync());
        Assert.Empty(_h.Connector.DeliveredActivities);
        Assert.Equal(OutboxStatus.Sending, (await _h.Outbox.GetAsync(Key))?.Status);

        await _h.DrainAsync(Worker(readBack: _h.CreateReadBack()));

        await AssertDeliveredOnceAsync(foundByReadBack: false, attempts: 2);
    }

    [Fact]
    public async Task While_Graph_cannot_be_asked_nothing_is_sent_and_the_message_stays_in_doubt()
    {
        await _h.Outbox.EnqueueAsync([OutboxHarness.CardMessage(Key, "aad-1", "Neue Maßnahme")]);
        Assert.Equal(1, await Worker(new CrashAfterAcceptConnector(_h.Credential, _h.ClientOptions())).RunOnceAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the lease ends

        _h.Graph.FailNext(503, 2);
        var worker = Worker(readBack: _h.CreateReadBack());
        Assert.Equal(1, await worker.RunOnceAsync());
        var waiting = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Sending, waiting?.Status);
        Assert.Equal("ReadBackFailed", waiting?.LastErrorCode);
        Assert.Contains("Rücklesen fehlgeschlagen", waiting?.LastError);
        Assert.Equal(1, DeliveriesOf(Key));

        await _h.DrainAsync(worker);

        Assert.Equal(1, DeliveriesOf(Key));
        Assert.Equal(2, _h.Graph.Requests.Count(r => r.Status == 503));
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Sent, entry?.Status);
        Assert.True(entry?.FoundByReadBack);
    }

    [Fact]
    public async Task A_message_without_a_card_cannot_be_marked_and_falls_back_to_the_in_doubt_policy()
    {
        await _h.Outbox.EnqueueAsync([OutboxHarness.Message(Key, "aad-1", "Nur Text")]);
        Assert.Equal(1, await Worker(new CrashAfterAcceptConnector(_h.Credential, _h.ClientOptions())).RunOnceAsync());

        await _h.DrainAsync(_h.CreateWorker(o => { o.VisibilityTimeout = TimeSpan.FromSeconds(1); o.InDoubt = InDoubtPolicy.Park; },
            readBack: _h.CreateReadBack()));

        Assert.Empty(_h.Graph.Requests);
        Assert.Single(_h.Connector.DeliveredActivities);
        var entry = await _h.Outbox.GetAsync(Key);
        Assert.Equal(OutboxStatus.Parked, entry?.Status);
        Assert.Equal("InDoubt", entry?.LastErrorCode);
    }
}
