using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Domain.Tests.Digest;

public class WeeklyInputScheduleTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Request_and_reminder_are_Berlin_wall_clock_times_in_winter_and_summer()
    {
        var s = WeeklyInputSchedule.Default; // Monday 08:00, Wednesday 10:00
        Assert.Equal(Utc(2026, 11, 16, 7), s.RequestAt(WeekKey.Parse("2026-W47")));   // CET = UTC+1
        Assert.Equal(Utc(2026, 11, 18, 9), s.ReminderAt(WeekKey.Parse("2026-W47")));
        Assert.Equal(Utc(2026, 7, 6, 6), s.RequestAt(WeekKey.Parse("2026-W28")));     // CEST = UTC+2
    }

    [Fact]
    public void Dst_gaps_move_forward_and_repeated_hours_take_the_first_occurrence()
    {
        // 29.03.2026 02:30 does not exist in Berlin → 03:30 CEST = 01:30 UTC.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), BerlinTime.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
        // 25.10.2026 02:30 exists twice → the first (CEST) = 00:30 UTC.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), BerlinTime.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
        var sundays = WeeklyInputSchedule.Create(DayOfWeek.Sunday, new TimeOnly(2, 30), DayOfWeek.Sunday, new TimeOnly(9, 0), TimeSpan.Zero);
        Assert.Equal(Utc(2026, 3, 29, 1, 30), sundays.RequestAt(WeekKey.Parse("2026-W13")));
    }

    [Fact]
    public void Due_asks_for_the_request_once_its_time_has_come_and_for_one_reminder_later()
    {
        var s = WeeklyInputSchedule.Default;
        var w47 = WeekKey.Parse("2026-W47");
        Assert.Equal(new WeeklyDue(w47, false, false), s.Due(Utc(2026, 11, 16, 6, 59), null, false));
        Assert.Equal(new WeeklyDue(w47, true, false), s.Due(Utc(2026, 11, 16, 7), null, false));
        var sent = Utc(2026, 11, 16, 7, 15);
        Assert.Equal(new WeeklyDue(w47, false, false), s.Due(Utc(2026, 11, 17, 12), sent, false));
        Assert.Equal(new WeeklyDue(w47, false, true), s.Due(Utc(2026, 11, 18, 9), sent, false));
        Assert.Equal(new WeeklyDue(w47, false, false), s.Due(Utc(2026, 11, 18, 9), sent, true)); // only one reminder
    }

    [Fact]
    public void A_late_first_run_sends_the_request_but_not_the_reminder_with_it()
    {
        var s = WeeklyInputSchedule.Default;
        var late = Utc(2026, 11, 21, 10); // Saturday, after both times
        Assert.Equal(new WeeklyDue(WeekKey.Parse("2026-W47"), true, false), s.Due(late, null, false));
        Assert.False(s.Due(late.AddHours(1), late, false).Reminder); // the gap (12 h) is not over
        Assert.True(s.Due(late.AddHours(12), late, false).Reminder);
    }

    [Fact]
    public void A_reminder_before_the_request_is_refused()
    {
        var e = Assert.Throws<DomainValidationException>(() =>
            WeeklyInputSchedule.Create(DayOfWeek.Wednesday, new TimeOnly(8, 0), DayOfWeek.Monday, new TimeOnly(8, 0), TimeSpan.Zero));
        Assert.Contains("Erinnerung", e.Message);
    }
}
