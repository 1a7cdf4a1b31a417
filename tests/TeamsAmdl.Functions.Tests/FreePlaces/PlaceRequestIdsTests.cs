using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// Request ids when several Functions instances take requests at once: unique across instances, in arrival order
/// within one (the waiting list is RowKey order), in time order across instances.
/// </summary>
public sealed class PlaceRequestIdsTests
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_instances_at_the_same_instant_never_collide_and_each_keeps_arrival_order()
    {
        var time = new FakeTime(Instant); // frozen: every id is made in the same tick
        var a = new PlaceRequestIds(time);
        var b = new PlaceRequestIds(time);

        var lists = await Task.WhenAll(
            Task.Run(() => Enumerable.Range(0, 5000).Select(_ => a.Next()).ToList()),
            Task.Run(() => Enumerable.Range(0, 5000).Select(_ => b.Next()).ToList()));

        Assert.Equal(10_000, lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Count());
        foreach (var list in lists)
            Assert.Equal(list, list.Order(StringComparer.Ordinal)); // FIFO within an instance, same tick or not
    }

    [Fact]
    public void Ids_sort_by_arrival_time_across_instances_and_stay_ordered_when_the_clock_goes_back()
    {
        var time = new FakeTime(Instant);
        var a = new PlaceRequestIds(time);
        var b = new PlaceRequestIds(time);

        var first = a.Next();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = b.Next();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var third = a.Next();
        time.Set(Instant - TimeSpan.FromSeconds(1)); // e.g. a clock correction on this instance
        var fourth = a.Next();

        Assert.Equal([first, second, third, fourth], new[] { fourth, third, second, first }.Order(StringComparer.Ordinal));
        Assert.StartsWith(Instant.UtcTicks.ToString("D19"), first);
        Assert.Matches("^[0-9]{19}-[0-9a-f]{8}$", fourth);
        Assert.True(PlaceRequestRepository.IsSafeKey(fourth));
    }
}
