namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="RatingFlaggedCard"/>.</summary>
/// <param name="Betreuer">The measure's Betreuer:in (whose Führungskraft talks to the Träger).</param>
public sealed record RatingFlaggedCardData(
    RatingHeaderData Header,
    string Assessor,
    string? Betreuer,
    DateTimeOffset SubmittedAt,
    string HardAverage,
    string SoftAverage,
    string Threshold,
    IReadOnlyList<RatingBadValueView> BadValues);

/// <summary>
/// To the Koordinierende Führungskraft and the Führungskraft of the measure's Betreuer:in when a rating is
/// "auffällig" (R-RATE-4): every bad value with its Begründung and Handlungsempfehlung.
/// </summary>
public static class RatingFlaggedCard
{
    public static AdaptiveCard Build(RatingFlaggedCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.FlaggedFallback(h.Traeger, h.MeasureNumber))
            .Add(RatingCardParts.AttentionBanner(CardTexts.Ratings.FlaggedTitle, CardTexts.Ratings.FlaggedText(d.Assessor)))
            .Add(new FactSet(
            [
                .. RatingCardParts.RatingFacts(h, d.Assessor),
                new(CardTexts.Ratings.Betreuer, string.IsNullOrWhiteSpace(d.Betreuer) ? CardTexts.Common.NotSet : d.Betreuer),
                new(CardTexts.Ratings.SubmittedAt, CardTexts.Common.DateTimeForClient(d.SubmittedAt)),
                new(CardTexts.Ratings.AverageHard, d.HardAverage),
                new(CardTexts.Ratings.AverageSoft, d.SoftAverage),
                new(CardTexts.Ratings.ThresholdLabel, CardTexts.Ratings.ThresholdValue(d.Threshold)),
            ]) { Spacing = Spacing.Medium })
            .Add(new TextBlock(CardTexts.Ratings.BadValuesHeading) { Weight = TextWeight.Bolder, Spacing = Spacing.Large })
            .AddRange(RatingCardParts.BadValuesReadOnly(d.BadValues))
            .Build();
    }
}
