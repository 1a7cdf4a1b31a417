namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="RatingClosedCard"/>.</summary>
/// <param name="Message">Optional German line on top, e.g. that the last input was not stored.</param>
public sealed record RatingClosedCardData(RatingHeaderData Header, DateTimeOffset? ClosedAt, string? Message = null);

/// <summary>Shown instead of the questionnaire once the coordinator closed the request.</summary>
public static class RatingClosedCard
{
    public static AdaptiveCard Build(RatingClosedCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.ClosedFallback(h.Traeger))
            .Add(RatingCardParts.Header(h, CardTexts.Ratings.ClosedTitle));
        if (!string.IsNullOrWhiteSpace(d.Message))
            builder.Add(RatingCardParts.Problems(CardTexts.Ratings.ErrorHeading, [d.Message])!);
        var facts = new List<Fact> { RatingCardParts.Measure(h), new(CardTexts.Ratings.Kind, h.Kind), RatingCardParts.Deadline(h) };
        if (d.ClosedAt is { } at) facts.Add(new Fact(CardTexts.Ratings.ClosedAt, CardTexts.Common.DateTimeForClient(at)));
        return builder
            .Add(new TextBlock(CardTexts.Ratings.ClosedText) { Spacing = Spacing.Medium }, new FactSet(facts) { Spacing = Spacing.Small })
            .Build();
    }
}
