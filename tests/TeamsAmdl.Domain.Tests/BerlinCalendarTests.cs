using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class BerlinCalendarTests
{
    [Theory]
    // Winter time (UTC+1): 28 March 2026 is the Saturday before the switch to summer time.
    [InlineData("2026-03-28T22:59:59Z", 2026, 3, 28)]
    [InlineData("2026-03-28T23:00:00Z", 2026, 3, 29)]
    [InlineData("2026-03-28T23:30:00Z", 2026, 3, 29)]
    // Summer time (UTC+2).
    [InlineData("2026-06-30T21:59:59Z", 2026, 6, 30)]
    [InlineData("2026-06-30T22:00:00Z", 2026, 7, 1)]
    [InlineData("2026-06-30T23:30:00Z", 2026, 7, 1)]
    // New Year.
    [InlineData("2025-12-31T22:59:00Z", 2025, 12, 31)]
    [InlineData("2025-12-31T23:00:00Z", 2026, 1, 1)]
    // Back to winter time on 25 October 2026: 00:30Z is 02:30 CEST, 01:30Z is 02:30 CET, same day.
    [InlineData("2026-10-24T21:59:00Z", 2026, 10, 24)]
    [InlineData("2026-10-24T22:00:00Z", 2026, 10, 25)]
    [InlineData("2026-10-25T22:59:00Z", 2026, 10, 25)]
    [InlineData("2026-10-25T23:00:00Z", 2026, 10, 26)]
    public void Today_is_the_Berlin_date(string utc, int year, int month, int day)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(D(year, month, day), BerlinCalendar.Today(time));
    }

    [Fact]
    public void DateOf_ignores_the_offset_the_instant_is_written_in()
    {
        // 23:30 in New York on 28 March is 04:30 on 29 March in Berlin.
        var instant = new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.FromHours(-4));
        Assert.Equal(D(2026, 3, 29), BerlinCalendar.DateOf(instant));
    }

    [Fact]
    public void Zone_is_Europe_Berlin()
    {
        Assert.Equal(TimeSpan.FromHours(1), BerlinCalendar.Zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), BerlinCalendar.Zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }
}
