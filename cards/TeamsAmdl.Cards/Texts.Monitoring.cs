using System.Globalization;

namespace TeamsAmdl.Cards;

// German texts of the quality monitoring cards (month-end utilisation, tasks after a measure's end).
public static partial class CardTexts
{
    public static class Monitoring
    {
        private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

        // ---- month-end utilisation (R-QA-5) ----
        public static string MonthEndTitle(string month) => $"Auslastung der Einkaufsmaßnahmen – {month}";
        public static string MonthEndScope(string? team, DateOnly reportDay) =>
            (team is null ? "Alle Teams" : team) + $" · Stichtag {Common.Date(reportDay)} (letzter Arbeitstag)";
        public static string MonthEndFallback(string month) => $"Monatsmonitoring {month}: Auslastung der Einkaufsmaßnahmen.";
        /// <summary>Seed 000 §7: low utilisation is not the Betreuer's fault; said on every card.</summary>
        public const string MonthEndNeutral =
            "Belegung der eingekauften Plätze am Stichtag. Die Auslastung hängt von Bedarf, Zuweisungen und Angebot ab; eine niedrige " +
            "Auslastung ist kein Versäumnis der Maßnahmebetreuung, sondern Grundlage der Steuerung.";
        public const string Measures = "Maßnahmen";
        public const string OccupiedTotal = "Belegt / eingekauft";
        public static string OccupiedValue(int occupied, int places, string percent) =>
            $"{Common.Number(occupied)} von {Common.Number(places)} Plätzen ({percent})";
        public const string PaidButEmptyTotal = "Bezahlt, aber leer (UB/InbeQ)";
        public static string PaidButEmptyValue(int places, int measures) =>
            $"{Places(places)} in {(measures == 1 ? "1 Maßnahme" : $"{Common.Number(measures)} Maßnahmen")}";
        public const string ColumnMeasure = "Maßnahme";
        public const string ColumnOccupied = "Belegt";
        public const string ColumnRate = "Auslastung";
        public const string ColumnNote = "Hinweis";
        public static string TmNote(string consumed, string planned, string? percent) =>
            $"{consumed} von {planned} TM geplant" + (percent is null ? "" : $" ({percent})");
        public static string PaidButEmptyNote(int places) => $"{Places(places)} bezahlt, aber leer";
        public static string LeftOut(int count) => $"… und {Common.Number(count)} weitere im Auslastungsbericht.";
        public const string Filed = "Der Auslastungsbericht (Excel und Word) liegt in der e-Akte jeder Maßnahme unter „Auslastung“.";
        public const string NoMeasures = "Am Stichtag lief keine Einkaufsmaßnahme.";

        // ---- Träger reports overdue on the report day (R-TN-4), neutral ----
        public static string PendingTitle(int count) => $"Ausstehende Träger-Meldungen: {Common.Number(count)}";
        public static string PendingLine(string measure, string report, DateOnly due) => $"{measure} · {report} (fällig {Common.Date(due)})";
        public static string PendingMore(int count) => $"und {Common.Number(count)} weitere";
        public const string PendingHint = "Stand am Stichtag; die Betreuung hakt eingegangene Meldungen in der App unter „Fristen“ ab.";

        public static string Percent(decimal ratio) => (ratio * 100).ToString("0.0", De) + " %";
        public static string Tm(decimal value) => value.ToString("0.00", De);
        private static string Places(int n) => n == 1 ? "1 Platz" : $"{Common.Number(n)} Plätze";

        // ---- tasks after the end (R-QA-4) ----
        public static string TaskTitle(QualityTaskKind kind) => kind switch
        {
            QualityTaskKind.Abschlussbericht => "Abschlussbericht des Trägers prüfen",
            _ => "Eingliederungserfolg erfassen",
        };
        public const string ReminderBanner = "Erinnerung: Diese Aufgabe ist überfällig.";
        public const string DoneBanner = "Erledigt. Vielen Dank!";
        public static string TaskIntro(QualityTaskKind kind) => kind switch
        {
            QualityTaskKind.Abschlussbericht =>
                "Die Maßnahme ist beendet. Bitte prüfen Sie den Abschlussbericht des Trägers und bestätigen Sie die Prüfung hier.",
            _ => "Die Maßnahme endete vor sechs Monaten. Bitte erfassen Sie, wie viele Teilnehmende integriert wurden.",
        };
        public static string TaskFallback(QualityTaskKind kind, string measureNumber) => $"{TaskTitle(kind)}: Maßnahme {measureNumber}.";
        public const string Measure = "Maßnahme";
        public static string MeasureValue(string number, string title) => $"{number} – {title}";
        public const string Traeger = "Träger";
        public const string MeasureEnd = "Maßnahmeende";
        public const string Due = "Fällig am";
        public const string Participants = "Teilnahmen insgesamt";
        public const string Integrated = "Davon integriert";
        public const string NotIntegrated = "Davon nicht integriert";
        public const string IntegratedError = "Bitte die Zahl der integrierten Teilnehmenden eingeben (0 oder mehr).";
        public const string NotIntegratedError = "Bitte die Zahl der nicht integrierten Teilnehmenden eingeben (0 oder mehr).";
        public const string ConfirmReview = "Abschlussbericht geprüft";
        public const string ConfirmRecord = "Eingliederungserfolg speichern";
        public static string DoneBy(string name, DateOnly on) => $"{name} am {Common.Date(on)}";
        public const string DoneLabel = "Erledigt von";
        public static string Result(int integrated, int notIntegrated) =>
            $"{Common.Number(integrated)} integriert, {Common.Number(notIntegrated)} nicht integriert";
        public const string ResultLabel = "Ergebnis";
    }
}
