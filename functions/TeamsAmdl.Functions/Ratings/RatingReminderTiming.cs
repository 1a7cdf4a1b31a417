using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// When the next automatic reminder of an open assignment goes out (issue 14, honest timing): the day
/// <see cref="ReminderSchedule"/> makes it due, at the first run of <see cref="RatingReminderJob"/> on or after that day
/// (hourly, 06:00–16:00 UTC, on the hour). Pure: the clock is passed in.
/// </summary>
public static class RatingReminderTiming
{
    public const int FirstRunHourUtc = 6;
    public const int LastRunHourUtc = 16;

    /// <summary>The instant of the next reminder, or null when none is left (only the overdue card to the coordinators follows).</summary>
    public static DateTimeOffset? Next(DateOnly sentOn, DateOnly deadline, IReadOnlyCollection<int> slotsSent, DateTimeOffset now)
    {
        var today = BerlinCalendar.DateOf(now);
        if (ReminderSchedule.Due(sentOn, deadline, today, slotsSent, overdueSent: true) is ReminderDue.Reminder)
            return NextRun(today, now);
        var day = ReminderSchedule.Slots.Select(s => deadline.AddDays(-s)).Where(d => d > today && d > sentOn).Order().Cast<DateOnly?>().FirstOrDefault();
        return day is { } d ? NextRun(d, now) : null;
    }

    /// <summary>The first run of the job on Berlin date <paramref name="day"/> not before <paramref name="now"/> (else the next day's first).</summary>
    private static DateTimeOffset NextRun(DateOnly day, DateTimeOffset now)
    {
        for (var d = day; ; d = d.AddDays(1))
        {
            // The runs are UTC hours; 06:00 UTC is always on the same Berlin date (07:00 or 08:00 there).
            var first = new DateTimeOffset(d.ToDateTime(new TimeOnly(FirstRunHourUtc, 0)), TimeSpan.Zero);
            for (var h = 0; h <= LastRunHourUtc - FirstRunHourUtc; h++)
            {
                var run = first.AddHours(h);
                if (run >= now) return run;
            }
        }
    }
}
