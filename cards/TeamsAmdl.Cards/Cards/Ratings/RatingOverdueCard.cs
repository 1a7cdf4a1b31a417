namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="RatingOverdueCard"/>.</summary>
public sealed record RatingOverdueCardData(
    RatingHeaderData Header,
    string Assessor,
    DateOnly SentOn,
    int Answered,
    int QuestionCount);

/// <summary>To the coordinator when an assessor missed the deadline (R-RATE-5).</summary>
public static class RatingOverdueCard
{
    public static AdaptiveCard Build(RatingOverdueCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.OverdueFallback(h.Traeger, d.Assessor))
            .Add(RatingCardParts.AttentionBanner(CardTexts.Ratings.OverdueTitle, CardTexts.Ratings.OverdueText(d.Assessor)))
            .Add(new FactSet(
            [
                .. RatingCardParts.RatingFacts(h, d.Assessor),
                new(CardTexts.Ratings.SentOn, CardTexts.Common.Date(d.SentOn)),
                RatingCardParts.Deadline(h),
                new(CardTexts.Ratings.ProgressLabel, CardTexts.Ratings.Progress(d.Answered, d.QuestionCount)),
            ]) { Spacing = Spacing.Medium })
            .Build();
    }
}
