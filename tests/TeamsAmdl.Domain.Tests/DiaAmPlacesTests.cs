using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class DiaAmPlacesTests
{
    [Fact]
    public void Free_places_for_an_entry_date_are_max_occupancy_minus_those_still_active_then()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), maxOccupancy: 12, contractedTm: 1000m);
        var ps = new List<Participation>();
        ps.AddRange(Enumerable.Range(0, 5).Select(_ => Tn(P("06.01.2025")))); // projected to 30.03.
        ps.Add(Tn(P("06.01.2025"), P("27.04.2025"))); // extension recorded
        ps.AddRange(Enumerable.Range(0, 2).Select(_ => Tn(P("20.01.2025")))); // projected to 13.04.
        ps.Add(Tn(P("20.01.2025"), P("27.01.2025"))); // left early

        Assert.Equal(12 - 8, Occupancy.FreePlaces(m, ps, 0, P("03.02.2025")));
        Assert.Equal(12 - 8 - 1, Occupancy.FreePlaces(m, ps, 1, P("03.02.2025")));
        // 31.03. = 06.01. + 12 weeks: the first group has left, the extended one and the 20.01. group remain.
        Assert.Equal(12 - 3, Occupancy.FreePlaces(m, ps, 0, P("31.03.2025")));
        Assert.Equal(12 - 1, Occupancy.FreePlaces(m, ps, 0, P("14.04.2025")));
        Assert.Equal(12, Occupancy.FreePlaces(m, ps, 0, P("28.04.2025")));
    }

    [Fact]
    public void Free_places_never_exceed_what_the_contingent_can_carry()
    {
        // 10 TM = 300 days; a stay from 06.01. is 85 days: 3 stays although 12 places are free.
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), maxOccupancy: 12, contractedTm: 10m);
        var counts = Occupancy.CountsFor(m, [], 0, P("06.01.2025"));
        Assert.Equal(12, counts.FreeByCapacity);
        Assert.Equal(3, counts.Free);

        var granted = 0;
        AllocationDecision last;
        while ((last = PlaceAllocation.TryReserve(m, counts, P("06.01.2025"))).Granted)
        {
            counts = last.Counts;
            granted++;
        }
        Assert.Equal(3, granted);
        Assert.Equal(AllocationRefusal.ContingentExhausted, last.Refusal);
        Assert.Equal("Das Kontingent an Teilnahmemonaten reicht für keine weitere Teilnahme.", last.Message);
        // Recomputed from scratch with the 3 reservations: the same answer.
        Assert.Equal(0, Occupancy.CountsFor(m, [], 3, P("06.01.2025")).Free);
    }

    [Fact]
    public void The_contingent_counts_what_active_participants_will_still_use()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), maxOccupancy: 12, contractedTm: 10m);
        var ps = new[] { Tn(P("06.01.2025")), Tn(P("06.01.2025")) }; // 2 × 85 committed, 130 left
        // From 20.01.: 20.–30.01. = 11, Feb 30, Mar 30, 01.–13.04. = 13 → 84 days; 130 / 84 = 1.
        Assert.Equal(1, Occupancy.FreePlaces(m, ps, 0, P("20.01.2025")));
    }

    [Fact]
    public void Next_entry_date_and_its_free_places()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), maxOccupancy: 12, contractedTm: 1000m);
        var ps = new[] { Tn(P("06.01.2025")) };
        Assert.Equal((P("20.01.2025"), 11), DiaAmPlaces.ForNextEntryDate(m, ps, 0, P("07.01.2025")));
        Assert.Null(DiaAmPlaces.ForNextEntryDate(m, ps, 0, P("23.12.2025")));
    }
}
