namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="WelcomeCard"/>.</summary>
/// <param name="UserName">Display name of the user the bot greets; null greets without a name (e.g. in a channel).</param>
public sealed record WelcomeCardData(string? UserName = null);

/// <summary>The bot's greeting after installation: what the app does for each role, and the chat commands.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Welcome.FallbackText)
            .Add(
                TextBlock.Heading(CardTexts.Welcome.Title),
                new TextBlock(CardTexts.Welcome.Greeting(data.UserName)) { Weight = TextWeight.Bolder, Spacing = Spacing.Small },
                new TextBlock(CardTexts.Welcome.Intro) { Spacing = Spacing.Small },
                new TextBlock(CardTexts.Welcome.RolesHeading) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
                new FactSet(
                [
                    new Fact(CardTexts.Welcome.Bewerter, CardTexts.Welcome.BewerterText),
                    new Fact(CardTexts.Welcome.Ifk, CardTexts.Welcome.IfkText),
                    new Fact(CardTexts.Welcome.Koordination, CardTexts.Welcome.KoordinationText),
                ]) { Spacing = Spacing.Small },
                // No "Verbindung testen" here: the ping verb is for operators and benchmarks, not for end users.
                TextBlock.Subtle(CardTexts.Welcome.CommandsHint) with { Spacing = Spacing.Medium })
            .Build();
    }
}
