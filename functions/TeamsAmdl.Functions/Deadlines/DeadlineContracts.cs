using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>Request and response records of the deadline API (pseudonymous customer references only, R-SEC-1).</summary>
public static class DeadlineContracts
{
    public sealed record ReceivedBody(string? Key);
    public sealed record ExpectationBody(string? CustomerRef, string? Expectation, DateOnly? TargetDate);

    /// <summary>One LAP contact entry from the tab (R-TN-3): Month as "2026-10" or "10.2026"; Note checked for personal data.</summary>
    public sealed record ContactEntryBody(string? CustomerRef, string? Month, int? Personal, string? Note);

    /// <summary>
    /// One deadline as the Fristen view and "meine aufgaben" show it. Status for machines: Open, Overdue, Done. CanMark: the
    /// caller may tick it as received (the measure's Betreuer and Koordination). LockedFrom: attendance only, the day the
    /// Träger's data lock. Expectation: the Erwartungsbogen's text, on its own row and beside the Feedbackbogen (R-TN-1/2).
    /// </summary>
    public sealed record DeadlineView(string Measure, string MeasureTitle, string Key, string Kind, string Label, string? CustomerRef,
        DateOnly Event, DateOnly Due, string Status, DateOnly? ReceivedOn, bool CanMark, string? IfkId, string BetreuerId,
        string KoordinatorId, DateOnly? LockedFrom, string? Expectation = null, DateOnly? TargetDate = null)
    {
        public static DeadlineView From(Measure m, DeadlineItem i, DeadlineMark? mark, DateOnly today, bool canMark)
        {
            var received = StoredDate.ReadNullable(mark?.ReceivedOn);
            return new(m.Number, m.Title, i.Key, i.Kind.ToString(), i.Kind.German(), i.CustomerRef, i.Event, i.Due,
                DeadlineSchedule.StatusOf(i, today, received is not null), received, canMark, i.IfkId, m.BetreuerId, m.KoordinatorId,
                i.Kind == DeadlineKind.Anwesenheit ? DeadlineRules.AnwesenheitLockedFrom(i.Event.Year, i.Event.Month) : null,
                mark?.Expectation, StoredDate.ReadNullable(mark?.TargetDate));
        }
    }

    /// <summary>One row of a contact import that was refused: the CSV line and the German reason.</summary>
    public sealed record ContactProblem(int Line, string Message);

    /// <summary>The outcome of a contact import: stored rows (0 when any line was refused), the months below 2 personal contacts.</summary>
    public sealed record ContactImportResult(int Stored, IReadOnlyList<ContactProblem> Problems, IReadOnlyList<string> BelowMinimum);

    /// <summary>One participant's contacts in one month (R-TN-3): Month "2026-10", MonthLabel "10.2026"; Below: fewer than 2 personal.</summary>
    public sealed record ContactMonthView(string CustomerRef, string Month, string MonthLabel, int Personal, int Other, bool Below, string? Remark);

    /// <summary>A LAP measure in the tab's contact form: the participants to pick and the recorded months, newest first.</summary>
    public sealed record ContactMeasureView(string Measure, string MeasureTitle, IReadOnlyList<string> Participants,
        IReadOnlyList<ContactMonthView> Months);

    /// <summary>How many overdue deadlines of one kind (Kind for machines, Label for people).</summary>
    public sealed record KindCount(string Kind, string Label, int Count);

    /// <summary>One measure of the team's overdue list: counts per kind and the items, oldest first.</summary>
    public sealed record MeasureOverdue(string Measure, string MeasureTitle, string TeamId, IReadOnlyList<KindCount> Counts,
        IReadOnlyList<DeadlineView> Items);

    /// <summary>A team the caller may pick in the overdue list.</summary>
    public sealed record TeamOption(string Id, string Name);

    /// <summary>
    /// GET api/deadlines/overdue: the overdue deadlines of <see cref="Team"/> (null: all teams), per measure. Teams: what the
    /// caller may pick; AllTeams: the caller may ask for every team at once.
    /// </summary>
    public sealed record TeamOverdueView(string? Team, string TeamName, int Total, IReadOnlyList<KindCount> Counts,
        IReadOnlyList<MeasureOverdue> Measures, IReadOnlyList<TeamOption> Teams, bool AllTeams);
}
