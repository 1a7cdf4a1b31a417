namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="RatingRequestCard"/>.</summary>
/// <param name="Threshold">Formatted "auffällig" threshold, e.g. "2".</param>
/// <param name="Note">Optional reason the coordinator gave (event-driven ratings).</param>
/// <param name="AssessorUserId">AAD object id of the assessor: the card refreshes to the current page for them.</param>
public sealed record RatingRequestCardData(
    RatingHeaderData Header,
    string TemplateTitle,
    int TemplateVersion,
    int QuestionCount,
    int PageCount,
    string RequestedBy,
    string Threshold,
    string? Note = null,
    string? AssessorUserId = null);

/// <summary>The request in the assessor's 1:1 chat: what to rate, until when, and "Bewertung starten".</summary>
public static class RatingRequestCard
{
    public static AdaptiveCard Build(RatingRequestCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        var facts = new List<Fact>
        {
            RatingCardParts.Measure(h),
            new(CardTexts.Ratings.Traeger, h.Traeger),
            new(CardTexts.Ratings.Kind, h.Kind),
            new(CardTexts.Ratings.Questionnaire, CardTexts.Ratings.QuestionnaireValue(d.TemplateTitle, d.TemplateVersion)),
            new(CardTexts.Ratings.Scope, CardTexts.Ratings.ScopeValue(d.QuestionCount, d.PageCount)),
            RatingCardParts.Deadline(h),
            new(CardTexts.Ratings.RequestedBy, d.RequestedBy),
        };
        if (!string.IsNullOrWhiteSpace(d.Note)) facts.Add(new Fact(CardTexts.Ratings.Note, d.Note));
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.RequestFallback(h.Traeger, h.Deadline))
            .Add(RatingCardParts.Header(h))
            .Add(
                new TextBlock(CardTexts.Ratings.RequestIntro) { Spacing = Spacing.Medium },
                new FactSet(facts) { Spacing = Spacing.Medium },
                TextBlock.Subtle(CardTexts.Ratings.RuleHint(d.Threshold)) with { Spacing = Spacing.Medium },
                TextBlock.Subtle(CardTexts.Ratings.DraftHint))
            .AddAction(new ExecuteAction(CardVerbs.RatingOpen, CardTexts.Ratings.Start)
            {
                Style = ActionStyle.Positive,
                Data = RatingCardParts.Data(h),
                AssociatedInputs = AssociatedInputs.None,
            })
            .WithAssessorRefresh(h, d.AssessorUserId)
            .Build();
    }
}
