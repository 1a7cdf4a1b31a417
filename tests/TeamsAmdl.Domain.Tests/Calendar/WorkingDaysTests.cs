using TeamsAmdl.Domain.Calendar;

namespace TeamsAmdl.Domain.Tests.Calendar;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")] // early Easter, leap year
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")] // latest possible date
    public void Easter_sunday_matches_the_published_dates(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), BadenWuerttembergHolidays.EasterSunday(year));

    [Fact]
    public void The_2026_holidays_of_Baden_Wuerttemberg_are_the_twelve_statutory_days()
    {
        var days = BadenWuerttembergHolidays.Of(2026).Select(h => h.Date.ToString("MM-dd")).ToArray();
        Assert.Equal(["01-01", "01-06", "04-03", "04-06", "05-01", "05-14", "05-25", "06-04", "10-03", "11-01", "12-25", "12-26"], days);
    }

    [Theory]
    [InlineData("2026-12-04", "2026-12-04")] // Friday stays
    [InlineData("2026-12-05", "2026-12-07")] // Saturday → Monday
    [InlineData("2026-12-24", "2026-12-24")] // Christmas Eve is a working day by law
    [InlineData("2026-12-25", "2026-12-28")] // Fri 25th, Sat 26th (holiday), Sun → Monday 28th
    [InlineData("2026-04-03", "2026-04-07")] // Good Friday → over Easter Monday to Tuesday
    [InlineData("2026-01-06", "2026-01-07")] // Epiphany (BW only)
    [InlineData("2026-06-04", "2026-06-05")] // Corpus Christi (BW)
    [InlineData("2027-01-01", "2027-01-04")] // New Year on a Friday
    public void A_deadline_on_a_weekend_or_holiday_moves_to_the_next_working_day(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.OnOrAfter(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-12-04", 5, "2026-12-11")] // Friday + 5 → next Friday
    [InlineData("2026-12-22", 3, "2026-12-28")] // 23, 24, then 25–27 off → Monday 28
    [InlineData("2026-12-05", 0, "2026-12-07")] // 0 on a Saturday = next working day
    public void Adding_working_days_skips_weekends_and_holidays(string day, int count, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.Add(DateOnly.Parse(day), count));

    [Theory]
    [InlineData("2026-05-10", "2026-05-29")] // May 31 is Sunday, 30 Saturday
    [InlineData("2026-10-01", "2026-10-30")] // Oct 31 is Saturday
    [InlineData("2026-12-01", "2026-12-31")] // Thursday, New Year's Eve is a working day
    [InlineData("2024-02-01", "2024-02-29")] // leap year Thursday
    public void The_last_working_day_of_a_month(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.LastOfMonth(DateOnly.Parse(day)));
}
