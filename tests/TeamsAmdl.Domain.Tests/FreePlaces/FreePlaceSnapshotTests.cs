using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests.FreePlaces;

public class FreePlaceSnapshotTests
{
    [Fact]
    public void Free_places_are_capacity_minus_active_minus_held_for_an_entry_today()
    {
        var m = Generic(D(2026, 1, 1), D(2026, 12, 31), places: 10);
        var tn = Enumerable.Range(0, 8).Select(_ => Tn(D(2026, 2, 1))).ToList();
        var s = FreePlaceSnapshot.Take(m, tn, heldPlaces: 1, today: D(2026, 6, 15));
        Assert.Equal(new FreePlaceSnapshot(1, D(2026, 6, 15), D(2026, 12, 31), true), s);
        Assert.True(s.HasFreePlaces);
    }

    [Fact]
    public void Before_the_start_the_entry_is_the_start_and_after_the_end_nothing_is_offered()
    {
        var m = Generic(D(2026, 3, 1), D(2026, 8, 31), places: 5);
        Assert.Equal(D(2026, 3, 1), FreePlaceSnapshot.Take(m, [], 0, D(2026, 1, 10)).EntryDate);
        var over = FreePlaceSnapshot.Take(m, [], 0, D(2026, 9, 1));
        Assert.False(over.IntakeOpen);
        Assert.Equal(0, over.Free);
        Assert.Null(over.EntryDate);
    }

    [Fact]
    public void Christmas_eve_moves_the_entry_to_the_next_measure_day()
    {
        var m = Generic(D(2026, 1, 1), D(2027, 6, 30));
        Assert.Equal(D(2026, 12, 25), FreePlaceSnapshot.Take(m, [], 0, D(2026, 12, 24)).EntryDate);
    }

    [Theory]
    // UB started 01.03.2025: intake until 28.02.2026 (end of month 12).
    [InlineData("27.02.2026", true)]
    [InlineData("28.02.2026", true)]
    [InlineData("01.03.2026", false)]
    public void Ub_offers_places_only_until_the_end_of_month_12(string today, bool open)
    {
        var ub = Ub(D(2025, 3, 1), D(2028, 2, 29), places: 13);
        var s = FreePlaceSnapshot.Take(ub, [Tn(D(2025, 3, 1))], 0, P(today));
        Assert.Equal(open, s.IntakeOpen);
        Assert.Equal(open ? 12 : 0, s.Free);
        Assert.Equal(D(2026, 2, 28), s.IntakeDeadline);
    }

    [Fact]
    public void Dia_am_names_the_next_entry_date_and_never_offers_more_than_the_contingent_carries()
    {
        // 12 places, 2 active: 10 by capacity. The contingent (14.5 TM) carries only 3 more stays of 12 weeks.
        var m = DiaAm(D(2026, 1, 5), D(2026, 12, 31), maxOccupancy: 12, average: 10, contractedTm: 14.5m);
        var tn = new List<Participation> { Tn(D(2026, 1, 5)), Tn(D(2026, 1, 5)) };
        var s = FreePlaceSnapshot.Take(m, tn, 0, D(2026, 1, 10));
        Assert.Equal(D(2026, 1, 19), s.EntryDate); // 05.01. + 14 days
        Assert.Equal(3, TmContingent.StaysAvailable(m, tn, 0, D(2026, 1, 19)));
        Assert.Equal(3, s.Free);
        Assert.Equal(0, FreePlaceSnapshot.Take(m, tn, s.Free, D(2026, 1, 10)).Free); // all stays the contingent carries are held
    }

    [Fact]
    public void Dia_am_without_an_entry_date_left_offers_nothing()
    {
        var m = DiaAm(D(2026, 1, 5), D(2026, 3, 29));
        var s = FreePlaceSnapshot.Take(m, [], 0, D(2026, 3, 25)); // last entry date 16.03.; the next (30.03.) lies after the end
        Assert.False(s.IntakeOpen);
        Assert.Null(s.EntryDate);
    }

    [Fact]
    public void First_free_finds_the_place_a_recorded_exit_frees_later()
    {
        var m = Generic(D(2026, 1, 1), D(2026, 12, 31), places: 2);
        var tn = new List<Participation> { Tn(D(2026, 2, 1)), Tn(D(2026, 2, 1), exit: D(2026, 6, 19)) };
        var today = D(2026, 6, 15);
        Assert.Equal(0, FreePlaceSnapshot.Take(m, tn, 0, today).Free);
        var first = FreePlaceSnapshot.FirstFree(m, tn, 0, today);
        Assert.Equal(new FreePlaceSnapshot(1, D(2026, 6, 20), D(2026, 12, 31), true), first);
        // Beyond the horizon it is not offered yet.
        var far = new List<Participation> { Tn(D(2026, 2, 1)), Tn(D(2026, 2, 1), exit: D(2026, 9, 30)) };
        Assert.Equal(0, FreePlaceSnapshot.FirstFree(m, far, 0, today).Free);
    }
}
