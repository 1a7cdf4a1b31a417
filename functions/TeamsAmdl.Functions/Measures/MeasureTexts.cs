using System.Globalization;

namespace TeamsAmdl.Functions.Measures;

/// <summary>German texts of the measure and Träger administration and of the CSV import.</summary>
public static class MeasureTexts
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    public const string CoordinatorsOnly = "Maßnahmen und Träger verwalten darf nur die Koordination.";
    public const string Invalid = "Die Angaben sind nicht vollständig oder nicht zulässig; Hinweise stehen bei den Feldern.";
    public const string Required = "Bitte ausfüllen.";
    public const string KindFixed = "Die Maßnahmeart kann nicht geändert werden. Bitte die Maßnahme schließen und neu anlegen.";
    public const string NumberFixed = "Die Maßnahmenummer kann nicht geändert werden.";
    public const string NotForKind = "Diese Angabe gibt es nur bei UB/InbeQ.";
    public const string TooLong = "Der Text ist zu lang (höchstens 200 Zeichen).";

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", De);
    public static string Number(decimal n) => n.ToString("#,##0.##", De);

    public static string UnknownMeasure(string number) => $"Die Maßnahme „{number}“ gibt es nicht.";
    public static string Exists(string number) => $"Die Maßnahme „{number}“ gibt es bereits. Zum Ändern bitte bearbeiten (PUT).";
    public static string Closed(string number) => $"Die Maßnahme „{number}“ ist geschlossen und kann nicht mehr geändert werden.";
    public static string ClosedNow(string number) => $"Die Maßnahme „{number}“ ist geschlossen. Sie bleibt lesbar, bietet aber keine Plätze mehr an.";
    public static string AlreadyClosed(string number, DateOnly on) => $"Die Maßnahme „{number}“ ist seit {Date(on)} geschlossen.";
    public static string InUse(int participants, int held) =>
        $"Die Maßnahme kann nicht geschlossen werden: {participants} Teilnehmende sind noch aktiv oder angemeldet und {held} Plätze vorgemerkt. " +
        "Bitte zuerst die Austritte erfassen und Vormerkungen zurückgeben.";
    public static string UnknownKind(string kind) =>
        $"Unbekannte Maßnahmeart „{kind}“. Erlaubt: Einkaufsmaßnahme, DIA-AM, UB/InbeQ, AGH, LAP-Projekt, Gutscheinmaßnahme.";
    public static string UnknownTraeger(string t) => $"Den Träger „{t}“ gibt es nicht. Bitte zuerst unter „Träger“ anlegen.";
    public static string UnknownStaff(string s) => $"„{s}“ ist keinem Mitarbeitenden des Jobcenters zugeordnet.";
    public static string AmbiguousStaff(string s) => $"„{s}“ passt auf mehrere Mitarbeitende; bitte die E-Mail-Adresse angeben.";
    public static string UnknownTeam(string t) => $"Das Team „{t}“ gibt es nicht.";
    public static string ContingentUnreachable(decimal tm, int places, decimal possible) =>
        $"{Number(tm)} TM sind nicht erreichbar: Bei einer Höchstbelegung von {places} und dieser Laufzeit sind höchstens {Number(possible)} TM möglich.";

    // Edits against what the measure already holds (participants, held places).
    public static string StartAfterEntry(DateOnly entry) =>
        $"Der Beginn kann nicht nach dem {Date(entry)} liegen: An diesem Tag ist bereits jemand eingetreten.";
    public static string EndBeforeUse(DateOnly day) =>
        $"Das Ende kann nicht vor dem {Date(day)} liegen: Bis dahin sind Teilnahmen oder Eintritte erfasst.";
    public static string EndBeforeTodayActive(DateOnly today) =>
        $"Das Ende kann nicht vor heute ({Date(today)}) liegen, solange Teilnehmende ohne Austritt in der Maßnahme sind.";
    public static string OffGrid(IEnumerable<DateOnly> entries) =>
        $"Der neue Beginn verschiebt die 14-tägigen Einstiegstermine: Die Eintritte am {string.Join(", ", entries.Select(Date))} lägen nicht mehr auf einem Einstiegstermin.";
    public static string OutsideIntake(IEnumerable<DateOnly> entries, DateOnly deadline) =>
        $"Mit diesen Daten endet die Aufnahmefrist am {Date(deadline)}; die Eintritte bzw. Vormerkungen zum {string.Join(", ", entries.Select(Date))} lägen außerhalb.";
    public static string ContingentBelowCommitted(decimal committedTm) =>
        $"Das Kontingent kann nicht unter {Number(committedTm)} TM sinken: So viele Teilnahmemonate sind durch Teilnahmen bereits verplant.";

    public static string Created(string number) => $"Maßnahme „{number}“ angelegt.";
    public static string Saved(string number) => $"Maßnahme „{number}“ gespeichert.";
    public static string NothingChanged(string number) => $"Maßnahme „{number}“: keine Änderung.";

    // Träger
    public const string TraegerNameMissing = "Der Name des Trägers fehlt.";
    public const string TraegerIdInvalid = "Die Träger-ID darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (höchstens 40 Zeichen).";
    public const string TraegerEmailInvalid = "Die E-Mail-Adresse ist ungültig.";
    public static string TraegerExists(string id) => $"Den Träger „{id}“ gibt es bereits.";
    public static string TraegerNameExists(string name, string id) => $"Einen Träger „{name}“ gibt es bereits (ID „{id}“).";

    // Import
    public const string ImportEmpty = "Die Datei ist leer.";
    public const string ImportTooLarge = "Die Datei ist zu groß: höchstens 5 MB.";
    public const string ImportMediaType = "Bitte die Maßnahmeübersicht als CSV-Datei senden (Content-Type: text/csv).";
    public const string ImportUtf16 = "Die Datei ist in UTF-16 („Unicode-Text“) gespeichert. Bitte in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.";
    public const string ImportXlsx = "Das ist eine Excel-Arbeitsmappe, keine CSV-Datei. Bitte in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.";
    public const string ImportBinary = "Die Datei enthält Steuerzeichen und ist keine Textdatei in UTF-8 oder Windows-1252.";
    public const string ImportDoubleEncoded = "Die Datei ist falsch kodiert (z. B. „Ã¤“ statt „ä“): UTF-8 wurde als Windows-1252 gespeichert. Bitte die Datei neu als „CSV UTF-8“ speichern.";
    public static string ImportTooManyLines(int max) => $"Die Datei hat mehr als {max} Zeilen; bitte aufteilen.";
    public const string ImportUnclosedQuote = "Ein Anführungszeichen wird nicht geschlossen.";
    public static string MissingColumn(string column) => $"Die Spalte „{column}“ fehlt (Spaltennamen: Measures/README.md).";
    public const string MissingPlacesColumn = "Es fehlt eine Spalte für die Platzzahl: „Plätze“ oder (DIA-AM) „Höchstbelegung“.";
    public static string DuplicateColumn(string column) => $"Die Spalte „{column}“ kommt doppelt vor.";
    public static string DuplicateNumber(string number, int firstLine) => $"Die Maßnahmenummer „{number}“ steht schon in Zeile {firstLine}.";
    public static string BadDate(string value) => $"„{value}“ ist kein Datum (TT.MM.JJJJ).";
    public static string BadInteger(string value) => $"„{value}“ ist keine ganze Zahl.";
    public static string IntegerTooLarge(string value) => $"„{value}“ ist als Zahl zu groß.";
    public static string BadDecimal(string value) => $"„{value}“ ist keine Zahl (z. B. 1.234,5).";
    public static string CellTooLong(int max) => $"Der Wert ist länger als {max} Zeichen.";
    public static string TooManyCells(int expected) => $"Die Zeile hat mehr Felder als die Kopfzeile ({expected}); steht ein „;“ ohne Anführungszeichen im Text?";
    public static string ImportDryRun(int created, int changed, int unchanged, int errors) =>
        errors > 0
            ? $"Probelauf: {errors} Fehler. Es wurde nichts gespeichert; bitte die Datei korrigieren."
            : $"Probelauf: {created} neu, {changed} geändert, {unchanged} unverändert. Es wurde nichts gespeichert.";
    public static string ImportInvalid(int errors) => $"Die Datei enthält {errors} Fehler. Es wurde nichts gespeichert.";
    public static string ImportApplied(int created, int changed, int unchanged) =>
        $"Import abgeschlossen: {created} neu, {changed} geändert, {unchanged} unverändert.";
    public static string ImportInterrupted(int written, int total, string number) =>
        $"Der Import wurde bei Maßnahme „{number}“ unterbrochen ({written} von {total} Änderungen gespeichert), weil sie inzwischen geändert wurde " +
        "oder der Speicher nicht erreichbar war. Bitte dieselbe Datei erneut importieren: Gespeichertes gilt dann als unverändert, der Rest wird nachgeholt.";
}
