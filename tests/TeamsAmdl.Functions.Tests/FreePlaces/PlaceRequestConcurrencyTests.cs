using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>Against Azurite: many IFKs, the last places, all at once.</summary>
public sealed class PlaceRequestConcurrencyTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    private const int Ifks = 30;

    private async Task<(string Number, List<Staff> Ifks)> ArrangeAsync(string number, int freePlaces)
    {
        _ = app.CreateClient(); // host up, demo seeded
        var today = BerlinCalendar.Today(app.Time);
        await app.Service<MeasureRepository>().UpsertAsync(Measure.Create(number, "Wettlauf um die letzten Plätze", MeasureKind.Einkaufsmassnahme,
            "§ 45 SGB III", "tr-rheinaue", "Musterstadt-Mitte", today.AddDays(-30), today.AddDays(300),
            Capacity.Create(MeasureKind.Einkaufsmassnahme, freePlaces + 3), null, "betr-01", "koord-weber", "team-u25"));
        // Three participants already hold places.
        var tables = app.Service<Tables>();
        foreach (var k in Enumerable.Range(1, 3))
            await tables.Measures.AddEntityAsync(PlaceEntity.From(new Participation(number, $"TN-{k:0000}-ZZ", today.AddDays(-20)), app.Time.GetUtcNow()));
        var ifks = Enumerable.Range(1, Ifks).Select(i => new Staff($"ifk-race-{number[^2..]}-{i:00}", $"IFK {i}", $"race{i}@jc.example", "team-u25",
            new HashSet<StaffRole> { StaffRole.Ifk }, AadObjectId: Guid.NewGuid().ToString())).ToList();
        foreach (var s in ifks) await app.Service<StaffRepository>().UpsertAsync(s);
        return (number, ifks);
    }

    [Fact]
    public async Task Thirty_IFKs_request_the_last_two_places_at_once_two_get_them_and_the_waiting_list_keeps_request_order()
    {
        var (number, ifks) = await ArrangeAsync("RACE-2026-01", freePlaces: 2);
        var service = app.Service<PlaceRequestService>();

        using var start = new SemaphoreSlim(0);
        var tasks = ifks.Select((ifk, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await service.RequestAsync(ifk, number, $"TN-{7000 + i}-RC", null, null, null, CancellationToken.None);
        })).ToList();
        start.Release(Ifks);
        var outcomes = await Task.WhenAll(tasks);

        Assert.All(outcomes, o => Assert.True(o.Ok, o.Error));
        var granted = outcomes.Where(o => o.Request!.State == PlaceRequestStatus.Pending).ToList();
        var refused = outcomes.Where(o => o.Request!.State == PlaceRequestStatus.Refused).ToList();
        Assert.Equal(2, granted.Count);
        Assert.Equal(28, refused.Count);

        // Exactly two reservation rows; nothing was reserved for the 28.
        var state = (await app.Service<MeasureRepository>().GetAsync(number, BerlinCalendar.Today(app.Time)))!;
        Assert.Equal(granted.Select(g => g.Request!.CustomerRef).Order(), state.ReservedRefs.Order());
        Assert.Equal(0, FreePlaceViews.Snapshot(state, BerlinCalendar.Today(app.Time)).Free);

        // The 28 refusals are clear (the card says "Kein Platz mehr frei") and carry the waiting-list action.
        var card = (await service.OutcomeCardAsync(refused[0].Request!, null, null, CancellationToken.None)).ToJson();
        Assert.Contains("Kein Platz mehr frei", card);
        Assert.Contains("Auf die Warteliste", card);

        // They join the waiting list in the opposite order of their requests, concurrently: the list keeps request order.
        var requestOrder = refused.Select(r => r.Request!).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        var joins = await Task.WhenAll(requestOrder.AsEnumerable().Reverse().Select(r => Task.Run(() =>
            service.JoinWaitlistAsync(ifks.Single(i => i.Id == r.IfkId), number, r.RowKey, null, CancellationToken.None))));
        Assert.All(joins, j => Assert.True(j.Ok, j.Error));
        var waiting = await app.Service<PlaceRequestRepository>().WaitingAsync(number, CancellationToken.None);
        Assert.Equal(requestOrder.Select(r => r.RowKey), waiting.Select(w => w.RowKey));
        // Request ids are taken when the request arrives, so their order is the order of arrival.
        Assert.True(requestOrder.Zip(requestOrder.Skip(1)).All(p => string.CompareOrdinal(p.First.RowKey, p.Second.RowKey) < 0));

        // A declined request gives its place back: the first of the waiting list gets it, before anyone else hears of it.
        var betreuer = (await app.Service<StaffRepository>().GetAsync("betr-01"))!;
        var (declined, alert) = await app.Service<FreePlaceOperations>().DeclineAsync(betreuer, number, granted[0].Request!.RowKey,
            "Zielgruppe passt nicht", viaCard: false, CancellationToken.None);
        Assert.True(declined.Ok, declined.Error);
        Assert.NotNull(alert);
        Assert.Equal(1, alert!.Promoted);
        Assert.False(alert.Alerted); // the place went to the waiting list: nothing left to announce
        var first = (await app.Service<PlaceRequestRepository>().GetAsync(number, requestOrder[0].RowKey, CancellationToken.None))!;
        Assert.Equal(PlaceRequestStatus.Pending, first.State);
        Assert.True(first.FromWaitlist);
        var second = (await app.Service<PlaceRequestRepository>().GetAsync(number, requestOrder[1].RowKey, CancellationToken.None))!;
        Assert.Equal(PlaceRequestStatus.Waitlisted, second.State);
        state = (await app.Service<MeasureRepository>().GetAsync(number, BerlinCalendar.Today(app.Time)))!;
        Assert.Equal(2, state.ReservedRefs.Count);
        Assert.Contains(first.CustomerRef, state.ReservedRefs);
    }
}
