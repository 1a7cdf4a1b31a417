using TeamsAmdl.Domain.Digest;
using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests.Digest;

public class WeekKeyTests
{
    [Theory]
    [InlineData("2026-11-21", "2026-W47", "2026-11-16", "2026-11-22")] // Saturday of week 47
    [InlineData("2026-01-01", "2026-W01", "2025-12-29", "2026-01-04")] // Thursday: week 1 of 2026 starts in 2025
    [InlineData("2025-12-29", "2026-W01", "2025-12-29", "2026-01-04")]
    [InlineData("2027-01-01", "2026-W53", "2026-12-28", "2027-01-03")] // 2026 has 53 ISO weeks
    [InlineData("2021-01-03", "2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("2024-12-30", "2025-W01", "2024-12-30", "2025-01-05")]
    public void Iso_week_of_a_date(string date, string key, string monday, string sunday)
    {
        var w = WeekKey.Of(DateOnly.Parse(date));
        Assert.Equal(key, w.ToString());
        Assert.Equal(DateOnly.Parse(monday), w.Monday);
        Assert.Equal(DateOnly.Parse(sunday), w.Sunday);
        Assert.Equal(w, WeekKey.Parse(key));
    }

    [Fact]
    public void Instants_count_by_the_Berlin_calendar()
    {
        // Summer (CEST = UTC+2): Sunday 21:59 UTC is still Sunday in Berlin, 22:00 UTC is Monday 00:00.
        Assert.Equal("2026-W28", WeekKey.At(new DateTimeOffset(2026, 7, 12, 21, 59, 0, TimeSpan.Zero)).ToString());
        Assert.Equal("2026-W29", WeekKey.At(new DateTimeOffset(2026, 7, 12, 22, 0, 0, TimeSpan.Zero)).ToString());
        // Winter (CET = UTC+1).
        Assert.Equal("2026-W02", WeekKey.At(new DateTimeOffset(2026, 1, 11, 22, 59, 0, TimeSpan.Zero)).ToString());
        Assert.Equal("2026-W03", WeekKey.At(new DateTimeOffset(2026, 1, 11, 23, 0, 0, TimeSpan.Zero)).ToString());
    }

    [Fact]
    public void Next_previous_day_label_and_order()
    {
        var w = WeekKey.Parse("2026-W53");
        Assert.Equal("2027-W01", w.Next().ToString());
        Assert.Equal("2026-W52", w.Previous().ToString());
        Assert.Equal(w, w.Next()!.Value.Previous());
        Assert.Equal(D(2026, 12, 31), w.Day(DayOfWeek.Thursday));
        Assert.Equal(D(2027, 1, 3), w.Day(DayOfWeek.Sunday));
        Assert.Equal("KW 53/2026", w.Label);
        Assert.True(w < w.Next()!.Value);
        Assert.True(WeekKey.Parse("2026-w7") == new WeekKey(2026, 7));
        Assert.Equal("2026-W07", new WeekKey(2026, 7).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("2026-47")]
    [InlineData("2025-W53")] // 2025 has 52 weeks
    [InlineData("2026-W00")]
    [InlineData("x-W1")]
    [InlineData("2026-W+1")]
    [InlineData("0001-W01")] // well-formed but outside the supported range: once a 500 from Previous() (issue 12)
    [InlineData("1999-W52")] // the week before the first supported one
    [InlineData("2100-W01")] // the week after the last supported one
    [InlineData("9999-W52")]
    [InlineData("10000-W01")]
    [InlineData("2026-W54")] // no year has 54 weeks
    [InlineData("99999999999-W01")] // does not fit an int
    public void Rejects_what_is_not_a_week(string text)
    {
        Assert.False(WeekKey.TryParse(text, out _));
        var e = Assert.Throws<DomainValidationException>(() => WeekKey.Parse(text));
        Assert.Contains("keine Kalenderwoche", e.Message);
    }

    [Theory]
    [InlineData(1999, 52, false)] // before the range
    [InlineData(2000, 1, true)]   // first supported week
    [InlineData(2099, 53, true)]  // last supported week: 2099 has 53 ISO weeks (31.12.2099 is a Thursday)
    [InlineData(2099, 54, false)]
    [InlineData(2100, 1, false)]  // after the range
    [InlineData(1, 1, false)]
    [InlineData(9999, 52, false)]
    [InlineData(2026, 53, true)]  // 2026 has 53 ISO weeks
    [InlineData(2026, 0, false)]
    public void Supported_range_is_2000_W01_to_2099_W53(int year, int week, bool supported)
    {
        Assert.Equal(supported, WeekKey.IsSupported(year, week));
        Assert.Equal(supported, WeekKey.TryParse($"{year:D4}-W{week:D2}", out _));
        if (!supported)
            Assert.Throws<DomainValidationException>(() => new WeekKey(year, week));
    }

    [Fact]
    public void The_ends_of_the_range_have_no_week_beyond_them()
    {
        Assert.Equal("2000-W01", WeekKey.MinValue.ToString());
        Assert.Equal("2099-W53", WeekKey.MaxValue.ToString());
        Assert.Null(WeekKey.MinValue.Previous());
        Assert.Equal("2000-W02", WeekKey.MinValue.Next().ToString());
        Assert.Null(WeekKey.MaxValue.Next());
        Assert.Equal("2099-W52", WeekKey.MaxValue.Previous().ToString());
        // Dates whose week lies outside the range are refused, not wrapped around.
        Assert.Throws<DomainValidationException>(() => WeekKey.Of(D(1999, 12, 31)));
        Assert.Equal("2000-W01", WeekKey.Of(D(2000, 1, 3)).ToString());
        Assert.Throws<DomainValidationException>(() => WeekKey.Of(D(2100, 1, 4)));
    }

    [Theory]
    [InlineData("2026-W47", "2026-W47", true)]  // the current week
    [InlineData("2026-W46", "2026-W47", true)]  // the previous week
    [InlineData("2026-W45", "2026-W47", false)] // two weeks ago
    [InlineData("2026-W48", "2026-W47", false)] // next week
    [InlineData("2020-W01", "2026-W47", false)]
    [InlineData("2026-W53", "2027-W01", true)]  // across New Year: 2026 has 53 weeks
    [InlineData("2026-W52", "2027-W01", false)]
    [InlineData("2000-W01", "2000-W01", true)]  // first supported week: no previous week, still its own current
    public void Current_or_previous_week(string week, string current, bool open) =>
        Assert.Equal(open, WeekKey.Parse(week).IsCurrentOrPreviousOf(WeekKey.Parse(current)));
}
