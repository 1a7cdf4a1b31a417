using System.Globalization;
using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>German texts of the deadline feature (problem titles, cards, import errors).</summary>
public static class DeadlineTexts
{
    public const string KeyMissing = "Welche Frist als eingegangen markiert werden soll, fehlt (Feld „key“).";
    public const string MarkForbidden = "Den Eingang markieren die Betreuung und die Koordination der Maßnahme.";
    public const string ContactsForbidden = "Kontakte der Träger erfassen die Betreuung und die Koordination der Maßnahme.";
    public const string NotLap = "Die Kontaktdichte wird nur für LAP-Projekte erfasst.";
    public const string ContactsMediaType = "Bitte die Kontaktliste als CSV-Datei senden (text/csv).";
    public const string ContactsTooLarge = "Die Kontaktliste ist zu groß (höchstens 1 MB).";
    public const string ContactsEmpty = "Die Kontaktliste enthält keine Zeilen.";
    public const string ContactsHeader = "Die erste Zeile muss die Spalten „Kundenreferenz;Monat;Art;Anzahl;Bemerkung“ nennen.";
    public const string ContactsRefused = "Die Kontaktliste wurde nicht übernommen: mindestens eine Zeile ist fehlerhaft. Es wurde nichts gespeichert.";
    public const string RemarkLabel = "Bemerkung";
    public const string ExpectationMissing = "Die Erwartung fehlt: bitte mit den Worten der Kundin oder des Kunden (O-Ton) eintragen.";
    public const string TargetDateMissing = "Das Zieldatum fehlt.";
    public const string ExpectationForbidden = "Den Erwartungsbogen erfasst die IFK, die den Platz angefragt hat (oder Betreuung und Koordination der Maßnahme).";

    // Overdue list per team (R-TN-2)
    public const string OverdueOtherTeam =
        "Die überfälligen Fristen eines anderen Teams sehen nur die Koordination, die koordinierenden Führungskräfte und die Geschäftsführung.";
    public const string AllTeams = "Alle Teams";

    public static string UnknownTeam(string team) => $"Das Team „{team}“ gibt es nicht.";

    public static string ExpectationTooLong(int max) => $"Die Erwartung ist zu lang (höchstens {max} Zeichen).";

    public static string TargetBeforeEntry(DateOnly entry) => $"Das Zieldatum liegt vor dem Eintritt am {Date(entry)}.";

    public static string UnknownMeasure(string number) => $"Die Maßnahme „{number}“ gibt es nicht.";

    public static string UnknownItem(string key) => $"Zu dieser Maßnahme gibt es keine Frist „{key}“ (mehr).";

    public static string UnknownParticipant(string reference) =>
        $"{reference} nimmt an dieser Maßnahme nicht teil und ist auch nicht in der Nachbetreuung.";

    public static string BadMonth(string cell) => $"„{cell}“ ist kein Monat (MM.JJJJ, z. B. 11.2026) und kein Datum (TT.MM.JJJJ).";

    public static string FutureMonth(string cell) => $"Der Monat {cell} liegt in der Zukunft: Kontakte werden erst nach dem Monat gemeldet.";

    public static string NotOwed(string reference, string month) =>
        $"Für {reference} besteht im Monat {month} keine Kontaktpflicht (weder Teilnahme noch Nachbetreuung).";

    public static string BadKind(string cell) =>
        $"„{cell}“ ist keine Kontaktart. Erlaubt: persönlich, Telefon, E-Mail, Urlaub, Krankheit.";

    public static string BadCount(string cell) => $"„{cell}“ ist keine Anzahl: bitte eine ganze Zahl ab 0.";

    public static string NegativeCount(int count) => Format($"Die Anzahl {count} ist negativ: bitte eine ganze Zahl ab 0.");

    public static string Imported(int rows, int below) => Format(
        $"{rows} Monatswerte übernommen; {below} Monat(e) unter {ContactDensity.MinimumPersonal} persönlichen Kontakten.");

    // Cards
    public const string CardFallback = "Eine Frist ist fällig oder überschritten.";
    public const string ContactsCardTitle = "Kontaktdichte unterschritten";

    public static string CardTitle(NoticeStage stage, DeadlineKind kind) => stage switch
    {
        NoticeStage.DueToday => $"{kind.German()} heute fällig",
        NoticeStage.Overdue => $"{kind.German()} überfällig",
        _ => $"{kind.German()} seit 5 Arbeitstagen überfällig",
    };

    public static string CardText(NoticeStage stage) => stage switch
    {
        NoticeStage.DueToday => "Der Bogen liegt noch nicht vor. Bitte beim Träger nachhalten; die Betreuung markiert den Eingang in der App (Fristen).",
        NoticeStage.Overdue => "Die Meldung des Trägers liegt nicht vor. Bitte nachfordern und den Eingang in der App (Fristen) abhaken.",
        _ => "Die Meldung des Trägers fehlt noch immer. Zur Kenntnis an die Koordination.",
    };

    public static string ContactsCardText(string reference, string month, int personal) => Format(
        $"{reference}: im Monat {month} nur {personal} persönliche Kontakte (mindestens {ContactDensity.MinimumPersonal}). Bitte mit dem Träger klären.");

    public const string FactMeasure = "Maßnahme";
    public const string FactCustomer = "Kundenreferenz";
    public const string FactDue = "Fällig am";
    public const string FactPeriod = "Monat";

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
