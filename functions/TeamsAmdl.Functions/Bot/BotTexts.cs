namespace TeamsAmdl.Functions.Bot;

/// <summary>Every German text the bot itself says (card texts live in cards/TeamsAmdl.Cards/Texts.cs).</summary>
public static class BotTexts
{
    /// <summary>The answer to "hilfe" and to any text the bot does not know: short, the commands only (the manifest lists the same).</summary>
    public const string Help =
        "Ich bin der TeamsAmdl-Bot und melde mich, wenn es für Sie etwas zu tun gibt. Schreiben Sie mir:\n" +
        "• „meine aufgaben“ – Ihre offenen Bewertungen, Wochenmeldungen und Platzanfragen\n" +
        "• „einstellungen“ – worüber die App Sie benachrichtigt\n" +
        "• „hilfe“ – diese Übersicht";

    /// <summary>The answer to "einstellungen": where the settings are (the tab's IFK section, issue 14).</summary>
    public const string Settings =
        "Ihre Benachrichtigungen über freie Plätze stellen Sie als Integrationsfachkraft in der Registerkarte „Maßnahmeinfo“ ein, " +
        "Abschnitt „Meine Benachrichtigungen über freie Plätze“: Teams, Maßnahmearten und Orte, stummgeschaltete Maßnahmen (mit „Rückgängig“) " +
        "und wann Meldungen zugestellt werden. Auf jeder Karte zu freien Plätzen können Sie eine Maßnahme auch direkt stummschalten.";

    public const string MyTasksPersonalOnly = "Ihre Aufgaben zeige ich nur im persönlichen Chat mit mir – schreiben Sie mir dort „meine aufgaben“.";

    public const string InvalidActivity = "Die Bot-Nachricht ist ungültig";
    public const string NotAuthenticated = "Die Bot-Anfrage ist nicht authentifiziert (kein gültiges Bot-Connector-Token).";
    public const string Forbidden = "Das Token der Bot-Anfrage deckt diese Nachricht nicht ab (Kanal, serviceUrl oder Mandant).";
    public const string AuthUnavailable = "Die Anmeldeschlüssel des Bot Connectors sind gerade nicht abrufbar. Bitte später erneut versuchen.";
    public const string NotConfigured = "Der Bot ist nicht konfiguriert: Bot:AppId fehlt.";
    public const string DevStandInsOff = "Diese Adresse gibt es nicht: Die Entwicklungs-Ersatzdienste des Bots sind ausgeschaltet (Bot:DevStandIns = false).";

    public const string MissingVerb = "Die Kartenaktion ist unvollständig: Es fehlt das Verb der Aktion.";
    public const string UnknownUser =
        "Ihr Microsoft-Konto ist in TeamsAmdl keiner Mitarbeiterin und keinem Mitarbeiter zugeordnet. Bitte wenden Sie sich an die Koordination.";
    public static string UnknownVerb(string verb) => $"Die Aktion „{verb}“ kennt die App nicht. Bitte laden Sie die Karte neu oder aktualisieren Sie die App.";
    public const string InProgress = "Ihre Aktion wird noch ausgeführt. Bitte einen Moment warten und die Karte dann neu laden.";
    public static string InternalError(string correlationId) =>
        $"Die Aktion konnte wegen eines internen Fehlers nicht ausgeführt werden. Bitte später erneut versuchen (Fehlerkennung: {correlationId}).";
}
