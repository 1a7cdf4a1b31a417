using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class OccupancyTests
{
    [Fact]
    public void Occupancy_counts_participants_entered_and_not_yet_exited()
    {
        var ps = new[] { Tn(P("01.03.2025"), P("31.03.2025")), Tn(P("15.03.2025")), Tn(P("01.04.2025")) };
        Assert.Equal(0, Occupancy.On(ps, P("28.02.2025")));
        Assert.Equal(1, Occupancy.On(ps, P("01.03.2025")));
        Assert.Equal(2, Occupancy.On(ps, P("31.03.2025")));
        Assert.Equal(2, Occupancy.On(ps, P("01.04.2025")));
    }

    [Fact]
    public void Free_places_are_capacity_minus_occupancy_minus_reservations()
    {
        var ub = Ub(D(2025, 3, 1), D(2027, 2, 28), places: 13);
        var ps = Enumerable.Range(0, 8).Select(_ => Tn(P("01.03.2025"))).ToList();
        Assert.Equal(new PlaceCounts(13, 8, 2), Occupancy.CountsFor(ub, ps, 2, P("01.04.2025")));
        Assert.Equal(3, Occupancy.FreePlaces(ub, ps, 2, P("01.04.2025")));
        Assert.Equal(11, Occupancy.FreePlaces(ub, ps, 2, P("28.02.2025")));
    }

    [Theory]
    [InlineData(5, 7, 0)]
    [InlineData(5, 3, 3)]
    [InlineData(5, 5, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(5, 0, 9)]
    public void Free_places_are_never_negative(int capacity, int occupied, int reserved)
    {
        var counts = new PlaceCounts(capacity, occupied, reserved);
        Assert.Equal(0, counts.Free);
        Assert.False(PlaceAllocation.TryReserve(counts).Granted);
    }

    [Fact]
    public void Free_places_are_never_negative_even_when_overbooked_by_data()
    {
        var ub = Ub(D(2025, 3, 1), D(2027, 2, 28), places: 2);
        var ps = Enumerable.Range(0, 4).Select(_ => Tn(P("01.03.2025"))).ToList();
        Assert.Equal(0, Occupancy.FreePlaces(ub, ps, 1, P("01.04.2025")));
        Assert.Equal(0, new PlaceCounts(5, 0, 0, ContingentStays: -2).Free);
    }
}
