namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="RatingReminderCard"/>.</summary>
public sealed record RatingReminderCardData(
    RatingHeaderData Header,
    int Answered,
    int QuestionCount,
    string? AssessorUserId = null);

/// <summary>Reminder 14, 7 and 1 day before the deadline (R-RATE-5), with "Bewertung fortsetzen".</summary>
public static class RatingReminderCard
{
    public static AdaptiveCard Build(RatingReminderCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.ReminderFallback(h.Traeger, h.DaysLeft))
            .Add(
                new TextBlock(CardTexts.Ratings.ReminderTitle(h.DaysLeft)) { Weight = TextWeight.Bolder, Color = TextColor.Warning, Size = TextSize.Medium },
                TextBlock.Subtle(CardTexts.Ratings.Subtitle(h.MeasureNumber, h.MeasureTitle)) with { Spacing = Spacing.None },
                new TextBlock(CardTexts.Ratings.ReminderText) { Spacing = Spacing.Medium },
                new FactSet(
                [
                    new(CardTexts.Ratings.Traeger, h.Traeger),
                    new(CardTexts.Ratings.Kind, h.Kind),
                    RatingCardParts.Deadline(h),
                    new(CardTexts.Ratings.ProgressLabel, CardTexts.Ratings.Progress(d.Answered, d.QuestionCount)),
                ]) { Spacing = Spacing.Small })
            .AddAction(new ExecuteAction(CardVerbs.RatingOpen, CardTexts.Ratings.Continue)
            {
                Style = ActionStyle.Positive,
                Data = RatingCardParts.Data(h),
                AssociatedInputs = AssociatedInputs.None,
            })
            .Build();
    }
}
