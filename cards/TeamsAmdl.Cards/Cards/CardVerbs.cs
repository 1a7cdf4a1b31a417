namespace TeamsAmdl.Cards;

/// <summary>Verbs of the Action.Execute actions the cards emit; the bot dispatches on these.</summary>
public static partial class CardVerbs
{
    /// <summary>"Verbindung testen": the bot answers with <see cref="PingResultCard"/>.</summary>
    public const string Ping = "ping";

    /// <summary>Reload a measure summary; data: {"measureNumber": "..."}.</summary>
    public const string MeasureRefresh = "measureRefresh";

    public const string MeasureNumberKey = "measureNumber";
}
