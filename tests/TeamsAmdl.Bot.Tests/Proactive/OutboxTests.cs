namespace TeamsAmdl.Bot.Tests.Proactive;

public sealed class OutboxTests : IAsyncLifetime
{
    private const string MessageWritesBlocked = """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked from message writes."}}""";

    private OutboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await OutboxHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static OutboundMessage[] Batch(string measure = "m-17") =>
    [
        OutboxHarness.Message($"alert:{measure}:v1:aad-1", "aad-1", "Neue Maßnahme für Sie (1)"),
        OutboxHarness.Message($"alert:{measure}:v1:aad-2", "aad-2", "Neue Maßnahme für Sie (2)"),
        OutboxHarness.Message($"alert:{measure}:v1:aad-3", "aad-3", "Neue Maßnahme für Sie (3)"),
    ];

    [Fact]
    public async Task Three_recipients_creates_the_missing_personal_chat_sends_all_and_records_activity_ids()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        await _h.InstallForAsync("aad-2", "a:chat-2");
        // aad-3 never talked to the bot: no reference.

        var result = await _h.Outbox.EnqueueAsync(Batch());
        Assert.Equal(3, result.Enqueued.Count);
        Assert.Empty(result.AlreadyPresent);
        Assert.All(await _h.Outbox.ListAsync(), e => Assert.Equal(OutboxStatus.Pending, e.Status));

        await _h.DrainAsync(_h.CreateWorker());

        var requests = _h.Connector.Requests.ToArray();
        var create = Assert.Single(requests, r => r.Path == "/emea/v3/conversations");
        Assert.Equal("POST", create.Method);
        var parameters = create.Json;
        Assert.False(parameters.GetProperty("isGroup").GetBoolean());
        Assert.Equal(OutboxHarness.BotId, parameters.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("aad-3", parameters.GetProperty("members")[0].GetProperty("aadObjectId").GetString());
        Assert.Equal(OutboxHarness.Tenant, parameters.GetProperty("tenantId").GetString());
        Assert.Equal(OutboxHarness.Tenant, parameters.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());

        var delivered = _h.Connector.DeliveredActivities;
        Assert.Equal(3, delivered.Count);
        Assert.Equal(
            ["/emea/v3/conversations/a:chat-1/activities", "/emea/v3/conversations/a:chat-2/activities", "/emea/v3/conversations/a:new-aad-3/activities"],
            delivered.Select(d => d.Path).Order());
        Assert.Equal(4, requests.Length);

        var entries = (await _h.Outbox.ListAsync()).OrderBy(e => e.MessageKey).ToList();
        Assert.All(entries, e =>
        {
            Assert.Equal(OutboxStatus.Sent, e.Status);
            Assert.StartsWith("msg-", e.ActivityId);
            Assert.Equal(1, e.Attempts);
            Assert.Equal(0, e.InDoubtResends);
            Assert.Equal(_h.Connector.ServiceUrl, e.ServiceUrl);
            Assert.NotNull(e.SentAt);
        });
        Assert.Equal(3, entries.Select(e => e.ActivityId).Distinct().Count());
        Assert.Equal(["a:chat-1", "a:chat-2", "a:new-aad-3"], entries.Select(e => e.ConversationId));

        // The created chat is remembered: the next message to aad-3 needs no POST /v3/conversations.
        var reference = await _h.References.GetUserAsync(OutboxHarness.Tenant, "aad-3");
        Assert.Equal("a:new-aad-3", reference?.ConversationId);
        Assert.Equal(_h.Connector.ServiceUrl, reference?.ServiceUrl);
        await _h.Outbox.EnqueueAsync([OutboxHarness.Message("alert:m-18:v1:aad-3", "aad-3", "Noch eine")]);
        await _h.DrainAsync(_h.CreateWorker());
        Assert.Single(_h.Connector.Requests, r => r.Path == "/emea/v3/conversations");
    }

    [Fact]
    public async Task Enqueuing_the_same_batch_twice_delivers_each_message_once()
    {
        foreach (var n in new[] { 1, 2, 3 })
            await _h.InstallForAsync($"aad-{n}", $"a:chat-{n}");

        var first = await _h.Outbox.EnqueueAsync(Batch());
        var second = await _h.Outbox.EnqueueAsync(Batch().Concat(Batch())); // and duplicates within one call
        Assert.Equal(3, first.Enqueued.Count);
        Assert.Empty(second.Enqueued);
        Assert.Equal(3, second.AlreadyPresent.Count);
        Assert.Equal(3, (await _h.QueueClient.PeekMessagesAsync(32)).Value.Length);

        await _h.DrainAsync(_h.CreateWorker());
        var third = await _h.Outbox.EnqueueAsync(Batch()); // after delivery, too
        Assert.Empty(third.Enqueued);
        Assert.Equal(0, await _h.CreateWorker().RunOnceAsync());

        Assert.Equal(["Neue Maßnahme für Sie (1)", "Neue Maßnahme für Sie (2)", "Neue Maßnahme für Sie (3)"], _h.DeliveredTexts().Order());
    }

    [Fact]
    public async Task Throttled_429_with_Retry_After_2_waits_at_least_2_seconds_and_delivers_once()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        _h.Connector.Enqueue(429, """{"error":{"code":"Throttled","message":"Zu viele Anfragen"}}""", ("Retry-After", "2"));
        await _h.Outbox.EnqueueAsync([Batch()[0]]);

        await _h.DrainAsync(_h.CreateWorker());

        var requests = _h.Connector.Requests.ToArray();
        Assert.Equal([429, 201], requests.Select(r => r.Status));
        var waited = requests[1].At - requests[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(2), $"waited only {waited}");
        Assert.Single(_h.Connector.DeliveredActivities);
        var entry = await _h.Outbox.GetAsync("alert:m-17:v1:aad-1");
        Assert.Equal(OutboxStatus.Sent, entry?.Status);
        Assert.Equal(1, entry?.Attempts);
    }

    [Fact]
    public async Task Forbidden_MessageWritesBlocked_fails_permanently_after_exactly_one_request()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        _h.Connector.Enqueue(403, MessageWritesBlocked);
        await _h.Outbox.EnqueueAsync([Batch()[0]]);
        var worker = _h.CreateWorker();

        await _h.DrainAsync(worker);
        for (var i = 0; i < 3; i++)
            Assert.Equal(0, await worker.RunOnceAsync());

        var request = Assert.Single(_h.Connector.Requests);
        Assert.Equal(403, request.Status);
        var entry = await _h.Outbox.GetAsync("alert:m-17:v1:aad-1");
        Assert.NotNull(entry);
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Equal("MessageWritesBlocked", entry.LastErrorCode);
        Assert.Equal(403, entry.LastHttpStatus);
        Assert.Contains("Thread is blocked", entry.LastError);
        Assert.Null(entry.ActivityId);
        Assert.Empty((await _h.QueueClient.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Creating_the_chat_refused_with_403_fails_the_message_without_sending()
    {
        _h.Connector.Enqueue(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        await _h.Outbox.EnqueueAsync([Batch()[2]]);

        await _h.DrainAsync(_h.CreateWorker());

        Assert.Equal(["/emea/v3/conversations"], _h.Connector.Requests.Select(r => r.Path));
        var entry = await _h.Outbox.GetAsync("alert:m-17:v1:aad-3");
        Assert.Equal(OutboxStatus.Failed, entry?.Status);
        Assert.Equal("BotNotInConversationRoster", entry?.LastErrorCode);
        Assert.Equal(0, entry?.Attempts);
    }

    [Fact]
    public async Task UpdateSent_replaces_the_card_with_a_PUT_on_the_stored_activity_id()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        await _h.Outbox.EnqueueAsync([Batch()[0]]);
        await _h.DrainAsync(_h.CreateWorker());
        var sent = await _h.Outbox.GetAsync("alert:m-17:v1:aad-1");

        var card = new Attachment
        {
            ContentType = Attachment.AdaptiveCardContentType,
            Content = new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "Platz vergeben" } } },
        };
        var response = await _h.Outbox.UpdateSentAsync("alert:m-17:v1:aad-1", new Activity { Type = ActivityTypes.Message, Attachments = [card] });

        var put = Assert.Single(_h.Connector.Requests, r => r.Method == "PUT");
        Assert.Equal($"/emea/v3/conversations/a:chat-1/activities/{sent!.ActivityId}", put.Path);
        Assert.Equal(sent.ActivityId, response.Id);
        Assert.Equal(sent.ActivityId, put.Json.GetProperty("id").GetString());
        Assert.Equal("Platz vergeben", put.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
        var updated = await _h.Outbox.GetAsync("alert:m-17:v1:aad-1");
        Assert.Equal(1, updated?.ActivityUpdates);
        Assert.Equal(OutboxStatus.Sent, updated?.Status);

        // Not (yet) sent: refused.
        await _h.Outbox.EnqueueAsync([OutboxHarness.Message("alert:m-99:v1:aad-1", "aad-1", "x")]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Outbox.UpdateSentAsync("alert:m-99:v1:aad-1", new Activity { Type = ActivityTypes.Message }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Outbox.UpdateSentAsync("unknown", new Activity { Type = ActivityTypes.Message }));
    }

    [Fact]
    public async Task An_activity_larger_than_48_KiB_is_kept_in_the_status_row_and_delivered_intact()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        var text = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"Zeile{i % 10} ")) + "Ende äöüß";
        Assert.True(text.Length > 80_000);
        await _h.Outbox.EnqueueAsync([OutboxHarness.Message("digest:2025-w14:aad-1/teil?1#", "aad-1", text)]);

        await _h.DrainAsync(_h.CreateWorker());

        Assert.Equal(text, Assert.Single(_h.DeliveredTexts()));
        Assert.Equal(OutboxStatus.Sent, (await _h.Outbox.GetAsync("digest:2025-w14:aad-1/teil?1#"))?.Status);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _h.Outbox.EnqueueAsync([OutboxHarness.Message("too-big", "aad-1", new string('x', Outbox.MaxActivityBytes))]));
    }

    [Fact]
    public async Task Transient_failures_are_retried_via_the_queue_and_parked_after_MaxDequeueCount_then_requeued_by_hand()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        for (var i = 0; i < 3; i++)
            _h.Connector.Enqueue(503, """{"error":{"code":"ServiceUnavailable","message":"Bitte später"}}""");
        await _h.Outbox.EnqueueAsync([Batch()[0]]);
        var worker = _h.CreateWorker(o => o.MaxDequeueCount = 3, _h.CreateClient(maxRetries: 0));

        await _h.DrainAsync(worker);

        Assert.Equal([503, 503, 503], _h.Connector.Requests.Select(r => r.Status));
        var parked = await _h.Outbox.GetAsync("alert:m-17:v1:aad-1");
        Assert.Equal(OutboxStatus.Parked, parked?.Status);
        Assert.Equal("ServiceUnavailable", parked?.LastErrorCode);
        Assert.Equal(3, parked?.Attempts);
        Assert.Empty((await _h.QueueClient.PeekMessagesAsync(32)).Value);

        Assert.True(await _h.Outbox.RequeueAsync("alert:m-17:v1:aad-1"));
        await _h.DrainAsync(_h.CreateWorker());
        Assert.Single(_h.Connector.DeliveredActivities);
        Assert.Equal(OutboxStatus.Sent, (await _h.Outbox.GetAsync("alert:m-17:v1:aad-1"))?.Status);
    }

    [Fact]
    public async Task A_Retry_After_beyond_what_the_client_waits_hides_the_message_for_that_long()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        _h.Connector.Enqueue(429, null, ("Retry-After", "120"));
        await _h.Outbox.EnqueueAsync([Batch()[0]]);
        var worker = _h.CreateWorker(client: _h.CreateClient(maxRetryAfter: TimeSpan.FromSeconds(1)));

        Assert.Equal(1, await worker.RunOnceAsync());

        Assert.Single(_h.Connector.Requests);
        var entry = await _h.Outbox.GetAsync("alert:m-17:v1:aad-1");
        Assert.Equal(OutboxStatus.Pending, entry?.Status);
        Assert.Equal("HTTP 429", entry?.LastErrorCode);
        Assert.Empty((await _h.QueueClient.PeekMessagesAsync(32)).Value); // invisible for ~120 s
        Assert.Equal(0, await worker.RunOnceAsync());
    }

    [Fact]
    public async Task A_stranded_row_whose_queue_message_was_never_sent_is_queued_by_the_next_enqueue()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        // The enqueuing process died after inserting the row: row Pending, no QueuedAt, no queue message.
        var (partitionKey, rowKey) = OutboxRow.Keys("alert:m-17:v1:aad-1");
        var row = new Azure.Data.Tables.TableEntity(partitionKey, rowKey)
        {
            [OutboxRow.MessageKey] = "alert:m-17:v1:aad-1",
            [OutboxRow.TenantId] = OutboxHarness.Tenant,
            [OutboxRow.Recipient] = "aad-1",
            [OutboxRow.Status] = "Pending",
        };
        OutboxRow.SetActivity(row, Batch()[0].Activity);
        await _h.StatusTable.AddEntityAsync(row);

        var result = await _h.Outbox.EnqueueAsync(Batch().Take(2));

        Assert.Equal(["alert:m-17:v1:aad-1", "alert:m-17:v1:aad-2"], result.Enqueued);
        await _h.DrainAsync(_h.CreateWorker());
        Assert.Equal(2, _h.Connector.DeliveredActivities.Count); // aad-2 via a created chat
        Assert.Empty((await _h.Outbox.EnqueueAsync(Batch().Take(1))).Enqueued);
    }

    [Fact]
    public async Task Invalid_messages_are_refused_before_anything_is_written()
    {
        var valid = OutboxHarness.Message("ok", "aad-1", "x");
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Outbox.EnqueueAsync([valid, OutboxHarness.Message("", "aad-1", "x")]));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Outbox.EnqueueAsync([valid, new OutboundMessage("k", "", "aad-1", new Activity())]));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Outbox.EnqueueAsync([valid, OutboxHarness.Message(new string('k', 500), "aad-1", "x")]));
        Assert.Empty(await _h.Outbox.ListAsync());
    }

    [Fact]
    public async Task An_idle_worker_wakes_up_when_this_process_queues_a_message_instead_of_waiting_for_its_next_poll()
    {
        await _h.InstallForAsync("aad-1", "a:chat-1");
        var worker = _h.CreateWorker(o => { o.PollInterval = TimeSpan.FromSeconds(60); o.MaxPollInterval = TimeSpan.FromSeconds(60); });
        using var stop = new CancellationTokenSource();
        var running = worker.RunAsync(stop.Token);
        await Task.Delay(500); // the first poll found nothing: the worker now pauses for 60 s

        await _h.Outbox.EnqueueAsync([OutboxHarness.Message("alert:m-17:v1:aad-1", "aad-1", "Neue Maßnahme")]);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_h.Connector.DeliveredActivities.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(20);

        Assert.Single(_h.Connector.DeliveredActivities); // delivered long before the 60 s poll would have come
        await stop.CancelAsync();
        await running; // stops promptly, without an exception
    }
}
