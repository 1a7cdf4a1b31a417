namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="RatingSubmittedCard"/>.</summary>
public sealed record RatingSubmittedCardData(
    RatingHeaderData Header,
    DateTimeOffset SubmittedAt,
    string HardAverage,
    string SoftAverage,
    IReadOnlyList<RatingBadValueView> BadValues);

/// <summary>The assessor's confirmation after the submission was accepted (replaces the summary card).</summary>
public static class RatingSubmittedCard
{
    public static AdaptiveCard Build(RatingSubmittedCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        var auffaellig = d.BadValues.Count > 0;
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.SubmittedFallback(h.Traeger))
            .Add(new Container(
            [
                new TextBlock(CardTexts.Ratings.SubmittedTitle) { Weight = TextWeight.Bolder, Size = TextSize.Large, Color = TextColor.Good },
                new TextBlock(CardTexts.Ratings.SubmittedText) { Spacing = Spacing.Small },
            ]) { Style = ContainerStyle.Good, Bleed = true })
            .Add(RatingCardParts.Header(h))
            .Add(new FactSet(
            [
                RatingCardParts.Measure(h),
                new(CardTexts.Ratings.Kind, h.Kind),
                new(CardTexts.Ratings.SubmittedAt, CardTexts.Common.DateTimeForClient(d.SubmittedAt)),
                new(CardTexts.Ratings.AverageHard, d.HardAverage),
                new(CardTexts.Ratings.AverageSoft, d.SoftAverage),
                new(CardTexts.Ratings.Result, auffaellig ? CardTexts.Ratings.ResultAuffaellig : CardTexts.Ratings.ResultOk),
            ]) { Spacing = Spacing.Medium });
        if (auffaellig)
        {
            builder.Add(new TextBlock(CardTexts.Ratings.ManagersNotified) { Spacing = Spacing.Medium });
            builder.AddRange(RatingCardParts.BadValuesReadOnly(d.BadValues));
        }
        return builder.Add(TextBlock.Subtle(CardTexts.Ratings.DocumentQueued) with { Spacing = Spacing.Medium }).Build();
    }
}
