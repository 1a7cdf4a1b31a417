namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// R-INFO-1: when the weekly input is requested from the Betreuer and when the one reminder goes out, as Berlin
/// wall-clock times of the week (configurable). A timer runs often (every 15 minutes, in UTC) and asks
/// <see cref="Due"/> what is due now; the answer depends only on the clock and on what was already sent, so a
/// repeated or late run does the right thing.
/// </summary>
/// <param name="RequestDay">Weekday of the request (default Monday).</param>
/// <param name="RequestTime">Berlin time of the request (default 08:00).</param>
/// <param name="ReminderDay">Weekday of the reminder (default Wednesday); must not be before the request in the week.</param>
/// <param name="ReminderTime">Berlin time of the reminder (default 10:00).</param>
/// <param name="MinReminderGap">A reminder needs at least this much time after the request went out, so that a
/// late first run (the app was down) does not send request and reminder together.</param>
public sealed record WeeklyInputSchedule(DayOfWeek RequestDay, TimeOnly RequestTime, DayOfWeek ReminderDay, TimeOnly ReminderTime,
    TimeSpan MinReminderGap)
{
    public static WeeklyInputSchedule Default { get; } = new(DayOfWeek.Monday, new TimeOnly(8, 0), DayOfWeek.Wednesday,
        new TimeOnly(10, 0), TimeSpan.FromHours(12));

    /// <summary>Validates the settings; messages are German.</summary>
    public static WeeklyInputSchedule Create(DayOfWeek requestDay, TimeOnly requestTime, DayOfWeek reminderDay, TimeOnly reminderTime,
        TimeSpan minReminderGap)
    {
        var schedule = new WeeklyInputSchedule(requestDay, requestTime, reminderDay, reminderTime, minReminderGap);
        var week = new WeekKey(2026, 10); // any week without a DST change
        if (schedule.ReminderAt(week) <= schedule.RequestAt(week))
            throw new DomainValidationException(nameof(ReminderDay),
                "Die Erinnerung muss in der Woche nach der Anfrage liegen (Wochentag/Uhrzeit der Erinnerung prüfen).");
        if (minReminderGap < TimeSpan.Zero)
            throw new DomainValidationException(nameof(MinReminderGap), "Der Mindestabstand der Erinnerung darf nicht negativ sein.");
        return schedule;
    }

    /// <summary>The instant the request of <paramref name="week"/> is due.</summary>
    public DateTimeOffset RequestAt(WeekKey week) => BerlinTime.ToInstant(week.Day(RequestDay), RequestTime);

    /// <summary>The instant the reminder of <paramref name="week"/> is due.</summary>
    public DateTimeOffset ReminderAt(WeekKey week) => BerlinTime.ToInstant(week.Day(ReminderDay), ReminderTime);

    /// <summary>
    /// What is due at <paramref name="now"/> for the week that contains it, given when the request went out
    /// (<paramref name="requestSentAt"/>, null if not yet) and whether the reminder went out.
    /// </summary>
    public WeeklyDue Due(DateTimeOffset now, DateTimeOffset? requestSentAt, bool reminderSent)
    {
        var week = WeekKey.At(now);
        if (now < RequestAt(week)) return new WeeklyDue(week, false, false);
        if (requestSentAt is null) return new WeeklyDue(week, true, false);
        var reminder = !reminderSent && now >= ReminderAt(week) && now - requestSentAt.Value >= MinReminderGap;
        return new WeeklyDue(week, false, reminder);
    }
}

/// <summary>What <see cref="WeeklyInputSchedule.Due"/> found due in <paramref name="Week"/>.</summary>
public sealed record WeeklyDue(WeekKey Week, bool Request, bool Reminder);

/// <summary>Berlin wall-clock time to instants, with the two DST edge cases decided.</summary>
public static class BerlinTime
{
    /// <summary>
    /// The instant of a Berlin date and time. A time that does not exist (spring forward, 02:30 on the last Sunday
    /// of March) moves forward by the gap (03:30 CEST); a time that exists twice (fall back, 02:30 on the last Sunday
    /// of October) is its first occurrence (CEST).
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var zone = BerlinCalendar.Zone;
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var after = zone.GetUtcOffset(local.AddHours(3));
            // Read the wall-clock time with the offset before the gap: that instant shows as local + gap afterwards.
            return new DateTimeOffset(local, before).ToOffset(after);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
