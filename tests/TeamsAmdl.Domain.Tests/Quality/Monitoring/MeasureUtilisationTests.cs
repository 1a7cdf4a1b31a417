using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Domain.Tests.Quality.Monitoring;

/// <summary>R-QA-5 figures of single measures; the five-measure hand computation with cards and documents is MonthEndHandComputationTests.</summary>
public class MeasureUtilisationTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    private static Measure M(MeasureKind kind, DateOnly start, DateOnly end, Capacity capacity) =>
        Measure.Create("962-X-T-0001", "Test", kind, "§", "tr", "Ort", start, end, capacity, null, "b", "k", "t");

    private static Participation P(DateOnly entry, DateOnly? exit = null) => new("962-X-T-0001", "TN-" + entry.DayNumber, entry, exit);

    [Fact]
    public void Einkaufsmassnahme_counts_who_is_in_on_the_report_day()
    {
        var m = M(MeasureKind.Einkaufsmassnahme, new(2026, 6, 1), new(2027, 5, 31), Capacity.Create(MeasureKind.Einkaufsmassnahme, 8));
        // In: entered before, exited on the day itself (the exit day is the last day of participation). Out: exited the day before, enters tomorrow.
        var u = MeasureUtilisation.Compute(m, [P(new(2026, 6, 1)), P(new(2026, 7, 1), new(2026, 11, 30)), P(new(2026, 7, 1), new(2026, 11, 29)),
            P(new(2026, 12, 1))], Day);
        Assert.Equal((8, 2, 0.25m, (decimal?)null, 0), (u.Places, u.Occupied, u.Rate, u.TmConsumed, u.PaidButEmpty));
    }

    [Fact]
    public void DiaAm_compares_consumed_with_planned_TM_pro_rata()
    {
        // 01.09.2026–31.08.2027 = 360 counted days, 96 TM: planned to 30.11. = 96 × 90 / 360 = 24. Consumed: 90 + 30 days = 4 TM.
        var m = M(MeasureKind.DiaAm, new(2026, 9, 1), new(2027, 8, 31), Capacity.Create(MeasureKind.DiaAm, 10, averageOccupancy: 8, contractedTm: 96));
        var u = MeasureUtilisation.Compute(m, [P(new(2026, 9, 1)), P(new(2026, 11, 1))], Day);
        Assert.Equal((2, 24m, 4m, 96m, 0.1667m), (u.Occupied, u.TmPlanned!.Value, u.TmConsumed!.Value, u.TmContracted!.Value, u.TmRate!.Value));
    }

    [Theory]
    // start        occupied  minimum paid-but-empty
    [InlineData("2026-05-01", 7, 10, 3)]   // month 7 of 12, 7 < 10
    [InlineData("2026-05-01", 10, 10, 0)]  // at the minimum
    [InlineData("2025-11-01", 7, 10, 0)]   // month 13: the Jobcenter no longer pays for empty places
    public void UbInbeq_below_the_Mindestplatzzahl_in_the_first_year_is_paid_but_empty(string start, int occupied, int minimum, int empty)
    {
        var s = DateOnly.Parse(start);
        var m = M(MeasureKind.UbInbeq, s, s.AddYears(3).AddDays(-1), Capacity.Create(MeasureKind.UbInbeq, 13));
        var u = MeasureUtilisation.Compute(m, Enumerable.Range(0, occupied).Select(i => P(s.AddDays(i))).ToList(), Day);
        Assert.Equal((occupied, (int?)minimum, empty, empty > 0), (u.Occupied, u.MinimumPlaces, u.PaidButEmpty, u.BelowMinimum));
    }

    [Theory]
    [InlineData(MeasureKind.Einkaufsmassnahme, true)]
    [InlineData(MeasureKind.DiaAm, true)]
    [InlineData(MeasureKind.UbInbeq, true)]
    [InlineData(MeasureKind.Agh, false)]
    [InlineData(MeasureKind.LapProjekt, false)]
    [InlineData(MeasureKind.Gutschein, false)]
    public void Only_purchased_measures_are_monitored(MeasureKind kind, bool covered) => Assert.Equal(covered, MonitoringScope.Covers(kind));
}
