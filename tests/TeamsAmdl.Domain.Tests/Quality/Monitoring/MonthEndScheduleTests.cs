using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Domain.Tests.Quality.Monitoring;

public class MonthEndScheduleTests
{
    [Theory]
    [InlineData("2026-11-27", "")]                 // Friday before the last working day: nothing
    [InlineData("2026-11-30", "2026-11")]          // Monday 30.11.: last working day
    [InlineData("2026-12-01", "2026-11")]          // catch-up on the 1st (the row says whether it was done)
    [InlineData("2026-12-05", "2026-11")]          // last catch-up day
    [InlineData("2026-12-06", "")]                 // too late for November, too early for December
    [InlineData("2026-12-31", "2026-12")]          // Thursday 31.12. (Silvester is a working day)
    [InlineData("2027-01-29", "2027-01")]          // Friday: 30./31.01.2027 are a weekend
    [InlineData("2027-01-31", "2027-01")]          // Sunday after it: still due (missed Friday)
    [InlineData("2027-02-01", "2027-01")]          // and in the catch-up days
    [InlineData("2027-04-30", "2027-04")]          // Friday 30.04.
    [InlineData("2027-05-31", "2027-05")]          // Monday 31.05.
    [InlineData("2030-03-01", "2030-02")]          // catch-up
    public void Report_is_due_from_the_last_working_day_and_caught_up_in_the_first_five_days(string today, string due)
    {
        var months = MonthEndSchedule.Due(DateOnly.Parse(today));
        Assert.Equal(due, string.Join(",", months));
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-1", false)]
    [InlineData("2026-13", false)]
    [InlineData("26-11", false)]
    [InlineData("2026-11-01", false)]
    [InlineData("1999-12", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Month_parses_only_yyyy_MM(string? text, bool ok)
    {
        var month = ReportMonth.Parse(text);
        Assert.Equal(ok, month is not null);
        if (ok) Assert.Equal(text, month!.Value.ToString());
    }
}
