using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Participants;

/// <summary>Request and response records of the participant API (R-SEC-1: pseudonymous references only).</summary>
public static class ParticipantContracts
{
    public sealed record EntryBody(string? CustomerRef, DateOnly? EntryDate);
    public sealed record ExtensionBody(DateOnly? Until);

    /// <summary>
    /// One participation. Status for machines: Upcoming (entry after today), Active, Exited (last day before today).
    /// LastDay: the exit, otherwise the projected end for kinds with an individual duration (DIA-AM, UB/InbeQ), otherwise null.
    /// </summary>
    public sealed record ParticipantView(string CustomerRef, DateOnly Entry, DateOnly? Exit, string? ExitReason, DateOnly? PlannedEnd,
        DateOnly? LastDay, string Status, string? IfkId)
    {
        public static ParticipantView From(Measure m, Participation p, DateOnly today) => new(p.CustomerRef, p.Entry, p.Exit,
            p.ExitReason?.ToString(), p.PlannedEnd, LastDayOf(m, p), StatusOf(p, today), p.IfkId);

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
