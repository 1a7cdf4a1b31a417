namespace TeamsAmdl.Cards;

public static partial class CardTexts
{
    /// <summary>Quality calendar: inspection reminders and Mängel notices (R-QA-1, R-QA-3).</summary>
    public static class Quality
    {
        public static string ReminderFallback(string measureNumber, DateOnly date) => $"Vor-Ort-Prüfung {measureNumber} am {Common.Date(date)}";
        public static string ReminderTitle(int daysLeft) => daysLeft == 1 ? "Vor-Ort-Prüfung morgen" : $"Vor-Ort-Prüfung in {daysLeft} Tagen";
        public static string Subtitle(string number, string title) => $"Maßnahme {number} · {title}";
        public const string ReminderText = "Bitte stimmen Sie den Termin mit dem Träger ab und bestätigen oder verschieben Sie ihn.";
        public const string Traeger = "Träger";
        public const string Date = "Termin";
        public const string Kind = "Art";
        public const string Status = "Stand";
        public const string Confirm = "Termin bestätigen";
        public const string Reschedule = "Termin verschieben";
        public const string NewDate = "Neuer Termin";
        public const string NewDateMissing = "Bitte den neuen Termin wählen.";
        public const string SaveNewDate = "Neuen Termin speichern";

        public const string Mangel = "Mangel";
        public const string Deadline = "Frist";
        public const string By = "Durch";
        public static string NoticeFallback(string measureNumber, string heading) => $"{heading} – Maßnahme {measureNumber}";
    }
}
