using System.Net;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>A 10-minute bundling window, no in-process alert worker: the alert queue's messages are handed over as a [QueueTrigger] would.</summary>
public sealed class TriggeredAlertsAppFactory : FreePlacesAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["FreePlaces:BundlingWindow"] = "00:10:00",
        ["AzureWebJobs.freeplaces-alerts.Disabled"] = "true",
    };
}

/// <summary>
/// <see cref="AlertQueueHandler"/> as a [QueueTrigger] function calls it: a card not yet due gets a message of its
/// own for its time and the handled message is complete; when due the card goes out once; a stale message is complete.
/// </summary>
public sealed class AlertQueueTriggerTests(TriggeredAlertsAppFactory app) : IClassFixture<TriggeredAlertsAppFactory>
{
    private const string Digital = "962-E-2026-0104"; // team Integration Süd
    private const string Ifk = "ifk-daniel-hartwig"; // team Integration Süd

    private static DateTimeOffset Berlin(int d, int h, int mi) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, d, h, mi, 0, DateTimeKind.Unspecified), BerlinCalendar.Zone), TimeSpan.Zero);

    private async Task<int> QueueLengthAsync() =>
        (await (await app.Service<FreePlacesStore>().AlertQueueAsync(CancellationToken.None)).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task A_card_not_yet_due_is_re_sent_for_its_time_then_sent_once_when_due()
    {
        _ = app.CreateClient();
        app.Time.Set(Berlin(23, 9, 0)); // Monday
        Assert.Equal(HttpStatusCode.OK, (await app.As("koord-weber").PostAsync($"/api/measures/{Digital}/open-for-assignment", null)).StatusCode);
        var table = await app.Service<FreePlacesStore>().AlertsAsync(CancellationToken.None);
        var flush = (await table.GetEntityIfExistsAsync<AlertRowEntity>(Ifk, AlertRowEntity.FlushRow)).Value!;
        Assert.Equal(Berlin(23, 9, 10), flush.NotBefore);
        var queued = await QueueLengthAsync(); // the scheduled messages, invisible for 10 min
        var handler = app.Service<AlertQueueHandler>();
        var message = FlushMessage.Write([new FlushRef(Ifk, flush.FlushId!)]);

        // Handed over early (e.g. clocks apart): not due, so a message of its own for 09:10; this one is done.
        Assert.Equal(QueueDisposition.Complete, await handler.HandleAsync(message, 1, CancellationToken.None));
        Assert.Equal(queued + 1, await QueueLengthAsync());
        Assert.Empty(await app.InboxAsync(Ifk));

        app.Time.Set(Berlin(23, 9, 11));
        Assert.Equal(QueueDisposition.Complete, await handler.HandleAsync(message, 1, CancellationToken.None));
        var cards = await app.WaitForInboxAsync(Ifk, Digital);
        Assert.Single(cards);
        Assert.False((await table.GetEntityIfExistsAsync<AlertRowEntity>(Ifk, AlertRowEntity.FlushRow)).HasValue);

        // The re-sent message arrives later: its flush is gone, so it is complete and sends nothing.
        Assert.Equal(QueueDisposition.Complete, await handler.HandleAsync(message, 1, CancellationToken.None));
        Assert.Equal(queued + 1, await QueueLengthAsync());
        Assert.Single(await app.InboxAsync(Ifk));

        // Unreadable, or received too often: dropped (complete).
        Assert.Equal(QueueDisposition.Complete, await handler.HandleAsync("kein JSON", 1, CancellationToken.None));
        Assert.Equal(QueueDisposition.Complete, await handler.HandleAsync(message, AlertQueueHandler.MaxDequeueCount + 1, CancellationToken.None));
    }
}
