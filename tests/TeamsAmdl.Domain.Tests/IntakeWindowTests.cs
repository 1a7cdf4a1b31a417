using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class IntakeWindowTests
{
    [Theory]
    // start, last day of month 12
    [InlineData("01.03.2025", "28.02.2026")]
    [InlineData("01.03.2023", "29.02.2024")]
    [InlineData("15.06.2025", "14.06.2026")]
    [InlineData("31.01.2025", "30.01.2026")]
    // § 188 Abs. 3 BGB: no 29 February in 2025, so the period ends on the last day of February, not the 27th.
    [InlineData("29.02.2024", "28.02.2025")]
    [InlineData("01.01.2025", "31.12.2025")]
    public void Ub_intake_is_open_until_the_end_of_month_12_and_closed_the_day_after(string start, string monthTwelveEnd)
    {
        var s = P(start);
        var last = P(monthTwelveEnd);
        var ub = Ub(s, s.AddYears(3));
        Assert.Equal(last, IntakeWindow.MonthTwelveEnd(ub));
        Assert.Equal(last, IntakeWindow.Deadline(ub));
        Assert.True(IntakeWindow.IsOpen(ub, last.AddDays(-1)));
        Assert.True(IntakeWindow.IsOpen(ub, last));
        Assert.False(IntakeWindow.IsOpen(ub, last.AddDays(1)));
    }

    [Fact]
    public void Ub_intake_is_open_from_the_first_day_but_not_before()
    {
        var ub = Ub(D(2025, 3, 1), D(2027, 2, 28));
        Assert.True(IntakeWindow.IsOpen(ub, D(2025, 3, 1)));
        Assert.False(IntakeWindow.IsOpen(ub, D(2025, 2, 28)));
    }

    [Fact]
    public void A_ub_measure_ending_before_12_months_closes_at_its_end()
    {
        var ub = Ub(D(2025, 3, 1), D(2025, 10, 31));
        Assert.Equal(D(2026, 2, 28), IntakeWindow.MonthTwelveEnd(ub));
        Assert.Equal(D(2025, 10, 31), IntakeWindow.Deadline(ub));
        Assert.True(IntakeWindow.IsOpen(ub, D(2025, 10, 31)));
        Assert.False(IntakeWindow.IsOpen(ub, D(2025, 11, 1)));
    }

    [Fact]
    public void Other_kinds_take_participants_until_the_measure_end()
    {
        var generic = Generic(D(2025, 3, 1), D(2027, 2, 28));
        Assert.Equal(D(2027, 2, 28), IntakeWindow.Deadline(generic));
        Assert.True(IntakeWindow.IsOpen(generic, D(2026, 6, 1)));
        Assert.True(IntakeWindow.IsOpen(generic, D(2027, 2, 28)));
        Assert.False(IntakeWindow.IsOpen(generic, D(2027, 3, 1)));
        Assert.False(IntakeWindow.IsOpen(generic, D(2025, 2, 28)));
    }

    [Fact]
    public void First_twelve_months_are_bounded_by_start_month_12_and_end()
    {
        var ub = Ub(D(2025, 3, 1), D(2027, 2, 28));
        Assert.False(IntakeWindow.IsInFirstTwelveMonths(ub, D(2025, 2, 28)));
        Assert.True(IntakeWindow.IsInFirstTwelveMonths(ub, D(2025, 3, 1)));
        Assert.True(IntakeWindow.IsInFirstTwelveMonths(ub, D(2026, 2, 28)));
        Assert.False(IntakeWindow.IsInFirstTwelveMonths(ub, D(2026, 3, 1)));
    }
}
