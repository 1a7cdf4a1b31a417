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
            .Add(new Container(
            [
                new TextBlock(CardTexts.Ratings.OverdueTitle) { Weight = TextWeight.Bolder, Size = TextSize.Large, Color = TextColor.Attention },
                new TextBlock(CardTexts.Ratings.OverdueText(d.Assessor)) { Spacing = Spacing.Small },
            ]) { Style = ContainerStyle.Attention, Bleed = true })
            .Add(new FactSet(
            [
                RatingCardParts.Measure(h),
                new(CardTexts.Ratings.Traeger, h.Traeger),
                new(CardTexts.Ratings.Kind, h.Kind),
                new(CardTexts.Ratings.Assessor, d.Assessor),
                new(CardTexts.Ratings.SentOn, CardTexts.Common.Date(d.SentOn)),
                RatingCardParts.Deadline(h),
                new(CardTexts.Ratings.ProgressLabel, CardTexts.Ratings.Progress(d.Answered, d.QuestionCount)),
            ]) { Spacing = Spacing.Medium })
            .Build();
    }
}
