namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>German texts of the monitoring API (month-end figures, after-end tasks, COSACH contacts and export).</summary>
public static class MonitoringTexts
{
    public const string Forbidden = "Diese Auswertung sehen Teamleitungen, Geschäftsführung, Koordination und die Fachkräfte SQS.";
    public const string CosachForbidden = "Den COSACH-Export erstellen die Fachkräfte SQS, die Koordination, koordinierende Führungskräfte und die Geschäftsführung.";
    public const string ContactForbidden = "Kontakte erfassen die Koordination, die Maßnahmebetreuung und die Fachkräfte SQS.";
    public static string InvalidMonth(string? value) => $"Der Monat „{value}“ ist ungültig; erwartet wird JJJJ-MM, z. B. 2026-11.";
    public const string MonthMissing = "Bitte den Monat angeben (?month=JJJJ-MM, z. B. 2026-11).";
    public static string UnknownMeasure(string number) => $"Die Maßnahme {number} gibt es nicht.";
    public const string ContactDateMissing = "Bitte das Datum des Kontakts angeben (JJJJ-MM-TT).";
    public const string ContactInFuture = "Ein Kontakt kann erst erfasst werden, wenn er stattgefunden hat (Datum liegt in der Zukunft).";
    public const string ContactBeforeMeasure = "Das Datum liegt vor dem Beginn der Maßnahme.";
    public const string ContactTypeMissing = "Bitte die Kontaktart angeben: Kontaktbesuch (6) oder Massnahmepruefung (3).";
    public const string MeasureMissing = "Bitte die Maßnahmenummer angeben.";
    public static string UnknownTask(string task) => $"Die Aufgabe „{task}“ gibt es nicht; möglich sind Abschlussbericht und Eingliederungserfolg.";
    public static string TaskNotOpen(string number) => $"Für die Maßnahme {number} ist diese Aufgabe (noch) nicht offen.";
    public const string TaskForbidden = "Diese Aufgabe erledigen die Koordination und die Maßnahmebetreuung der Maßnahme.";
    public const string TaskAlreadyDone = "Diese Aufgabe ist bereits erledigt.";
    public const string TaskChanged = "Die Aufgabe wurde gerade von jemand anderem geändert. Bitte neu laden.";
    public const string OutcomeMissing = "Bitte die Zahl der integrierten und der nicht integrierten Teilnehmenden angeben (jeweils 0 oder mehr).";
    public static string OutcomeTooMany(int sum, int total) =>
        $"Zusammen {sum} Teilnehmende angegeben, die Maßnahme hatte aber nur {total} Teilnahmen.";
    public const string StartFailed = "Die Tabellen des Qualitätsmonitorings konnten nicht angelegt werden: ";
}
