using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Functions.Participants;

/// <summary>Request and response records of the participant API (R-SEC-1: pseudonymous references only).</summary>
public static class ParticipantContracts
{
    public sealed record EntryBody(string? CustomerRef, DateOnly? EntryDate);
    public sealed record ExtensionBody(DateOnly? Until);
    public sealed record PhaseBody(string? Phase, DateOnly? From);
    public sealed record NachbetreuungBody(DateOnly? Since);

    /// <summary>
    /// One participation. Status for machines: Upcoming (entry after today), Active, Exited (last day before today).
    /// LastDay: the exit, otherwise the projected end for kinds with an individual duration (DIA-AM, UB/InbeQ), otherwise null.
    /// </summary>
    /// UB/InbeQ: Phase (Einstieg, Qualifizierung, Stabilisierung), its German label, the day it began, and PhaseHint when the
    /// Einstiegsphase passed 8 weeks. LAP: NachbetreuungSince (begun in the predecessor project) and a hint once it is over.
    public sealed record ParticipantView(string CustomerRef, DateOnly Entry, DateOnly? Exit, string? ExitReason, DateOnly? PlannedEnd,
        DateOnly? LastDay, string Status, string? IfkId, string? Phase = null, string? PhaseLabel = null, DateOnly? PhaseSince = null,
        string? PhaseHint = null, DateOnly? NachbetreuungSince = null, string? NachbetreuungHint = null)
    {
        public static ParticipantView From(Measure m, Participation p, DateOnly today) => WithPhase(m, p, today, new(p.CustomerRef, p.Entry, p.Exit,
            p.ExitReason?.ToString(), p.PlannedEnd, LastDayOf(m, p), StatusOf(p, today), p.IfkId));

        private static ParticipantView WithPhase(Measure m, Participation p, DateOnly today, ParticipantView v)
        {
            if (m.Kind == MeasureKind.LapProjekt && p.NachbetreuungSince is { } since)
                return v with { NachbetreuungSince = since, NachbetreuungHint = PhaseTexts.NachbetreuungOverHint(since, today) };
            if (m.Kind != MeasureKind.UbInbeq) return v;
            var current = UbPhases.Current(p);
            return v with
            {
                Phase = current.Phase.ToString(), PhaseLabel = current.Phase.German(), PhaseSince = current.From,
                PhaseHint = UbPhases.EinstiegTooLong(p, today) ? PhaseTexts.EinstiegTooLong : null,
            };
        }

        private static DateOnly? LastDayOf(Measure m, Participation p)
        {
            if (p.Exit is not null || !ParticipationExtension.Applies(m.Kind)) return p.Exit;
            var last = p.PlannedEnd ?? ParticipationExtension.StandardLastDay(m.Kind, p.Entry);
            return last < m.End ? last : m.End;
        }

        private static string StatusOf(Participation p, DateOnly today) =>
            p.Exit is { } exit && (exit < today || exit < p.Entry) ? "Exited" : p.Entry > today ? "Upcoming" : "Active";
    }
}
