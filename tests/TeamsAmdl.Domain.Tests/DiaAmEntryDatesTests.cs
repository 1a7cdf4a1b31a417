using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class DiaAmEntryDatesTests
{
    [Fact]
    public void Entry_dates_come_every_14_days_from_the_start_within_the_measure()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 3, 3));
        Assert.Equal(new[] { D(2025, 1, 6), D(2025, 1, 20), D(2025, 2, 3), D(2025, 2, 17), D(2025, 3, 3) }, DiaAmEntryDates.All(m));
    }

    [Fact]
    public void Entry_date_on_24_or_31_December_moves_to_the_next_measure_day_without_shifting_the_grid()
    {
        // Wednesdays: 10.12., 24.12. → 25.12., 07.01.; and from 17.12.: 31.12. → 01.01., 14.01.
        var a = DiaAm(D(2025, 12, 10), D(2026, 1, 31));
        Assert.Equal(new[] { D(2025, 12, 10), D(2025, 12, 25), D(2026, 1, 7), D(2026, 1, 21) }, DiaAmEntryDates.All(a));
        var b = DiaAm(D(2025, 12, 17), D(2026, 1, 20));
        Assert.Equal(new[] { D(2025, 12, 17), D(2026, 1, 1), D(2026, 1, 14) }, DiaAmEntryDates.All(b));
        Assert.DoesNotContain(DiaAmEntryDates.All(DiaAm(D(2020, 1, 1), D(2030, 12, 31))), d => !MeasureDays.IsMeasureDay(d));
    }

    [Fact]
    public void A_moved_entry_date_after_the_measure_end_is_dropped()
    {
        var m = DiaAm(D(2025, 12, 10), D(2025, 12, 24));
        Assert.Equal(new[] { D(2025, 12, 10) }, DiaAmEntryDates.All(m));
        Assert.Null(DiaAmEntryDates.NextOnOrAfter(m, D(2025, 12, 11)));
    }

    [Fact]
    public void Next_entry_date_on_or_after_a_day()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31));
        Assert.Equal(D(2025, 1, 6), DiaAmEntryDates.NextOnOrAfter(m, D(2024, 11, 1)));
        Assert.Equal(D(2025, 1, 6), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 1, 6)));
        Assert.Equal(D(2025, 1, 20), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 1, 7)));
        Assert.Equal(D(2025, 1, 20), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 1, 20)));
        Assert.Equal(D(2025, 2, 3), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 1, 21)));
        // Grid day 22.12.2025; next grid day 05.01.2026 is after the end.
        Assert.Equal(D(2025, 12, 22), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 12, 10)));
        Assert.Null(DiaAmEntryDates.NextOnOrAfter(m, D(2025, 12, 23)));
    }

    [Fact]
    public void Next_entry_date_finds_the_moved_date()
    {
        var m = DiaAm(D(2025, 12, 10), D(2026, 1, 31));
        Assert.Equal(D(2025, 12, 25), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 12, 24)));
        Assert.Equal(D(2025, 12, 25), DiaAmEntryDates.NextOnOrAfter(m, D(2025, 12, 25)));
        Assert.False(DiaAmEntryDates.IsEntryDate(m, D(2025, 12, 24)));
        Assert.True(DiaAmEntryDates.IsEntryDate(m, D(2025, 12, 25)));
    }

    [Fact]
    public void NextOnOrAfter_agrees_with_All_on_every_day()
    {
        var m = DiaAm(D(2024, 12, 3), D(2026, 2, 10));
        var all = DiaAmEntryDates.All(m).ToList();
        for (var day = m.Start.AddDays(-3); day <= m.End.AddDays(3); day = day.AddDays(1))
        {
            DateOnly? expected = all.Where(e => e >= day).Select(e => (DateOnly?)e).FirstOrDefault();
            Assert.Equal(expected, DiaAmEntryDates.NextOnOrAfter(m, day));
            Assert.Equal(all.Contains(day), DiaAmEntryDates.IsEntryDate(m, day));
        }
    }
}
