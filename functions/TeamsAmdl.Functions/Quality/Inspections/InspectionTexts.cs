using TeamsAmdl.Domain.Quality;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>German texts of inspections and Mängel (R-QA-1…3); the state machine's own texts are in <see cref="MangelTexts"/>.</summary>
public static class InspectionTexts
{
    public const string FindingsLabel = "Feststellungen";
    public const string NoteLabel = "Anlass";
    public const string MangelLabel = "Mangel";

    public static string UnknownMeasure(string number) => $"Die Maßnahme „{number}“ gibt es nicht.";
    public static string UnknownInspection(string id) => $"Die Prüfung „{id}“ gibt es bei dieser Maßnahme nicht.";
    public static string UnknownMangel(string id) => $"Den Mangel „{id}“ gibt es bei dieser Maßnahme nicht.";
    public const string NoRhythm = "Für diese Maßnahmeart gibt es keine Prüfungen (nur Einkaufsmaßnahmen, DIA-AM und UB/InbeQ).";
    public const string CoordinatorsOnly = "Angekündigte Prüfungen legt die Koordination an.";
    public const string TrackingRolesOnly = "Prüfungstermine bestätigen, verschieben und Prüfungen erfassen können Koordination und Betreuung.";
    public const string QualityRolesOnly = "Den Qualitätskalender sehen Koordination, Betreuung, Fachkraft S&QS, Teamleitungen und Geschäftsleitung.";
    public const string AlreadyRecorded = "Diese Prüfung ist bereits erfasst; ein Termin lässt sich nicht mehr ändern.";
    public const string DateMissing = "Das Datum fehlt.";
    public static string DateOutsideMeasure(DateOnly start, DateOnly end) =>
        $"Das Datum muss in der Laufzeit der Maßnahme liegen ({start:dd.MM.yyyy} bis {end:dd.MM.yyyy}).";
    public static string DateInPast(DateOnly today) => $"Ein Termin kann nicht vor heute ({today:dd.MM.yyyy}) liegen.";
    public static string RecordOnlyAfter(DateOnly date) => $"Eine Prüfung kann erst am Prüftag oder danach erfasst werden (Prüfdatum {date:dd.MM.yyyy}).";
    public const string ContactTypeInvalid = "Die COSACH-Kontaktart muss 3 (Maßnahmeprüfung) oder 6 (Kontaktbesuch) sein.";
    public const string FindingsTooLong = "Die Feststellungen sind länger als 4000 Zeichen.";
    public const string MangelInvalid = "Jeder Mangel braucht eine Beschreibung (höchstens 1000 Zeichen); höchstens 20 Mängel je Prüfung.";
    public static string UnknownAttendee(string id) => $"„{id}“ ist keine aktive Mitarbeiterin und kein aktiver Mitarbeiter.";
    public const string ChangedMeanwhile = "Der Eintrag wurde gerade von jemand anderem geändert. Bitte neu laden und erneut versuchen.";
    public static string UnknownAction(string? action) =>
        $"Unbekannter Schritt „{action}“. Möglich: {string.Join(", ", Enum.GetNames<MangelAction>())}.";
    public static string RangeInvalid(int maxDays) => $"Bitte „from“ und „to“ als Datum (JJJJ-MM-TT) angeben, „to“ nicht vor „from“, höchstens {maxDays} Tage.";

    public static string Kind(InspectionKind kind, int? months) => kind == InspectionKind.Regular
        ? $"Regelprüfung ({months} Monate nach Beginn)" : "Angekündigte Prüfung (anlassbezogen)";

    public static string Status(InspectionStatus s) => s switch
    {
        InspectionStatus.Planned => "geplant",
        InspectionStatus.Confirmed => "Termin bestätigt",
        InspectionStatus.Recorded => "durchgeführt und erfasst",
        _ => s.ToString(),
    };

    public static string ContactType(CosachContactType t) => t switch
    {
        CosachContactType.Massnahmepruefung => "3 = Maßnahmeprüfung",
        CosachContactType.Kontaktbesuch => "6 = Kontaktbesuch",
        _ => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Confirmed(DateOnly date) => $"Termin am {date:dd.MM.yyyy} bestätigt.";
    public static string Rescheduled(DateOnly date) => $"Termin auf den {date:dd.MM.yyyy} verschoben.";
    public static string LetterAnlass(DateOnly date) => $"der Vor-Ort-Prüfung am {date:dd.MM.yyyy}";

    public const string NoticeMissedHeading = "Mangel: Frist versäumt";
    public const string NoticeMissedText =
        "Der Träger hat den Mangel nicht fristgerecht als behoben angezeigt. Die Fachkraft Steuerung & Qualitätssicherung ist in die Vorbereitung weiterer Entscheidungen einbezogen.";
    public const string NoticeStufe2Heading = "Mangel: Deeskalationsstufe 2 – REZ unterrichtet";
    public const string NoticeStufe2Text = "Die Fachkraft Steuerung & Qualitätssicherung hat das REZ Südwest unterrichtet.";
    public const string NoticeLeitungHeading = "Mangel: Information an die Bereichs- und Geschäftsleitung";
    public const string NoticeLeitungText =
        "Zu diesem Mangel ist das REZ Südwest eingeschaltet (Deeskalationsstufe 2). Sie werden hiermit wie vorgesehen informiert.";
    public const string SystemActor = "Qualitätskalender (automatisch)";
}
