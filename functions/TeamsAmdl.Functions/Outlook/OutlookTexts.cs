using System.Globalization;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>German texts of the Outlook feature: subjects, the mail's HTML fallback, errors of mail cards, the channel choice.</summary>
public static class OutlookTexts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", German);

    public static string InvitationSubject(string traeger, string measure, DateOnly deadline) =>
        $"Bitte um Trägerbewertung: {traeger} ({measure}) – Frist {Date(deadline)}";

    public static string ReminderSubject(string traeger, string measure, DateOnly deadline) =>
        $"Erinnerung: Trägerbewertung {traeger} ({measure}) – Frist {Date(deadline)}";

    public const string FallbackIntro =
        "Ihr E-Mail-Programm zeigt die interaktive Karte nicht an. Sie können die Bewertung in der TeamsAmdl-App in Microsoft Teams ausfüllen:";

    public const string FallbackLink = "Bewertung in TeamsAmdl öffnen";

    public const string FallbackFooter = "Diese Nachricht wurde automatisch aus dem Einkaufspostfach versandt.";

    public const string UnknownOriginator =
        "Diese Karte stammt nicht von der TeamsAmdl-App (unbekannter Absender). Es wurde nichts gespeichert.";

    public const string NotEnabled =
        "Antworten aus Outlook sind für diese Installation nicht eingerichtet. Es wurde nichts gespeichert. Bitte nutzen Sie die Karte in Microsoft Teams.";

    public const string ChannelLabel = "Benachrichtigungsweg";

    public static string ChannelName(NotificationChannel c) => c switch
    {
        NotificationChannel.Teams => "Teams-Chat",
        NotificationChannel.Outlook => "Outlook-E-Mail",
        NotificationChannel.Both => "Teams-Chat und Outlook-E-Mail",
        _ => c.ToString(),
    };

    public static string UnknownChannel(string? value) =>
        $"„{value}“ ist kein Benachrichtigungsweg. Erlaubt sind Teams, Outlook und Both (beides).";

    public const string UnknownStaff = "Sie sind nicht als Mitarbeiter:in erfasst.";
}
