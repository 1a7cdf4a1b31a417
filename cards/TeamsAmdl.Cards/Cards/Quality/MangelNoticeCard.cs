namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="MangelNoticeCard"/>: heading and text come from the sender (German, from its Texts class).</summary>
public sealed record MangelNoticeCardData(string MeasureNumber, string MeasureTitle, string Traeger, string Heading, string Text,
    string Mangel, string Status, DateOnly? Deadline, string By);

/// <summary>R-QA-3 notices without actions: deadline missed (to the Fachkraft S&amp;QS), REZ informed, leadership informed.</summary>
public static class MangelNoticeCard
{
    public static AdaptiveCard Build(MangelNoticeCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var facts = new List<Fact>
        {
            new(CardTexts.Quality.Traeger, d.Traeger),
            new(CardTexts.Quality.Mangel, d.Mangel),
            new(CardTexts.Quality.Status, d.Status),
        };
        if (d.Deadline is { } deadline) facts.Add(new Fact(CardTexts.Quality.Deadline, CardTexts.Common.Date(deadline)));
        facts.Add(new Fact(CardTexts.Quality.By, d.By));
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Quality.NoticeFallback(d.MeasureNumber, d.Heading))
            .Add(
                new TextBlock(d.Heading) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Size = TextSize.Medium },
                TextBlock.Subtle(CardTexts.Quality.Subtitle(d.MeasureNumber, d.MeasureTitle)) with { Spacing = Spacing.None },
                new TextBlock(d.Text) { Spacing = Spacing.Medium },
                new FactSet(facts) { Spacing = Spacing.Small })
            .Build();
    }
}
