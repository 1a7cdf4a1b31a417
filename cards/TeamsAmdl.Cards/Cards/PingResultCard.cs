namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="PingResultCard"/>.</summary>
/// <param name="UserName">Display name of the user who pressed "Verbindung testen".</param>
/// <param name="Timestamp">When the bot handled the ping; the client shows it in the user's time zone.</param>
public sealed record PingResultCardData(string UserName, DateTimeOffset Timestamp);

/// <summary>Replacement card the bot returns for the <see cref="CardVerbs.Ping"/> verb.</summary>
public static class PingResultCard
{
    public static AdaptiveCard Build(PingResultCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return AdaptiveCard.Create()
            .WithFallbackText(CardTexts.PingResult.FallbackText)
            .Add(
                TextBlock.Heading(CardTexts.PingResult.Title) with { Color = TextColor.Good },
                new TextBlock(CardTexts.PingResult.Text) { Spacing = Spacing.Small },
                new FactSet(
                [
                    new Fact(CardTexts.PingResult.UserLabel, data.UserName),
                    new Fact(CardTexts.PingResult.TimeLabel, CardTexts.Common.DateTimeForClient(data.Timestamp)),
                ]))
            .AddAction(new ExecuteAction(CardVerbs.Ping, CardTexts.PingResult.PingAgain) { AssociatedInputs = AssociatedInputs.None })
            .Build();
    }
}
