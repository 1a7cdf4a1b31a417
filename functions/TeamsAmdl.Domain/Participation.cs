namespace TeamsAmdl.Domain;

/// <summary>
/// A customer's place in a measure, by pseudonymous reference only (R-SEC-1): the IFK resolves it in their
/// own systems. Entry is the first day, Exit the last day of participation (null while active). PlannedEnd is the
/// last day agreed by an extension (<see cref="ParticipationExtension"/>); null for the standard duration.
/// Phases: UB/InbeQ only, the recorded phase changes (<see cref="UbPhases"/>; none: still in the Einstiegsphase).
/// NachbetreuungSince: LAP only, the day the Nachbetreuung began when it began in the predecessor project (R-TN-3).
/// </summary>
public sealed record Participation(string MeasureNumber, string CustomerRef, DateOnly Entry, DateOnly? Exit = null,
    ExitReason? ExitReason = null, string? IfkId = null, DateOnly? PlannedEnd = null,
    IReadOnlyList<UbPhaseChange>? Phases = null, DateOnly? NachbetreuungSince = null)
{
    /// <summary>Active on <paramref name="day"/>: entered on or before it and not exited before it.</summary>
    public bool IsActiveOn(DateOnly day) => Entry <= day && (Exit is null || Exit.Value >= day);
}

public enum ExitReason { RegulaeresEnde, Abbruch, Nichtantritt }
