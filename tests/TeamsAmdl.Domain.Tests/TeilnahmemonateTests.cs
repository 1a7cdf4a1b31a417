using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class TeilnahmemonateTests
{
    // R-CAP-4 vectors; exact decimal equality.
    [Fact] public void March_is_one_TM() => Assert.Equal(1.0m, Teilnahmemonate.Between(P("01.03.2025"), P("31.03.2025")));
    [Fact] public void February_2025_is_one_TM() => Assert.Equal(1.0m, Teilnahmemonate.Between(P("01.02.2025"), P("28.02.2025")));
    [Fact] public void Second_half_of_January_is_16_thirtieths() => Assert.Equal(16m / 30m, Teilnahmemonate.Between(P("15.01.2025"), P("31.01.2025")));
    [Fact] public void Tenth_to_ninth_is_one_TM() => Assert.Equal(1.0m, Teilnahmemonate.Between(P("10.01.2025"), P("09.02.2025")));

    [Fact]
    public void Vectors_in_days()
    {
        Assert.Equal(30, Teilnahmemonate.Days(P("01.03.2025"), P("31.03.2025")));
        Assert.Equal(30, Teilnahmemonate.Days(P("01.02.2025"), P("28.02.2025")));
        Assert.Equal(16, Teilnahmemonate.Days(P("15.01.2025"), P("31.01.2025")));
        Assert.Equal(30, Teilnahmemonate.Days(P("10.01.2025"), P("09.02.2025")));
    }

    [Fact] public void Leap_February_is_one_TM() => Assert.Equal(1.0m, Teilnahmemonate.Between(P("01.02.2024"), P("29.02.2024")));

    [Fact] public void Feb_28_in_a_leap_year_is_not_the_last_day() => Assert.Equal(28m / 30m, Teilnahmemonate.Between(P("01.02.2024"), P("28.02.2024")));

    [Fact]
    public void Day_31_counts_as_30()
    {
        Assert.Equal(30, Teilnahmemonate.Days(P("01.01.2025"), P("30.01.2025")));
        Assert.Equal(30, Teilnahmemonate.Days(P("01.01.2025"), P("31.01.2025")));
        Assert.Equal(1, Teilnahmemonate.Days(P("31.01.2025"), P("01.02.2025")));
    }

    [Fact]
    public void A_full_December_is_exactly_one_TM_because_24_and_31_December_do_not_reduce_the_count()
    {
        // R-CAP-5: measure-free like weekends, not deducted. 31 December weighs 0 as every 31st does.
        Assert.Equal(30, Teilnahmemonate.Days(P("01.12.2025"), P("31.12.2025")));
        Assert.Equal(1.0m, Teilnahmemonate.Between(P("01.12.2025"), P("31.12.2025")));
        Assert.Equal(30, Teilnahmemonate.Days(P("01.12.2025"), P("30.12.2025")));
        Assert.Equal(24, Teilnahmemonate.Days(P("01.12.2025"), P("24.12.2025")));
        Assert.Equal(1, Teilnahmemonate.Days(P("24.12.2025"), P("24.12.2025")));
        Assert.Equal(0, Teilnahmemonate.Days(P("31.12.2025"), P("31.12.2025")));
        // 20.–30.12. = 11 days (the 24th included); 31.12. weighs 0; 01.–10.01. = 10.
        Assert.Equal(21, Teilnahmemonate.Days(P("20.12.2025"), P("10.01.2026")));
    }

    [Fact]
    public void A_year_is_360_days()
    {
        Assert.Equal(360, Teilnahmemonate.Days(P("01.01.2025"), P("31.12.2025")));
        Assert.Equal(360, Teilnahmemonate.Days(P("01.01.2024"), P("31.12.2024")));
        Assert.Equal(720, Teilnahmemonate.Days(P("01.01.2024"), P("31.12.2025")));
    }

    [Fact]
    public void Empty_and_reversed_periods_count_nothing()
    {
        Assert.Equal(0, Teilnahmemonate.Days(P("02.03.2025"), P("01.03.2025")));
        Assert.Equal(1, Teilnahmemonate.Days(P("01.03.2025"), P("01.03.2025")));
    }

    [Fact]
    public void Last_day_of_February_fills_the_month_up_to_30()
    {
        Assert.Equal(3, Teilnahmemonate.Days(P("28.02.2025"), P("28.02.2025")));
        Assert.Equal(2, Teilnahmemonate.Days(P("29.02.2024"), P("29.02.2024")));
        Assert.Equal(1, Teilnahmemonate.Days(P("28.02.2024"), P("28.02.2024")));
    }

    /// <summary>The SPEC formula, with day 31 → 30 and last day of February → 30 on the end date.</summary>
    private static int Formula(DateOnly a, DateOnly b)
    {
        var d1 = a.Day == 31 ? 30 : a.Day;
        var d2 = b.Day == 31 || (b.Month == 2 && b.Day == DateTime.DaysInMonth(b.Year, 2)) ? 30 : b.Day;
        return (b.Year - a.Year) * 360 + (b.Month - a.Month) * 30 + (d2 - d1) + 1;
    }

    [Fact]
    public void Equals_the_SPEC_formula_for_every_period_not_starting_on_a_31st_December_included()
    {
        var first = P("01.01.2024");
        var checkedPeriods = 0;
        for (var a = first; a < P("01.12.2025"); a = a.AddDays(1))
        {
            if (a.Day == 31)
                continue;
            for (var b = a; b < P("01.12.2025") && b <= a.AddDays(120); b = b.AddDays(1))
            {
                Assert.Equal(Formula(a, b), Teilnahmemonate.Days(a, b));
                checkedPeriods++;
            }
        }
        Assert.True(checkedPeriods > 50_000);
    }

    [Fact]
    public void Is_additive_so_splitting_a_period_never_changes_the_total()
    {
        var a = P("15.11.2023");
        var b = P("20.03.2025");
        var total = Teilnahmemonate.Days(a, b);
        for (var split = a.AddDays(1); split <= b; split = split.AddDays(1))
            Assert.Equal(total, Teilnahmemonate.Days(a, split.AddDays(-1)) + Teilnahmemonate.Days(split, b));
    }

    [Fact]
    public void Every_calendar_month_is_30_days_December_included()
    {
        for (var m = P("01.01.2023"); m < P("01.01.2027"); m = m.AddMonths(1))
            Assert.Equal(30, Teilnahmemonate.Days(m, m.AddMonths(1).AddDays(-1)));
    }
}
