using System.Globalization;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Functions.Participants;

/// <summary>German texts of the UB phase changes and the LAP Nachbetreuung (problem titles and hints; the tab shows them as they are).</summary>
public static class PhaseTexts
{
    public const string PhaseMissing = "Die neue Phase fehlt oder ist unbekannt (Feld „phase“: Qualifizierung oder Stabilisierung).";
    public const string FromMissing = "Der erste Tag der neuen Phase fehlt (Feld „from“).";
    public const string NotUb = "Phasen (Einstieg, Qualifizierung, Stabilisierung) gibt es nur bei UB/InbeQ.";
    public const string PhaseForbidden = "Phasenwechsel erfassen die Betreuung und die Koordination der Maßnahme.";
    public const string EinstiegTooLong = "Einstiegsphase länger als 8 Wochen – über eine Verlängerung entscheidet die IFK.";

    public const string SinceMissing = "Der Beginn der Nachbetreuung fehlt (Feld „since“).";
    public const string NotLap = "Eine Nachbetreuung aus dem Vorgängerprojekt gibt es nur bei LAP-Projekten.";
    public const string NachbetreuungForbidden = "Die Nachbetreuung erfassen die Betreuung und die Koordination der Maßnahme.";

    public static string NotParticipating(string reference, string number) => $"{reference} nimmt an Maßnahme {number} nicht teil.";

    public static string SinceInFuture(DateOnly since) => Format($"Der Beginn der Nachbetreuung ({since:dd.MM.yyyy}) liegt in der Zukunft.");

    /// <summary>Null while the Nachbetreuung runs; otherwise that it is over (≤ 7 months including the predecessor project, R-TN-3).</summary>
    public static string? NachbetreuungOverHint(DateOnly since, DateOnly today) =>
        ContactDensity.NachbetreuungEnd(since) is var end && end < today
            ? Format($"Die Nachbetreuung ist beendet: sie dauert höchstens {ContactDensity.NachbetreuungMonths} Monate einschließlich des Vorgängerprojekts, ab {since:dd.MM.yyyy} also bis {end:dd.MM.yyyy}.")
            : null;

    public static string PhaseChanged(string reference, UbPhase phase, DateOnly from) => Format($"{reference}: {phase.German()} ab {from:dd.MM.yyyy} erfasst.");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
