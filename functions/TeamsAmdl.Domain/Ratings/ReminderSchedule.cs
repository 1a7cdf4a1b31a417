namespace TeamsAmdl.Domain.Ratings;

/// <summary>What the reminder job has to do for one open assignment today.</summary>
public abstract record ReminderDue
{
    public sealed record Nothing : ReminderDue;

    /// <summary>Send the reminder of this slot (14, 7 or 1 days before the deadline); the card states the real days left.</summary>
    public sealed record Reminder(int Slot, int DaysLeft) : ReminderDue;

    /// <summary>The deadline has passed: the coordinator gets the overdue card (once).</summary>
    public sealed record Overdue(int DaysOverdue) : ReminderDue;

    public static ReminderDue None { get; } = new Nothing();
}

/// <summary>
/// R-RATE-5 reminders: 14, 7 and 1 day before the deadline, only while the assessor has not submitted (the caller
/// asks only for open assignments); after the deadline one overdue card to the coordinator.
/// <list type="bullet">
/// <item>A slot is due from its day (deadline − slot) up to the deadline, so a job that did not run on that day
/// catches up later; a slot dated on or before the sending day is skipped (the request itself was the news).</item>
/// <item>When the job missed several days, only the latest due slot is sent, and a slot is never sent after a
/// later one (no "14 days" reminder after the "7 days" one).</item>
/// <item>Each slot and the overdue card go out at most once (the caller records them; the outbox key repeats them
/// at most once).</item>
/// </list>
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<int> Slots { get; } = [14, 7, 1];

    public static ReminderDue Due(DateOnly sentOn, DateOnly deadline, DateOnly today, IReadOnlyCollection<int> slotsSent, bool overdueSent)
    {
        ArgumentNullException.ThrowIfNull(slotsSent);
        if (RatingDeadline.IsOverdue(deadline, today))
            return overdueSent ? ReminderDue.None : new ReminderDue.Overdue(today.DayNumber - deadline.DayNumber);

        int? due = null;
        foreach (var slot in Slots)
        {
            var day = deadline.AddDays(-slot);
            if (day <= sentOn || day > today) continue;
            if (due is null || slot < due) due = slot;
        }
        if (due is not { } s) return ReminderDue.None;
        if (slotsSent.Any(sent => sent <= s)) return ReminderDue.None; // this one or a later one went out already
        return new ReminderDue.Reminder(s, RatingDeadline.DaysLeft(deadline, today));
    }
}
