namespace TeamsAmdl.Domain.Tests.FreePlaces;

public class WorkingHoursTests
{
    private static DateTimeOffset Berlin(int y, int mo, int d, int h, int mi) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Unspecified), BerlinCalendar.Zone), TimeSpan.Zero);

    private static readonly WorkingHours Hours = WorkingHours.Default; // Mon–Fri 07:30–17:00

    [Fact]
    public void Within_working_hours_an_instant_stays_as_it_is()
    {
        var t = Berlin(2026, 11, 23, 9, 15); // Monday
        Assert.True(Hours.IsWorkingTime(t));
        Assert.Equal(t, Hours.NextWorkingTime(t));
        Assert.True(Hours.IsWorkingTime(Berlin(2026, 11, 23, 7, 30)));
        Assert.False(Hours.IsWorkingTime(Berlin(2026, 11, 23, 17, 0)));
    }

    [Fact]
    public void Early_morning_waits_for_the_start_of_the_same_day_and_evening_for_the_next()
    {
        Assert.Equal(Berlin(2026, 11, 24, 7, 30), Hours.NextWorkingTime(Berlin(2026, 11, 24, 6, 0)));
        Assert.Equal(Berlin(2026, 11, 25, 7, 30), Hours.NextWorkingTime(Berlin(2026, 11, 24, 18, 0)));
    }

    [Fact]
    public void Friday_evening_and_the_weekend_wait_for_monday_morning()
    {
        var monday = Berlin(2026, 11, 23, 7, 30);
        Assert.Equal(monday, Hours.NextWorkingTime(Berlin(2026, 11, 20, 17, 5)));
        Assert.Equal(monday, Hours.NextWorkingTime(Berlin(2026, 11, 21, 11, 0)));
        Assert.Equal(monday, Hours.NextWorkingTime(Berlin(2026, 11, 22, 23, 59)));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        var h = WorkingHours.Create(Hours.Days, Hours.Start, Hours.End, [new DateOnly(2026, 12, 25)]);
        // Thursday 24.12. evening → Friday 25.12. is a holiday → Monday 28.12.
        Assert.Equal(Berlin(2026, 12, 28, 7, 30), h.NextWorkingTime(Berlin(2026, 12, 24, 18, 0)));
    }

    [Fact]
    public void The_morning_follows_daylight_saving_time()
    {
        // Sunday 29.03.2026 clocks go forward: Monday 07:30 CEST is 05:30 UTC; in winter 07:30 CET is 06:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 5, 30, 0, TimeSpan.Zero), Hours.NextWorkingTime(Berlin(2026, 3, 28, 12, 0)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 30, 0, TimeSpan.Zero), Hours.NextWorkingTime(Berlin(2026, 11, 21, 12, 0)));
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<DomainValidationException>(() => WorkingHours.Create([], new TimeOnly(8, 0), new TimeOnly(16, 0)));
        Assert.Throws<DomainValidationException>(() => WorkingHours.Create([DayOfWeek.Monday], new TimeOnly(16, 0), new TimeOnly(8, 0)));
        Assert.True(WorkingHours.Always.IsWorkingTime(Berlin(2026, 11, 22, 3, 0)));
    }
}
