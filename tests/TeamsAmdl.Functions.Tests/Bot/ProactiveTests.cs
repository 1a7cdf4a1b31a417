using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>Proactive cards through the app's outbox and its queue trigger (run by the dev host), delivered by the dev connector.</summary>
public sealed class ProactiveTests(AppFactory app) : IClassFixture<AppFactory>
{
    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private async Task<IReadOnlyList<DevInboxEntity>> WaitForInboxAsync(string aad, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await Service<DevInboxStore>().ListAsync(aad, 50, CancellationToken.None);
            if (rows.Count >= count || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_card_queued_twice_with_the_same_key_reaches_the_user_once_and_can_be_replaced()
    {
        _ = app.CreateClient(); // starts the host (seed, hosted outbox worker)
        var staff = (await Service<StaffRepository>().GetAsync("ifk-laura-krueger"))!;
        var proactive = Service<Proactive>();
        AdaptiveCard Card(string text) => ErrorCard.Build(new ErrorCardData(text));

        var first = await proactive.SendCardAsync([(staff, "test:proactive:1")], _ => Card("Erste Fassung"), CancellationToken.None);
        var second = await proactive.SendCardAsync([(staff, "test:proactive:1")], _ => Card("Erste Fassung"), CancellationToken.None);
        Assert.Single(first.Enqueued);
        Assert.Empty(second.Enqueued);

        var inbox = await WaitForInboxAsync(staff.AadObjectId!, 1);
        var row = Assert.Single(inbox);
        Assert.Contains("Erste Fassung", row.ReadActivity().ToJsonString());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await proactive.Outbox.GetAsync("test:proactive:1"))?.Status != OutboxStatus.Sent && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await proactive.UpdateCardAsync("test:proactive:1", Card("Zweite Fassung"), CancellationToken.None);
        var updated = Assert.Single(await Service<DevInboxStore>().ListAsync(staff.AadObjectId!, 50, CancellationToken.None));
        Assert.Contains("Zweite Fassung", updated.ReadActivity().ToJsonString());

        // The card carries the outbox's delivery marker, and the app's read-back (Development: the dev inbox) finds
        // the delivered message by it; another message's marker finds nothing.
        var entry = (await proactive.Outbox.GetAsync("test:proactive:1"))!;
        var readBack = Assert.IsType<DevInboxReadBack>(Service<IDeliveryReadBack>());
        var lookup = new DeliveryLookup(proactive.TenantId, staff.AadObjectId!, entry.ServiceUrl!, entry.ConversationId!,
            DeliveryMarker.For("test:proactive:1"), entry.EnqueuedAt!.Value.AddMinutes(-5));
        Assert.Equal(entry.ActivityId, await readBack.FindAsync(lookup, CancellationToken.None));
        Assert.Null(await readBack.FindAsync(lookup with { Marker = DeliveryMarker.For("test:proactive:2") }, CancellationToken.None));

        // The worker created the personal chat and stored it for the next message.
        var reference = await proactive.References.GetUserAsync(proactive.TenantId, staff.AadObjectId!);
        Assert.Equal(DevConversations.Personal(staff.AadObjectId!), reference!.ConversationId);
    }
}
