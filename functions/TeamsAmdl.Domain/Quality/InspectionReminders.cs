namespace TeamsAmdl.Domain.Quality;

/// <summary>
/// R-QA-1 reminders to Koordinator and Betreuer: 14 and 2 days before an inspection that is not recorded yet. A slot is
/// due from its day up to the day before the inspection, so a job that missed a day catches up; when both are due only
/// the later slot (2) counts. "Never twice" is the caller's: one outbox key per inspection, date, slot and person.
/// </summary>
public static class InspectionReminders
{
    public static IReadOnlyList<int> Slots { get; } = [14, 2];

    /// <summary>The slot due today (14 or 2 days before), or null.</summary>
    public static int? Due(DateOnly inspection, DateOnly today)
    {
        var left = inspection.DayNumber - today.DayNumber;
        if (left <= 0) return null;
        return left <= 2 ? 2 : left <= 14 ? 14 : null;
    }
}
