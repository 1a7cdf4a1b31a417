namespace TeamsAmdl.Functions.Bot;

/// <summary>Every German text the bot itself says (card texts live in cards/TeamsAmdl.Cards/Texts.cs).</summary>
public static class BotTexts
{
    public const string Help =
        "Hallo! Ich bin der TeamsAmdl-Bot. Ich melde mich, wenn es zu Ihren Maßnahmen und Plätzen etwas Neues gibt. " +
        "Freitext verstehe ich noch nicht – mit „Verbindung testen“ auf der Karte können Sie prüfen, ob die App Sie erreicht.";

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
