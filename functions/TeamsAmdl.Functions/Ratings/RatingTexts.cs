using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>German messages of the rating feature outside the cards (card errors, API problems).</summary>
public static class RatingTexts
{
    // ---- card actions ----
    public const string UnknownRating = "Diese Bewertungsanfrage gibt es nicht. Bitte öffnen Sie die Bewertung über die Karte im Chat erneut.";
    public const string ForeignRating =
        "Diese Bewertungsanfrage ist an eine andere Person gerichtet. Sie können nur Ihre eigenen Bewertungen öffnen und abgeben.";
    public const string StaleCard = "Die Karte ist veraltet oder unvollständig. Bitte öffnen Sie die Bewertung über „Bewertung fortsetzen“ erneut.";
    public const string AlreadySubmitted = "Diese Bewertung ist bereits abgegeben und kann nicht mehr geändert werden.";
    public static string ClosedNothingStored(DateTimeOffset? closedAt) => closedAt is { } at
        ? $"Die Bewertungsanfrage wurde am {BerlinTime(at)} geschlossen; Ihre Eingaben wurden nicht gespeichert."
        : "Die Bewertungsanfrage ist geschlossen; Ihre Eingaben wurden nicht gespeichert.";
    public const string Busy = "Die Bewertung wurde gerade an anderer Stelle geändert. Bitte versuchen Sie es noch einmal.";

    // ---- start ----
    public static string StartFailed(string reason) =>
        $"Lieferantenbewertung: Tabellen oder Standardfragebogen im Speicher nicht anlegbar ({reason}). Speicherzugriff und Rolle 'Storage Table Data Contributor' prüfen.";

    // ---- API ----
    public const string CoordinatorsOnly = "Nur die Maßnahmekoordination oder die Koordinierende Führungskraft darf das.";
    public static string UnknownMeasure(string number) => $"Die Maßnahme „{number}“ gibt es nicht.";
    public static string UnknownTemplate(string id) => $"Den Fragebogen „{id}“ gibt es nicht.";
    public static string UnknownTemplateVersion(string id, int version) => $"Den Fragebogen „{id}“ gibt es nicht in Version {version}.";
    public static string UnknownKind(string? kind) =>
        $"Unbekannte Bewertungsart „{kind}“. Erlaubt: {string.Join(", ", Enum.GetNames<RatingKind>())}.";
    public const string NoAssessors = "Bitte mindestens eine Bewerterin oder einen Bewerter angeben (assessorIds).";
    public static string TooManyAssessors(int max) => $"Höchstens {max} Bewerter:innen je Anfrage.";
    public static string DuplicateAssessor(string id) => $"„{id}“ ist doppelt angegeben.";
    public static string UnknownStaff(string id) => $"Die Person „{id}“ gibt es nicht.";
    public static string NotAnAssessor(string name) => $"{name} ist nicht als Bewerter:in eingetragen.";
    public static string NotReachable(string name) => $"{name} ist in Teams nicht erreichbar (keine AAD-Objekt-ID).";
    public const string NoteTooLong = "Der Anlass ist länger als 500 Zeichen.";
    public const string NoteLabel = "Anlass";
    public const string MissingMeasure = "Die Maßnahmenummer fehlt (measureNumber).";
    public const string IdempotencyKeyReused =
        "Dieser Idempotency-Key gehört zu einer anderen Bewertungsanfrage (andere Daten). Für eine neue Anfrage bitte einen neuen Schlüssel verwenden.";
    public static string InvalidQuarter(string raw) => $"Das Quartal „{raw}“ ist ungültig (erwartet z. B. 2026-Q3, Q3/2026 oder 3/2026).";
    public static string InvalidVersion(string raw) => $"Die Version „{raw}“ ist keine ganze Zahl ab 1.";
    public static string UnknownRequest(string id) => $"Die Bewertungsanfrage „{id}“ gibt es nicht.";
    public const string NotYourRequest = "Diese Bewertungsanfrage ist nicht an Sie gerichtet.";
    public static string OpenRequestExists(string assessor, string ratingId, DateOnly sentOn) =>
        $"Für diese Maßnahme ist bereits eine offene Bewertungsanfrage an {assessor} unterwegs ({ratingId}, gesendet am " +
        $"{sentOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)}). Sie wurde nicht noch einmal angelegt; bitte die offene Anfrage nutzen oder zuerst schließen.";
    public const string NobodyToRemind = "Alle Bewerter:innen haben bereits geantwortet; niemand muss erinnert werden.";
    public const string NoDocument = "Für diese Bewertung ist (noch) kein Bewertungsbogen abgelegt.";
    public const string AlreadyClosed = "Die Bewertungsanfrage ist bereits geschlossen.";
    public static string VersionExists(string id, int version) =>
        $"Den Fragebogen „{id}“ gibt es schon in Version {version}. Bitte die aktuelle Version laden und erneut speichern.";
    public static string WrongNextVersion(int expected) => $"Die nächste Version ist {expected}.";
    public const string CsvEmpty = "Bitte die CSV-Datei als Inhalt senden (Content-Type text/csv).";
    public static string CsvTooLarge(int maxBytes) => $"Die CSV-Datei ist größer als {maxBytes / 1024 / 1024} MB.";
    public static string CsvUnknownMeasure(string number) => $"Die Maßnahme {number} gibt es nicht.";
    public const string CsvNothingValid = "Die Datei enthält keine gültige Zeile; nichts wurde importiert.";

    public static string BerlinTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Domain.BerlinCalendar.Zone).ToString("dd.MM.yyyy 'um' HH:mm 'Uhr'", System.Globalization.CultureInfo.InvariantCulture);
}
