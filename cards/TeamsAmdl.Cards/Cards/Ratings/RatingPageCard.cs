namespace TeamsAmdl.Cards;

/// <summary>A question on a page, with what the assessor entered so far (stored draft or rejected input).</summary>
/// <param name="Value">Preselected value; must be one of the scale's values (null = not answered yet).</param>
public sealed record RatingQuestionInput(string Id, int Number, string Text, string? Hint = null, int? Value = null, string? Comment = null);

/// <summary>Input of <see cref="RatingPageCard"/>.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="PageCount">Pages including the summary page.</param>
/// <param name="Section">"Hard Facts" or "Soft Facts".</param>
/// <param name="Errors">German problems with the last input (nothing was stored); shown in a red box.</param>
public sealed record RatingPageCardData(
    RatingHeaderData Header,
    int Page,
    int PageCount,
    string Section,
    int Part,
    int Parts,
    IReadOnlyList<RatingScaleChoice> Scale,
    IReadOnlyList<RatingQuestionInput> Questions,
    int Answered,
    int QuestionCount,
    IReadOnlyList<string>? Errors = null,
    string? AssessorUserId = null);

/// <summary>
/// One page of the questionnaire: at most 8 questions, each a required drop-down on the scale plus an optional
/// comment. "Speichern und weiter" stores the page (all questions answered) and shows the next page or the summary;
/// "Zurück" shows the previous page without storing.
/// </summary>
public static class RatingPageCard
{
    public const int MaxCommentLength = 2000;

    public static AdaptiveCard Build(RatingPageCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        var isLastQuestionPage = d.Page == d.PageCount - 1;
        var choices = d.Scale.OrderByDescending(s => s.Value).Select(s => new Choice(CardTexts.Ratings.ScaleChoice(s.Value, s.Label),
            s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.PageFallback(d.Page, d.PageCount))
            .Add(RatingCardParts.Header(h, CardTexts.Ratings.PageOf(d.Page, d.PageCount, d.Section, d.Part, d.Parts)))
            .Add(new FactSet(
            [
                RatingCardParts.Deadline(h),
                new(CardTexts.Ratings.ProgressLabel, CardTexts.Ratings.Progress(d.Answered, d.QuestionCount)),
            ]) { Spacing = Spacing.Small });
        if (RatingCardParts.Problems(CardTexts.Ratings.NotSavedHeading, d.Errors ?? []) is { } problems)
            builder.Add(problems);
        builder.Add(TextBlock.Subtle(CardTexts.Ratings.ScaleLegend(d.Scale.OrderByDescending(s => s.Value).Select(s => (s.Value, s.Label)))));

        foreach (var q in d.Questions)
        {
            var items = new List<CardElement>
            {
                new ChoiceSetInput(CardVerbs.RatingAnswerPrefix + q.Id, choices)
                {
                    Label = CardTexts.Ratings.QuestionLabel(q.Number, q.Text),
                    IsRequired = true,
                    ErrorMessage = CardTexts.Ratings.AnswerRequired(q.Number),
                    Style = ChoiceInputStyle.Compact,
                    Placeholder = CardTexts.Ratings.ChoicePlaceholder,
                    Value = q.Value is { } v && d.Scale.Any(s => s.Value == v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                },
            };
            if (!string.IsNullOrWhiteSpace(q.Hint))
                items.Add(TextBlock.Subtle(q.Hint) with { Size = TextSize.Small, Spacing = Spacing.None });
            items.Add(new TextInput(CardVerbs.RatingCommentPrefix + q.Id)
            {
                Placeholder = CardTexts.Ratings.CommentPlaceholder(q.Number),
                MaxLength = MaxCommentLength,
                Value = RatingCardParts.Clip(q.Comment, MaxCommentLength),
                Spacing = Spacing.Small,
            });
            builder.Add(new Container(items) { Spacing = Spacing.Medium, Separator = true });
        }

        if (d.Page > 1)
            builder.AddAction(new ExecuteAction(CardVerbs.RatingOpen, CardTexts.Ratings.Back)
            {
                Data = RatingCardParts.Data(h, d.Page - 1),
                AssociatedInputs = AssociatedInputs.None,
            });
        builder.AddAction(new ExecuteAction(CardVerbs.RatingSavePage, isLastQuestionPage ? CardTexts.Ratings.ToSummary : CardTexts.Ratings.Next)
        {
            Style = ActionStyle.Positive,
            Data = RatingCardParts.Data(h, d.Page),
            AssociatedInputs = AssociatedInputs.Auto,
        });
        return builder.WithAssessorRefresh(h, d.AssessorUserId).Build();
    }
}
