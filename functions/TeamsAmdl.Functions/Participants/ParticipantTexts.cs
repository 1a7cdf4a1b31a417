using System.Globalization;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Participants;

/// <summary>German texts of the participant API (problem titles; the tab shows them as they are).</summary>
public static class ParticipantTexts
{
    public const string UnknownMeasureShort = "Diese Maßnahme gibt es nicht.";
    public const string EntryDateMissing = "Das Eintrittsdatum fehlt.";
    public const string UntilMissing = "Das neue Ende der Teilnahme fehlt (Feld „until“).";
    public const string DecidersOnly = "Eintritte und Verlängerungen erfassen nur die Betreuung und die Koordination der Maßnahme.";
    public const string ListForbidden = "Die Teilnehmenden einer Maßnahme sehen ihre Betreuung und die Koordination; IFKs sehen ihre eigenen Kundinnen und Kunden.";

    public static string UnknownMeasure(string number) => $"Die Maßnahme „{number}“ gibt es nicht.";

    public static string NoConfirmedRequest(string reference) => Format(
        $"Für {reference} gibt es in dieser Maßnahme keine bestätigte Platzanfrage. Ein Eintritt setzt eine von der Betreuung bestätigte Anfrage der IFK voraus.");

    public static string RequestNotConfirmed(string reference) => Format(
        $"Die Platzanfrage für {reference} ist noch nicht bestätigt. Bitte erst die Anfrage bestätigen, dann den Eintritt erfassen.");

    public static string AlreadyEntered(string reference, DateOnly entry) => Format(
        $"{reference} ist bereits zum {entry:dd.MM.yyyy} eingetreten.");

    public static string NoHeldPlace(string reference) => Format(
        $"Für {reference} ist kein Platz mehr vorgemerkt (die Reservierung wurde freigegeben). Es wurde nichts erfasst.");

    public static string EntryInFuture(DateOnly entry) => Format(
        $"Der Eintritt am {entry:dd.MM.yyyy} liegt in der Zukunft. Eintritte werden am Eintrittstag oder danach erfasst; bis dahin bleibt der Platz reserviert.");

    public static string Entered(string reference, DateOnly entry) => Format($"Eintritt von {reference} zum {entry:dd.MM.yyyy} erfasst.");

    /// <summary>DIA-AM: the date is not one of the 14-day entry dates; names the next ones (R-CAP-4).</summary>
    public static string NotAnEntryDate(DateOnly day, IReadOnlyList<DateOnly> next) => next.Count == 0
        ? Format($"Der {day:dd.MM.yyyy} ist kein Eintrittstermin dieser DIA-AM, und es folgt keiner mehr.")
        : Format($"Der {day:dd.MM.yyyy} ist kein Eintrittstermin. DIA-AM-Eintritte sind nur alle 14 Tage ab Maßnahmebeginn möglich; nächste Eintrittstermine: ")
          + string.Join(", ", next.Select(d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))) + ".";

    public static string IntakeClosed(DateOnly day, DateOnly deadline) => Format(
        $"Ein Eintritt am {day:dd.MM.yyyy} ist nicht möglich: Bei UB/InbeQ sind Aufnahmen und Nachbesetzungen nur in den ersten 12 Monaten der Maßnahme möglich, also bis {deadline:dd.MM.yyyy}.");

    public static string NoPlaceFree(DateOnly day) => Format(
        $"Am {day:dd.MM.yyyy} ist kein Platz frei: Die Platzzahl der Maßnahme ist erreicht. Es wurde nichts erfasst.");

    public static string ContingentExhausted(DateOnly day) => Format(
        $"Das Kontingent an Teilnahmemonaten reicht für keinen weiteren Aufenthalt ab {day:dd.MM.yyyy}. Es wurde nichts erfasst.");

    public static string NotParticipating(string reference, string number) => $"{reference} nimmt an Maßnahme {number} nicht (mehr) teil.";

    public static string ExtensionOverContingent(DateOnly until) => Format(
        $"Das Kontingent an Teilnahmemonaten reicht nicht für eine Verlängerung bis {until:dd.MM.yyyy}. Es wurde nichts geändert.");

    public static string Extended(string reference, DateOnly until) => Format($"Teilnahme von {reference} verlängert bis {until:dd.MM.yyyy}.");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
