using TeamsAmdl.Domain.Calendar;

namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>When an after-end task opens and when it is due.</summary>
public sealed record AfterEndTaskPlan(AfterEndTaskKind Kind, DateOnly OpensOn, DateOnly DueOn);

/// <summary>What the after-end job does for one task today.</summary>
public enum AfterEndDue
{
    Nothing,
    /// <summary>The task opens: a card to Koordinator and Betreuer.</summary>
    Open,
    /// <summary>Open, not done and past its due date: one reminder.</summary>
    Reminder,
}

/// <summary>
/// R-QA-4, the tasks after a measure ends, for its Koordinator:in and Betreuer:in:
/// <list type="bullet">
/// <item>Abschlussbericht: opens on the first working day after the end (the Träger sends the report at the end);
/// due <see cref="ReviewWeeks"/> weeks after the end, moved to the next working day.</item>
/// <item>Eingliederungserfolg: opens 6 months after the end (the date 6 calendar months after the last day, moved to the
/// next working day); due <see cref="RecordWeeks"/> weeks later, moved to the next working day.</item>
/// </list>
/// A task is opened on the first run on or after its opening day, as long as its due date has not passed (measures that
/// ended before the app was installed get no tasks). A task that is not done by its due date is reminded once, on the first run after it (working days only). A task is
/// opened and reminded at most once: the caller records both on the task row.
/// </summary>
public static class AfterEndSchedule
{
    public const int ReviewWeeks = 2;
    public const int RecordWeeks = 2;

    public static IReadOnlyList<AfterEndTaskPlan> For(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var reviewOpens = WorkingDays.OnOrAfter(measure.End.AddDays(1));
        var recordOpens = WorkingDays.OnOrAfter(measure.End.AddMonths(6));
        return
        [
            new(AfterEndTaskKind.Abschlussbericht, reviewOpens, WorkingDays.OnOrAfter(measure.End.AddDays(7 * ReviewWeeks))),
            new(AfterEndTaskKind.Eingliederungserfolg, recordOpens, WorkingDays.OnOrAfter(recordOpens.AddDays(7 * RecordWeeks))),
        ];
    }

    /// <summary>What is due today; runs on weekends and holidays do nothing (the next working day catches up).</summary>
    public static AfterEndDue Due(AfterEndTaskPlan plan, DateOnly today, bool opened, bool reminded, bool done)
    {
        if (done || !WorkingDays.IsWorkingDay(today) || today < plan.OpensOn) return AfterEndDue.Nothing;
        // A task whose due date passed before it was ever opened (the app was not installed then) is not opened late.
        if (!opened) return today <= plan.DueOn ? AfterEndDue.Open : AfterEndDue.Nothing;
        return !reminded && today > plan.DueOn ? AfterEndDue.Reminder : AfterEndDue.Nothing;
    }
}
