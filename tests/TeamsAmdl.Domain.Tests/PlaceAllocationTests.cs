using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class PlaceAllocationTests
{
    private static readonly Measure UbMeasure = Ub(D(2025, 3, 1), D(2027, 2, 28), places: 13);

    [Fact]
    public void Reserving_takes_the_current_counts_and_returns_the_new_ones()
    {
        var before = new PlaceCounts(13, 10, 1);
        var decision = PlaceAllocation.TryReserve(before);
        Assert.True(decision.Granted);
        Assert.Equal(new PlaceCounts(13, 10, 2), decision.Counts);
        Assert.Equal(AllocationRefusal.None, decision.Refusal);
        Assert.Null(decision.Message);
        Assert.Equal(new PlaceCounts(13, 10, 1), before);
    }

    [Fact]
    public void The_last_place_is_given_once_only()
    {
        var counts = new PlaceCounts(3, 1, 0);
        var granted = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = PlaceAllocation.TryReserve(counts);
            if (d.Granted) granted++;
            counts = d.Counts;
        }
        Assert.Equal(2, granted);
        Assert.Equal(new PlaceCounts(3, 1, 2), counts);
        var refused = PlaceAllocation.TryReserve(counts);
        Assert.False(refused.Granted);
        Assert.Equal(AllocationRefusal.NoPlaceFree, refused.Refusal);
        Assert.Equal("Kein Platz mehr frei.", refused.Message);
        Assert.Same(counts, refused.Counts);
    }

    [Fact]
    public void Two_requests_decided_on_the_same_snapshot_produce_the_same_new_counts_so_the_ETag_lets_only_one_through()
    {
        var snapshot = new PlaceCounts(5, 4, 0);
        var first = PlaceAllocation.TryReserve(snapshot);
        var second = PlaceAllocation.TryReserve(snapshot);
        Assert.True(first.Granted && second.Granted);
        Assert.Equal(first.Counts, second.Counts);
        // The loser re-reads the stored counts and decides again: refused.
        Assert.False(PlaceAllocation.TryReserve(first.Counts).Granted);
    }

    [Fact]
    public void Confirming_and_releasing_move_the_counts()
    {
        Assert.Equal(new PlaceCounts(5, 3, 0), PlaceAllocation.ConfirmEntry(new PlaceCounts(5, 2, 1)));
        Assert.Equal(new PlaceCounts(5, 2, 0, 4), PlaceAllocation.Release(new PlaceCounts(5, 2, 1, 3)));
        Assert.Equal("Reserved", Assert.Throws<DomainValidationException>(() => PlaceAllocation.ConfirmEntry(new PlaceCounts(5, 2, 0))).Field);
        Assert.Throws<DomainValidationException>(() => PlaceAllocation.Release(new PlaceCounts(5, 2, 0)));
    }

    [Fact]
    public void Ub_entry_is_possible_up_to_the_end_of_month_12_and_refused_after()
    {
        var counts = new PlaceCounts(13, 0, 0);
        Assert.True(PlaceAllocation.TryReserve(UbMeasure, counts, P("27.02.2026")).Granted);
        Assert.True(PlaceAllocation.TryReserve(UbMeasure, counts, P("28.02.2026")).Granted);
        var after = PlaceAllocation.TryReserve(UbMeasure, counts, P("01.03.2026"));
        Assert.False(after.Granted);
        Assert.Equal(AllocationRefusal.IntakeClosed, after.Refusal);
        Assert.Equal("Aufnahmen und Nachbesetzungen sind nur in den ersten 12 Monaten der Maßnahme möglich (bis 28.02.2026).", after.Message);
        Assert.Same(counts, after.Counts);
    }

    [Fact]
    public void Entry_before_start_or_after_end_is_refused()
    {
        var counts = new PlaceCounts(13, 0, 0);
        var before = PlaceAllocation.TryReserve(UbMeasure, counts, P("28.02.2025"));
        Assert.Equal(AllocationRefusal.OutsideMeasure, before.Refusal);
        Assert.Equal("Der Eintritt am 28.02.2025 liegt außerhalb der Maßnahmelaufzeit (01.03.2025–28.02.2027).", before.Message);
        Assert.Equal(AllocationRefusal.OutsideMeasure,
            PlaceAllocation.TryReserve(Generic(D(2025, 1, 1), D(2025, 6, 30)), counts, P("01.07.2025")).Refusal);
    }

    [Theory]
    [InlineData("24.12.2025", "25.12.2025")]
    [InlineData("31.12.2025", "01.01.2026")]
    public void Entry_on_24_or_31_December_is_refused_with_the_next_measure_day(string day, string next)
    {
        var d = PlaceAllocation.TryReserve(UbMeasure, new PlaceCounts(13, 0, 0), P(day));
        Assert.False(d.Granted);
        Assert.Equal(AllocationRefusal.NotAMeasureDay, d.Refusal);
        Assert.Equal($"Der 24. und 31. Dezember sind keine Maßnahmetage. Nächster möglicher Eintritt: {next}.", d.Message);
        Assert.True(PlaceAllocation.TryReserve(UbMeasure, new PlaceCounts(13, 0, 0), P(next)).Granted);
    }

    [Fact]
    public void Dia_am_entry_only_on_entry_dates()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), contractedTm: 1000m);
        var counts = Occupancy.CountsFor(m, [], 0, P("20.01.2025"));
        Assert.True(PlaceAllocation.TryReserve(m, counts, P("20.01.2025")).Granted);
        var d = PlaceAllocation.TryReserve(m, counts, P("13.01.2025"));
        Assert.Equal(AllocationRefusal.NotAnEntryDate, d.Refusal);
        Assert.Equal("Der 13.01.2025 ist kein Eintrittstermin. Nächster Eintrittstermin: 20.01.2025.", d.Message);
        Assert.Equal("Der 23.12.2025 ist kein Eintrittstermin, und es folgt keiner mehr.",
            PlaceAllocation.TryReserve(m, counts, P("23.12.2025")).Message);
    }

    [Fact]
    public void Generic_measures_take_entries_any_measure_day_until_the_end()
    {
        var m = Generic(D(2025, 1, 1), D(2026, 6, 30), places: 1);
        Assert.True(PlaceAllocation.TryReserve(m, new PlaceCounts(1, 0, 0), P("30.06.2026")).Granted);
        Assert.Equal(AllocationRefusal.NoPlaceFree, PlaceAllocation.TryReserve(m, new PlaceCounts(1, 1, 0), P("02.02.2026")).Refusal);
    }
}
