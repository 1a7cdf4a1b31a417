using TeamsAmdl.Domain.Calendar;

namespace TeamsAmdl.Domain.Quality;

/// <summary>
/// R-QA-3 as a state machine (seed 000 §6.4). The legal transitions, everything else is refused with 409:
/// <code>
/// Erfasst        --Stufe1(deadline)--> Stufe1          not for a serious breach; deadline after today, moved to a working day
/// Erfasst        --Stufe2-----------> Stufe2           only a serious breach ("schwerwiegend": REZ at once)
/// Stufe1         --FristVersaeumt---> SqsEinbezogen    only after the deadline day
/// Stufe1         --Behoben----------> Behoben
/// SqsEinbezogen  --Stufe2-----------> Stufe2
/// SqsEinbezogen  --Behoben----------> Behoben
/// Stufe2         --LeitungInformieren-> LeitungInformiert
/// LeitungInformiert --Behoben-------> Behoben
/// </code>
/// Who: letters and REZ/leadership information are the Fachkraft S&amp;QS's; Koordinator and Betreuer track the
/// deadline and close fixed defects (the Fachkraft may too); the timer (no roles) may only record a missed deadline.
/// Pure: today and the caller's roles are passed in.
/// </summary>
public static class MangelRules
{
    private static readonly StaffRole[] Sqs = [StaffRole.FachkraftSqs];
    private static readonly StaffRole[] Tracking = [StaffRole.Koordinator, StaffRole.Betreuer, StaffRole.FachkraftSqs];

    /// <summary>The roles that may take <paramref name="action"/>.</summary>
    public static IReadOnlyList<StaffRole> AllowedRoles(MangelAction action) => action switch
    {
        MangelAction.Stufe1 or MangelAction.Stufe2 or MangelAction.LeitungInformieren => Sqs,
        _ => Tracking,
    };

    /// <summary>A deadline as it applies: on a weekend or BW holiday it moves to the next working day.</summary>
    public static DateOnly Deadline(DateOnly requested) => WorkingDays.OnOrAfter(requested);

    /// <summary>Whether the deadline has passed (the deadline day itself is still in time).</summary>
    public static bool IsMissed(DateOnly deadline, DateOnly today) => today > deadline;

    /// <summary>
    /// The day the timer records a missed deadline: the first working day after it (a deadline on Friday is escalated on
    /// Monday, when the Fachkräfte S&amp;QS are there to act on the card; people may record it from the day after).
    /// </summary>
    public static DateOnly EscalatesOn(DateOnly deadline) => WorkingDays.OnOrAfter(deadline.AddDays(1));

    /// <param name="roles">The caller's roles; null is the timer (system).</param>
    /// <param name="requestedDeadline">Only for <see cref="MangelAction.Stufe1"/>.</param>
    public static MangelStep Apply(MangelStatus from, MangelAction action, bool serious, DateOnly? deadline, DateOnly today,
        IReadOnlySet<StaffRole>? roles, DateOnly? requestedDeadline = null)
    {
        if (roles is null ? action != MangelAction.FristVersaeumt : !AllowedRoles(action).Any(roles.Contains))
            return new MangelStep.Refused(403, "mangel_role", MangelTexts.RoleRequired(action));

        switch (from, action)
        {
            case (MangelStatus.Erfasst, MangelAction.Stufe1):
                if (serious) return Conflict(MangelTexts.SeriousGoesToStufe2);
                if (requestedDeadline is not { } wanted) return new MangelStep.Refused(400, "deadline_missing", MangelTexts.DeadlineMissing);
                var due = Deadline(wanted);
                if (due <= today) return new MangelStep.Refused(400, "deadline_past", MangelTexts.DeadlineNotInFuture(today));
                return new MangelStep.Moved(MangelStatus.Stufe1, due);
            case (MangelStatus.Erfasst, MangelAction.Stufe2):
                return serious ? new MangelStep.Moved(MangelStatus.Stufe2, deadline) : Conflict(MangelTexts.Stufe2OnlyAfterStufe1);
            case (MangelStatus.Stufe1, MangelAction.FristVersaeumt):
                return deadline is { } d && IsMissed(d, today)
                    ? new MangelStep.Moved(MangelStatus.SqsEinbezogen, deadline)
                    : Conflict(MangelTexts.DeadlineNotPassed(deadline));
            case (MangelStatus.Stufe1 or MangelStatus.SqsEinbezogen or MangelStatus.LeitungInformiert, MangelAction.Behoben):
                return new MangelStep.Moved(MangelStatus.Behoben, deadline);
            case (MangelStatus.SqsEinbezogen, MangelAction.Stufe2):
                return new MangelStep.Moved(MangelStatus.Stufe2, deadline);
            case (MangelStatus.Stufe2, MangelAction.LeitungInformieren):
                return new MangelStep.Moved(MangelStatus.LeitungInformiert, deadline);
            default:
                return Conflict(MangelTexts.NotPossible(from, action));
        }
    }

    private static MangelStep.Refused Conflict(string message) => new(409, "mangel_transition", message);
}
