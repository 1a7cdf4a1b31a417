namespace TeamsAmdl.Functions.Playground;

/// <summary>German texts of the playground mode.</summary>
public static class PlaygroundTexts
{
    public const string Off =
        "Diese Adresse gibt es nur mit dem Agents Playground als Chat-Client: App in Development mit Bot:Playground=true starten (PLAYGROUND_USER=… ./run.sh).";

    public const string Refused =
        "Das Agents Playground sendet für einen anderen Mandanten oder Kanal als diese App: .m365agentsplayground.yml neu erzeugen (GET /dev/playground/config?user=…).";

    public const string NotAllowedOutsideDevelopment =
        "Start abgebrochen: Bot:Playground ist nur in Development erlaubt (es nimmt Aktivitäten ohne Bot-Connector-Token an).";

    public static string UnknownUser(string? user) =>
        $"Unbekannter Demo-Benutzer „{user}“ (Liste: /api/dev/users); es braucht einen mit AAD-Objekt-ID und fünf weitere.";
}
