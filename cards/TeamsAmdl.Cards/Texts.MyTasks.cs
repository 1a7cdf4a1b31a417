namespace TeamsAmdl.Cards;

// German texts of the bot's "meine aufgaben" card.
public static partial class CardTexts
{
    public static class MyTasks
    {
        public const string FallbackText = "Ihre offenen Aufgaben in " + AppName + ".";
        public const string Title = "Meine Aufgaben";

        public static string Greeting(string? userName) =>
            string.IsNullOrWhiteSpace(userName) ? "Das ist gerade für Sie offen:" : $"Hallo {userName.Trim()}, das ist gerade für Sie offen:";

        public const string Nothing = "Sie haben gerade keine offenen Aufgaben. Sobald etwas für Sie ansteht, meldet sich die App im Chat.";

        public const string RatingsHeading = "Offene Bewertungen";
        public static string RatingTitle(string measureNumber, string traeger) => $"{traeger} · Maßnahme {measureNumber}";
        public static string RatingDetail(DateOnly deadline, int answered, int questions) =>
            $"Frist {Common.Date(deadline)} · {Common.Number(answered)} von {Common.Number(questions)} Fragen beantwortet";
        public const string RatingAction = "Bewertung öffnen";

        public const string WeeklyInputsHeading = "Offene Wochenmeldung";
        public static string WeeklyInputTitle(string weekLabel) => $"Wochenmeldung {weekLabel}";
        public static string WeeklyInputDetail(int missing) =>
            missing == 1 ? "Für 1 Maßnahme fehlen Ihre Angaben." : $"Für {Common.Number(missing)} Maßnahmen fehlen Ihre Angaben.";
        public const string WeeklyInputAction = "Wochenmeldung öffnen";

        public const string DecisionsHeading = "Platzanfragen zur Entscheidung";
        public static string DecisionTitle(string measureNumber, string measureTitle) => $"{measureTitle} ({measureNumber})";
        public static string DecisionDetail(string customerRef, string ifkName) => $"Kundenreferenz {customerRef} · angefragt von {ifkName}";
        public const string DecisionAction = "Anfrage öffnen";

        public static string More(int count) => count == 1 ? "… und 1 weitere" : $"… und {Common.Number(count)} weitere";

        public const string DeadlinesHeading = "Fristen";
        public static string DeadlineTitle(string label, string? customerRef) => customerRef is null ? label : $"{label} · {customerRef}";
        public static string DeadlineDetail(string measureNumber, string measureTitle, DateOnly due, bool overdue) =>
            overdue ? $"{measureTitle} ({measureNumber}) · überfällig, Frist war der {Common.Date(due)}" : $"{measureTitle} ({measureNumber}) · fällig am {Common.Date(due)}";

        public const string AfterEndHeading = "Aufgaben nach Maßnahmeende";
        public static string AfterEndTitle(string task, string measureNumber) => $"{task} · Maßnahme {measureNumber}";
        public static string AfterEndDetail(string measureTitle, DateOnly due, bool overdue) =>
            overdue ? $"{measureTitle} · überfällig, Frist war der {Common.Date(due)}" : $"{measureTitle} · fällig am {Common.Date(due)}";
    }
}
